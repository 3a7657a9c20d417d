"""Formatting numbers for people."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.fmt import fmt_count, fmt_duration, fmt_percent, fmt_rate, fmt_sig, fmt_size

NB = "\u00a0"


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0.864, f"864{NB}ms"),
        (2592, f"43.2{NB}min"),
        (31557.6, f"8{NB}h 46{NB}min"),
        (7200, f"2{NB}h"),
        (60.48, f"60.5{NB}s"),
        (5e-10, f"0.5{NB}ns"),
        (1.5e-4, f"150{NB}µs"),
        (150_000, f"1.74{NB}days"),
        (2e7, f"7.72{NB}months"),
        (1.5e8, f"4.75{NB}years"),
    ],
)
def test_durations_read_like_a_person_writes_them(seconds: float, expected: str) -> None:
    assert fmt_duration(seconds) == expected


def test_zero_duration_needs_words() -> None:
    with pytest.raises(MacroInputError):
        fmt_duration(0)
    assert fmt_duration(0, zero="none") == "none"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1.0, None, "1"])
def test_durations_refuse_what_must_not_reach_a_page(bad: object) -> None:
    with pytest.raises(MacroInputError):
        fmt_duration(bad)  # type: ignore[arg-type]


def test_counts_sizes_rates_percentages() -> None:
    assert fmt_count(62**7) == f"3.52{NB}trillion"
    assert fmt_count(1157) == "1,157"
    assert fmt_size(547.5e12) == f"548{NB}TB"
    assert fmt_size(1024, iec=True) == f"1{NB}KiB"
    assert fmt_rate(5787) == f"5,790{NB}QPS"
    assert fmt_percent(0.997801) == f"99.78{NB}%"
    assert fmt_percent(1) == f"100{NB}%"
    assert fmt_percent(0.366) == f"36.6{NB}%"
    assert fmt_sig(9.996, 3) == "10"


@given(st.floats(min_value=1e-12, max_value=1e12, allow_nan=False))
def test_durations_never_show_specials_or_exponents(seconds: float) -> None:
    text = fmt_duration(seconds)
    assert not re.search(r"nan|inf|e[+-]\d|^0\s", text)


@given(st.floats(min_value=0, max_value=1e20, allow_nan=False))
def test_counts_never_show_exponents(n: float) -> None:
    assert "e+" not in fmt_count(n) and "e-" not in fmt_count(n)
