"""Backoff schedules and retry amplification (macros/retry.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.retry import backoff_ceiling, backoff_table, backoff_worst_case, retry_amplification


def test_ceiling_doubles_then_stops_at_the_cap() -> None:
    assert backoff_ceiling(0.1, 10, 1) == "100\u00a0ms"
    assert backoff_ceiling(0.1, 10, 4) == "800\u00a0ms"
    assert backoff_ceiling(0.1, 10, 10) == "10\u00a0s"  # 51.2 s capped


def test_worst_case_adds_every_ceiling() -> None:
    assert backoff_worst_case(0.1, 10, 3) == "700\u00a0ms"  # 100 + 200 + 400


def test_table_shows_full_and_equal_jitter_ranges() -> None:
    table = backoff_table(0.1, 10, 3)
    assert "| 3 | 400\u00a0ms | 0 – 400\u00a0ms | 200\u00a0ms – 400\u00a0ms | 700\u00a0ms |" in table


def test_amplification_is_attempts_to_the_power_of_layers() -> None:
    assert retry_amplification(3, 3) == "27×"
    assert retry_amplification(4, 3) == "64×"  # the Google SRE book's example


@pytest.mark.parametrize(("base", "cap"), [(0, 10), (-1, 10), (1, 0.5), ("x", 1), (float("inf"), 1)])
def test_bad_base_or_cap_is_rejected(base: object, cap: object) -> None:
    with pytest.raises(MacroInputError):
        backoff_ceiling(base, cap, 1)


@pytest.mark.parametrize("bad", [0, -1, 1.5, None])
def test_bad_attempt_counts_are_rejected(bad: object) -> None:
    with pytest.raises(MacroInputError):
        retry_amplification(bad, 2)
    with pytest.raises(MacroInputError):
        backoff_worst_case(0.1, 1, bad)


@given(st.floats(min_value=0.001, max_value=10), st.integers(min_value=1, max_value=40))
def test_ceiling_never_exceeds_the_cap(base: float, retry: int) -> None:
    from macros.retry import _ceiling_s

    assert _ceiling_s(base, base * 8, retry) <= base * 8
