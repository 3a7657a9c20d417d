"""Interview time-split tables in macros/interview.py."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.fmt import NBSP
from macros.interview import time_split_minutes, time_split_table, time_split_total

RAPID_S = [
    ["Requirements", 5, "lists"],
    ["API", 5, "endpoints"],
    ["Plumbing", 10, "boxes"],
    ["Internals", 15, "schema"],
    ["Deep dives", 5, "one area"],
    ["Scale", 5, "bottlenecks"],
]


def test_rapid_s_adds_up_to_45_minutes():
    assert time_split_total(RAPID_S, 45) == f"45{NBSP}min"


def test_table_runs_the_clock_end_to_end():
    table = time_split_table(RAPID_S, 45)
    assert f"| Internals | 15{NBSP}min | 20–35{NBSP}min | 33{NBSP}% | schema |" in table
    assert f"40–45{NBSP}min" in table


def test_wrong_length_stops_the_build():
    with pytest.raises(MacroInputError, match="add up to 45 min"):
        time_split_table(RAPID_S, 60)


@pytest.mark.parametrize(
    "steps",
    [[], "Requirements", [["Requirements"]], [["Requirements", 0, "x"]], [["Requirements", -5, "x"]]],
)
def test_bad_steps_are_rejected(steps):
    with pytest.raises(MacroInputError):
        time_split_total(steps)


@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=8))
def test_total_is_the_sum_of_steps(minutes):
    steps = [[f"s{i}", m, ""] for i, m in enumerate(minutes)]
    assert time_split_minutes(steps) == sum(minutes)
    time_split_table(steps, sum(minutes))  # does not raise
