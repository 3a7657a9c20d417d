"""Capacity reference card and estimation worksheet (macros/capacity_card.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.capacity_card import (
    _fleet,
    capacity_card,
    capacity_figure,
    capacity_range,
    capacity_worksheet,
    frames_per_second,
    zone_loss_factor,
    zone_loss_factor_value,
)
from macros.data import load
from macros.errors import MacroInputError
from macros.latency import latency

NB = "\u00a0"


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_every_row_has_conditions_a_known_source_and_a_year() -> None:
    data = load("capacity")
    keys = [row["key"] for row in data["rows"]]
    assert len(keys) == len(set(keys))
    latency_keys = {row["key"] for row in load("latency")["rows"]}
    for row in data["rows"]:
        assert row["conditions"] and row["component"]
        assert ("value" in row) + ("link_gbps" in row) + ("same_as" in row) + ("latency_row" in row) == 1
        if "latency_row" in row:  # the figure and its source are the latency table's
            assert row["latency_row"] in latency_keys and "source" not in row
            continue
        src = data["sources"][row["source"]]
        assert 2000 <= src["year"] <= 2030
        assert src["url"] is None or src["url"].startswith("https://")


def test_seed_rows_and_named_benchmarks_are_on_the_card() -> None:
    data = load("capacity")
    keys = {row["key"] for row in data["rows"]}
    for key in ("redis", "postgres-writes", "kafka-broker", "nginx-proxy", "memcached", "nic-1g", "hdd"):
        assert key in keys
    own = [r for r in data["rows"] if "source" in r]
    planning = [r for r in own if data["sources"][r["source"]]["title"] == "playbook planning figure"]
    measured = [r for r in own if data["sources"][r["source"]]["url"]]
    assert planning and measured


def test_figures_for_running_text() -> None:
    assert capacity_figure("redis") == f"100,000{NB}ops/s"
    assert capacity_figure("memcached") == f"200,000+{NB}ops/s"
    assert capacity_figure("postgres-reads") == f"10,000–50,000{NB}QPS"
    assert capacity_figure("postgres-replica") == capacity_figure("postgres-reads")
    # one figure for the round trip between zones, on the card and in the latency table alike
    assert capacity_figure("cross-az-rtt") == f"0.5–2{NB}ms"
    assert latency("az-round-trip") == f"500{NB}µs – 2{NB}ms"
    assert capacity_figure("cross-region-continent") == f"10–70{NB}ms"
    assert latency("region-round-trip") == f"10{NB}ms – 70{NB}ms"
    assert "AWS Fault Isolation Boundaries" in capacity_card("network")
    assert capacity_figure("nginx-web-http") == f"74,091{NB}RPS"
    assert capacity_figure("nic-1g") == f"1{NB}Gbps = 125{NB}MB/s"
    # Confluent 2020: 605 MB/s on three brokers → about 202 MB/s each
    assert f"≈{NB}202{NB}MB/s each" in capacity_figure("kafka-confluent")


def test_ranges() -> None:
    assert capacity_range("app-server") == (5000.0, 20000.0)
    assert capacity_range("redis") == (100000.0, 100000.0)
    with pytest.raises(MacroInputError):
        capacity_range("nic-1g")
    with pytest.raises(MacroInputError):
        capacity_figure("no-such-box")


def test_ethernet_frames_count_the_overhead() -> None:
    # 125 MB/s ÷ 1,538 B per full-size frame on the wire = 81,274 frames/s, not 125 MB/s ÷ 1,500 B
    assert frames_per_second(1) == "81,300"
    assert frames_per_second(10) == "813,000"
    with pytest.raises(MacroInputError):
        frames_per_second(1, 20)
    with pytest.raises(MacroInputError):
        frames_per_second(0)


def test_zone_loss_factor() -> None:
    assert zone_loss_factor(3) == "1.5×"
    assert zone_loss_factor(2) == "2×"
    assert zone_loss_factor_value(4) == pytest.approx(4 / 3)
    for bad in (1, 0, 2.5, "3", True):
        with pytest.raises(MacroInputError):
            zone_loss_factor(bad)


def test_card_table() -> None:
    table = capacity_card()
    assert table.splitlines()[0] == "| Component | Capacity | Conditions | Source |"
    assert len(body_rows(table)) == len(load("capacity")["rows"])
    assert "playbook planning figure (2026)" in table
    assert not re.search(r"\bnan\b|\binf\b|None|e\+", table)
    assert len(body_rows(capacity_card("messaging"))) == 4
    with pytest.raises(MacroInputError):
        capacity_card("gpus")


def test_worksheet_known_values() -> None:
    table = capacity_worksheet(10e6, 50, 2, 20e3, 1e3)
    # 500 million reads a day ÷ 86,400 s = 5,787/s; × 5 = 28,935/s
    assert f"5,790{NB}QPS · 231{NB}QPS" in table
    assert f"28,900{NB}QPS · 1,160{NB}QPS" in table
    # egress 28,935 × 20 KB = 579 MB/s; ingress 1,157 × 1 KB = 1.16 MB/s; replication twice that
    assert f"579{NB}MB/s (4.63{NB}Gbps)" in table
    assert f"2.31{NB}MB/s (18.5{NB}Mbps)" in table
    # app tier: 30,093 ÷ 5,000 × 2 × 1.5 = 18.06 → 19 → 21 (multiple of 3 zones)
    assert f"21 at 5,000{NB}QPS each; 6 at 20,000" in table
    assert f"3 at 1,000{NB}writes/s each; 1 at 5,000" in table
    assert not re.search(r"\bnan\b|\binf\b|None", table)


def test_worksheet_without_replication_has_no_replication_traffic() -> None:
    assert "| none |" in capacity_worksheet(1e6, 10, 1, 1e3, 1e3, replication=1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"dau": 0},
        {"peak_factor": 0.5},
        {"cache_hit": 1},
        {"cache_hit": 90},
        {"headroom": 0.5},
        {"zones": 1},
        {"replication": 0},
    ],
)
def test_worksheet_rejects_bad_inputs(kwargs: dict) -> None:
    args = {"dau": 1e6, "reads_per_user": 10, "writes_per_user": 1, "response_bytes": 1e3, "record_bytes": 1e3}
    args.update(kwargs)
    with pytest.raises(MacroInputError):
        capacity_worksheet(**args)


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=1, max_value=1e7), st.integers(min_value=2, max_value=6))
def test_fleet_survives_losing_a_zone_and_splits_evenly(peak: float, zones: int) -> None:
    boxes = _fleet(peak, 1_000, 1, zones)
    assert boxes % zones == 0
    assert boxes * (zones - 1) / zones * 1_000 >= peak * (1 - 1e-9)
