"""Latency then and now, and time per MB / GB (macros/latency_now.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data import load
from macros.errors import MacroInputError
from macros.latency_now import (
    bytes_per_second,
    latency_now_sources,
    latency_then_now,
    now_ns,
    then_ns,
    time_per_gb,
    time_per_mb,
    transfer_seconds,
)

NB = "\u00a0"


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_one_gb_per_second_is_one_ms_per_mb() -> None:
    assert time_per_mb(1, "GB/s") == f"1{NB}ms"
    assert time_per_mb(1_000, "MB/s") == f"1{NB}ms"
    assert time_per_gb(1, "GB/s") == f"1{NB}s"


def test_bit_rates_use_eight_bits_per_byte() -> None:
    # 1 Gbps = 125 MB/s: 1 MB in 8 ms, 1 GB in 8 s; 10 Gbps: 1 GB in 800 ms
    assert time_per_mb(1, "Gbps") == f"8{NB}ms"
    assert time_per_gb(1, "Gbps") == f"8{NB}s"
    assert time_per_gb(10, "Gbps") == f"800{NB}ms"


def test_every_current_value_has_a_source_year_and_a_classic_row() -> None:
    data = load("latency_now")
    for row in data["rows"]:
        source = data["sources"][row["source"]]
        assert source["url"].startswith("https://") and 2013 <= source["year"] <= 2030
        assert then_ns(row["then"]) > 0
        assert ("ns" in row) != ("mb_per_s" in row)


def test_rated_throughput_becomes_time_per_mb() -> None:
    # 7,450 MB/s → 1 MB in 134.2 µs
    assert now_ns({"mb_per_s": 7450}) == pytest.approx(134_228, rel=1e-4)


def test_then_now_table_markdown() -> None:
    table = latency_then_now()
    assert table.splitlines()[0] == "| Operation | Classic | Now | Change | What was measured | Source |"
    rows = body_rows(table)
    assert len(rows) == len(load("latency_now")["rows"])
    # AnandTech 2017: Intel P3700, 4 kB QD1 mean 77.9 µs vs the classic 150 µs → 1.9×
    assert f"| 150{NB}µs (2012) | 77.9{NB}µs (2017) | 1.9× faster |" in rows[0]
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)
    assert table.rstrip().endswith("*")


def test_sources_list() -> None:
    text = latency_now_sources()
    assert text.count("\n- ") + 1 == len(load("latency_now")["sources"])


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e6), st.floats(min_value=1e-3, max_value=1e6))
def test_faster_links_move_a_megabyte_sooner(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert transfer_seconds(1e6, hi) <= transfer_seconds(1e6, lo)


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e6))
def test_gigabyte_takes_a_thousand_megabytes(t: float) -> None:
    assert transfer_seconds(1e9, t) == pytest.approx(1_000 * transfer_seconds(1e6, t))
    assert bytes_per_second(t, "MB/s") == pytest.approx(8 * bytes_per_second(t, "Mbps"))


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: time_per_mb(0), "throughput"),
        (lambda: time_per_mb(-1), "throughput"),
        (lambda: time_per_mb(float("nan")), "throughput"),
        (lambda: time_per_mb(1, "GiB/s"), "unit"),
        (lambda: time_per_gb(None), "throughput"),
        (lambda: then_ns("no-such-row"), "then"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
