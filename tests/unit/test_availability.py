"""Availability math against known values and properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.availability import (
    availability_from_downtime,
    availability_table,
    composite,
    composite_availability,
    downtime,
    downtime_seconds,
    k_of_n,
    nines,
    parallel,
    parallel_availability,
    power_availability,
    series,
    series_availability,
)
from macros.errors import MacroInputError

NB = "\u00a0"
avail = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("0.999999"), places=6)


def test_seed_series_example_is_99_78_percent() -> None:
    # 0.9999 × 0.9995 × 0.9999 × 0.9995 × 0.999 = 0.997801… (hand: 0.99980001 × 0.99900025 × 0.999)
    assert series_availability([0.9999, 0.9995, 0.9999, 0.9995, 0.999]) == f"99.78{NB}%"


def test_seed_composite_example_is_99_94_percent() -> None:
    # (1 − 0.01³) × 0.9999 × 0.9995 = 0.999999 × 0.99940005 = 0.99939905…
    value = composite([{"a": 0.99, "n": 3, "k": 1}, 0.9999, 0.9995])
    assert abs(float(value) - 0.999399050) < 1e-9
    assert composite_availability([{"a": 0.99, "n": 3, "k": 1}, 0.9999, 0.9995]) == f"99.94{NB}%"


def test_parallel_replicas_of_99_percent() -> None:
    assert parallel_availability([0.99, 0.99]) == f"99.99{NB}%"
    assert parallel_availability([0.99] * 3) == f"99.9999{NB}%"


def test_six_parallel_replicas_do_not_round_to_100_percent() -> None:
    value = parallel([0.999] * 6)
    assert value < 1
    assert 1 - value == Decimal("1e-18")
    assert parallel_availability([0.999] * 6) != f"100{NB}%"


@pytest.mark.parametrize(
    ("a", "period", "expected"),
    [
        (0.999, "year", f"8{NB}h 46{NB}min"),  # 0.001 × 365.25 × 24 h = 8.766 h
        (0.999, "month", f"43.2{NB}min"),  # 0.001 × 30 × 1,440 min
        (0.9999, "week", f"60.5{NB}s"),  # 0.0001 × 604,800 s = 60.48 s
        (0.999, "day", f"86.4{NB}s"),
        (0.99, "year", f"3.65{NB}days"),
        (0.99999, "day", f"864{NB}ms"),
        (0.999999, "year", f"31.6{NB}s"),  # 31.5576 s
        (1, "year", "none"),
    ],
)
def test_downtime_known_values(a: float, period: str, expected: str) -> None:
    assert downtime(a, period) == expected


def test_nines() -> None:
    assert nines(0.999) == pytest.approx(3)
    assert nines(0.9995) == pytest.approx(3.30103, abs=1e-5)


def test_k_of_n_matches_parallel_for_k_1_and_series_for_k_n() -> None:
    assert k_of_n(0.99, 3, 1) == parallel([0.99] * 3)
    assert k_of_n(0.99, 3, 3) == series([0.99] * 3)
    # 2 of 3 at 0.99: 3a²(1−a) + a³ = 0.999702
    assert k_of_n(0.99, 3, 2) == Decimal("0.999702")


def test_power_availability_for_fan_out() -> None:
    assert power_availability(0.99, 100) == f"36.6{NB}%"  # 0.99^100 = 0.36603
    assert power_availability(0.99, 10) == f"90.4{NB}%"  # 0.99^10 = 0.90438


def test_table_has_a_row_per_level_and_states_conventions() -> None:
    table = availability_table([0.99, 0.999], ["year", "month"])
    lines = table.strip().splitlines()
    assert lines[0].startswith("| Availability | Nines | Downtime per year | Downtime per 30-day month |")
    assert len([line for line in lines if line.startswith("| 99")]) == 2
    assert "365.25 days" in table and "30 days" in table


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: downtime(1.2), "availability"),
        (lambda: downtime(0), "availability"),
        (lambda: downtime(-0.5), "availability"),
        (lambda: downtime(float("nan")), "availability"),
        (lambda: downtime(99.9), "availability"),
        (lambda: series([]), "availabilities"),
        (lambda: series("0.9"), "availabilities"),
        (lambda: parallel([0.9, 2]), "availabilities[1]"),
        (lambda: k_of_n(0.99, 0), "n"),
        (lambda: k_of_n(0.99, 2.5), "n"),
        (lambda: k_of_n(0.99, 3, 4), "k"),
        (lambda: downtime(0.999, "fortnight"), "period"),
        (lambda: availability_from_downtime(90_000, "day"), "downtime_s"),
        (lambda: nines(1), "availability"),
        (lambda: composite([]), "groups"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
    assert "accepted" in str(err.value)


def test_percentage_where_fraction_expected_is_explained() -> None:
    with pytest.raises(MacroInputError, match="looks like a percentage"):
        downtime(99.9)


@given(a=avail, b=avail)
def test_downtime_falls_as_availability_rises(a: Decimal, b: Decimal) -> None:
    if a < b:
        assert downtime_seconds(a) > downtime_seconds(b)


@given(st.lists(avail, min_size=1, max_size=8))
def test_series_is_at_most_the_weakest(values: list[Decimal]) -> None:
    assert series(values) <= min(values)


@given(st.lists(avail, min_size=1, max_size=8))
def test_parallel_is_at_least_the_strongest(values: list[Decimal]) -> None:
    assert parallel(values) >= max(values)


@given(a=avail, period=st.sampled_from(["year", "quarter", "month", "week", "day"]))
def test_availability_downtime_round_trip(a: Decimal, period: str) -> None:
    back = availability_from_downtime(downtime_seconds(a, period), period)
    assert abs(back - a) < Decimal("1e-12")


@given(a=avail, n=st.integers(1, 12), data=st.data())
def test_k_of_n_falls_as_k_rises(a: Decimal, n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(1, n))
    if k < n:
        assert k_of_n(a, n, k) >= k_of_n(a, n, k + 1)
