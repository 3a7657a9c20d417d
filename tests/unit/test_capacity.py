"""Back-of-envelope capacity estimates (macros/capacity.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.capacity import (
    avg_qps,
    avg_qps_value,
    bandwidth,
    bandwidth_value,
    box_count,
    box_count_value,
    little_concurrency,
    little_latency,
    little_throughput,
    peak_qps,
    qps_from_daily,
    storage_growth,
    storage_growth_bytes,
    twitter_sizing,
)
from macros.errors import MacroInputError

NB = "\u00a0"
pos = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_twitter_write_and_read_qps() -> None:
    # 500 M × 0.2 = 100 M/day ÷ 86,400 = 1,157.4 QPS; × 5 = 5,787; reads 50 B/day ÷ 86,400 = 578,704
    assert avg_qps_value(500e6, 0.2) == pytest.approx(1_157.407, rel=1e-6)
    assert avg_qps(500e6, 0.2) == f"1,160{NB}QPS"
    assert peak_qps(500e6, 0.2) == f"5,790{NB}QPS"
    assert avg_qps(500e6, 100) == f"579,000{NB}QPS"
    assert peak_qps(500e6, 100) == f"2.89{NB}million{NB}QPS"


def test_one_million_requests_a_day_is_about_12_qps() -> None:
    # 1,000,000 ÷ 86,400 = 11.57
    assert qps_from_daily(1e6) == f"11.6{NB}QPS"
    assert qps_from_daily(1e6, 2) == f"12{NB}QPS"


def test_bandwidth_1000_qps_of_100_kb() -> None:
    # 1,000 × 100,000 B = 10^8 B/s = 100 MB/s = 800 Mbps
    assert bandwidth_value(1_000, 100e3) == 1e8
    assert bandwidth(1_000, 100e3) == f"100{NB}MB/s (800{NB}Mbps)"


def test_storage_rule_of_thumb_is_94_7_tb_not_100() -> None:
    # 1,000 B × 1,000 QPS × 86,400 × 365.25 × 3 = 94.67 TB; with 365 days 94.61 TB
    assert storage_growth_bytes(1_000, 1_000, 1, 3) == pytest.approx(94.6728e12)
    assert storage_growth(1_000, 1_000, 1, 3) == f"94.7{NB}TB"
    assert storage_growth(1_000, 1_000, 1, 3, year_days=365) == f"94.6{NB}TB"


def test_box_count_rounds_up() -> None:
    # 5,787 peak ÷ 1,000 per box × 2 headroom = 11.6 → 12 boxes; exact fits do not add a box
    assert box_count_value(5_787, 1_000, 2) == 12
    assert box_count(6_000, 1_000, 2) == "12"
    assert box_count_value(0.3, 1_000) == 1


def test_littles_law_and_its_inverses() -> None:
    # 1,000 req/s × 0.1 s = 100 in flight
    assert little_concurrency(1_000, 0.1) == "100"
    assert little_throughput(100, 0.1) == f"1,000{NB}QPS"
    assert little_latency(100, 1_000) == f"100{NB}ms"


def test_twitter_sizing_table() -> None:
    table = twitter_sizing()
    assert table.splitlines()[0] == "| Step | Quantity | Value |"
    rows = body_rows(table)
    assert len(rows) == 15
    text = "\n".join(rows)
    for expected in (
        f"500{NB}million",
        f"1,160{NB}QPS",
        f"5,790{NB}QPS",
        f"579,000{NB}QPS",
        f"2.89{NB}million{NB}QPS",
        f"500{NB}:{NB}1",
        f"100{NB}GB",
        f"548{NB}TB",  # 100 GB × 365.25 × 5 × 3 = 547.9 TB
    ):
        assert expected in text, expected
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)
    assert table.rstrip().endswith("*")


@settings(max_examples=60, deadline=None)
@given(pos, pos, st.floats(min_value=1, max_value=20))
def test_peak_is_never_below_average(dau, actions, factor) -> None:
    avg = avg_qps_value(dau, actions)
    assert avg * factor >= avg


@settings(max_examples=60, deadline=None)
@given(pos, pos)
def test_littles_law_round_trip(throughput, latency) -> None:
    concurrency = throughput * latency
    assert concurrency / latency == pytest.approx(throughput)
    assert little_concurrency(throughput, latency)  # formats without raising


@settings(max_examples=60, deadline=None)
@given(pos, pos, st.floats(min_value=1, max_value=10))
def test_boxes_cover_the_peak(peak, per_box, headroom) -> None:
    boxes = box_count_value(peak, per_box, headroom)
    assert boxes * per_box >= peak * headroom * (1 - 1e-9)
    assert boxes >= 1


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: avg_qps(0, 1), "dau"),
        (lambda: avg_qps(-5, 1), "dau"),
        (lambda: avg_qps(1e6, float("nan")), "actions_per_user"),
        (lambda: peak_qps(1e6, 1, 0.5), "peak_factor"),
        (lambda: qps_from_daily(None), "requests_per_day"),
        (lambda: bandwidth(0, 100), "qps"),
        (lambda: bandwidth(10, float("inf")), "payload_bytes"),
        (lambda: storage_growth(10, 100, 0), "years"),
        (lambda: storage_growth(10, 100, 1, 0.5), "replication"),
        (lambda: storage_growth(10, 100, 1, 1, 400), "year_days"),
        (lambda: box_count(100, 0), "per_box"),
        (lambda: box_count(100, 10, 0.5), "headroom"),
        (lambda: little_concurrency(100, 0), "latency_s"),
        (lambda: little_throughput(-1, 1), "concurrency"),
        (lambda: little_latency(10, "fast"), "throughput"),
        (lambda: twitter_sizing(dau=0), "dau"),
        (lambda: twitter_sizing(peak_factor=0.9), "peak_factor"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
