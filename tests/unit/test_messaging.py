"""Backlogs, drain times, partition counts and windows (macros/messaging.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.messaging import backlog_drain_time, backlog_size, partitions_needed, windows_per_event

NBSP = "\u00a0"


def test_backlog_grows_by_the_excess_rate() -> None:
    assert backlog_size(12_000, 10_000, 600) == f"1.2{NBSP}million"
    assert backlog_size(150, 100, 60) == "3,000"


def test_backlog_drains_at_the_spare_rate() -> None:
    assert backlog_drain_time(1_200_000, 10_000, 8_000) == f"10{NBSP}min"
    assert backlog_drain_time(3_000, 100, 0) == f"30{NBSP}s"


def test_partitions_follow_the_slower_side() -> None:
    assert partitions_needed(1000, 100, 50) == "20"
    assert partitions_needed(1000, 30, 200) == "34"


def test_windows_per_event() -> None:
    assert windows_per_event(300, 60) == "5"
    assert windows_per_event(60, 60) == "1"


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (backlog_size, (100, 100, 60)),
        (backlog_size, (50, 100, 60)),
        (backlog_drain_time, (1000, 100, 100)),
        (backlog_drain_time, (0, 100, 10)),
        (partitions_needed, (1000, 0, 50)),
        (windows_per_event, (60, 300)),
        (windows_per_event, (float("inf"), 1)),
    ],
)
def test_bad_inputs_are_refused(fn: object, args: tuple) -> None:
    with pytest.raises(MacroInputError):
        fn(*args)  # type: ignore[operator]


@given(st.integers(1, 10**5), st.integers(1, 10**4), st.integers(1, 10**4))
def test_partitions_cover_both_rates(target: int, produce: int, consume: int) -> None:
    n = int(partitions_needed(target, produce, consume).replace(",", ""))
    assert n * produce >= target
    assert n * consume >= target
