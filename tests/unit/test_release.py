"""Canary exposure, bake times and backfill durations (macros/release.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.release import backfill_duration, canary_bake_time, canary_requests, canary_stage_table

NBSP = "\u00a0"


def test_canary_requests_is_rate_times_share_times_time() -> None:
    assert canary_requests(2000, 0.01, 10) == "12,000"  # 20/s for 600 s
    assert canary_requests(50_000, 0.05, 60) == f"9{NBSP}million"


def test_bake_time_waits_for_the_expected_error_count() -> None:
    # 10 errors at 0.1 % need 10,000 requests; 1 % of 2,000/s is 20/s: 500 s
    assert canary_bake_time(2000, 0.01, 0.001, 10) == f"8.33{NBSP}min"
    # ten times the traffic, a tenth of the time
    assert canary_bake_time(20_000, 0.01, 0.001, 10) == f"50{NBSP}s"


def test_stage_table_lists_every_stage_with_its_traffic() -> None:
    table = canary_stage_table(2000, (0.01, 0.05, 0.25, 1.0), 15)
    assert f"Served by it in 15{NBSP}min" in table
    assert f"| 1 | 1{NBSP}% | 20/s | 18,000 |" in table
    assert f"| 4 | 100{NBSP}% | 2,000/s | 1.8{NBSP}million |" in table
    assert table.count("\n") == 6  # header, rule, four stages


def test_backfill_rounds_up_to_whole_batches() -> None:
    assert backfill_duration(500_000_000, 5_000, 0.5) == f"13{NBSP}h 53{NBSP}min"  # 100,000 batches
    assert backfill_duration(10_001, 10_000, 1) == f"2{NBSP}s"


@pytest.mark.parametrize("stages", [(0.05, 0.01), (0.01, 0.01), (0.1, 1.5), (), "0.1", (0, 0.5)])
def test_bad_stages_are_rejected(stages: object) -> None:
    with pytest.raises(MacroInputError):
        canary_stage_table(1000, stages, 10)


@pytest.mark.parametrize(
    ("rps", "fraction", "error_rate"),
    [(0, 0.01, 0.001), (-5, 0.01, 0.001), (1000, 0, 0.001), (1000, 5, 0.001), (1000, 0.01, 1), (1000, 0.01, 0)],
)
def test_bad_bake_inputs_are_rejected(rps: object, fraction: object, error_rate: object) -> None:
    with pytest.raises(MacroInputError):
        canary_bake_time(rps, fraction, error_rate)


@pytest.mark.parametrize(("rows", "batch", "seconds"), [(0, 10, 1), (10, 0, 1), (10, 10, 0), (1.5, 1, 1), (None, 1, 1)])
def test_bad_backfill_inputs_are_rejected(rows: object, batch: object, seconds: object) -> None:
    with pytest.raises(MacroInputError):
        backfill_duration(rows, batch, seconds)


@given(
    st.floats(min_value=1, max_value=1e6),
    st.floats(min_value=0.001, max_value=0.5),
    st.floats(min_value=1e-5, max_value=0.1),
)
def test_a_bigger_canary_never_bakes_longer(rps: float, fraction: float, error_rate: float) -> None:
    from macros.release import _rate, _share

    small = 10 / (error_rate * _rate(rps) * _share(fraction))
    large = 10 / (error_rate * _rate(rps) * _share(min(1.0, fraction * 2)))
    assert large <= small
    assert canary_bake_time(rps, fraction, error_rate)  # renders without raising
