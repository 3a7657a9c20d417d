"""The supermarket-model macros: known values, limits and bad inputs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.balancing import p2c_mean_time, p2c_mean_time_value, p2c_queue_tail, p2c_queue_tail_fraction
from macros.errors import MacroInputError


def test_one_choice_mean_time_is_the_mm1_formula() -> None:
    assert p2c_mean_time_value(0.9, 1) == pytest.approx(10.0)
    assert p2c_mean_time_value(0.5, 1) == pytest.approx(2.0)


def test_two_choices_at_99_percent_load_is_about_five_service_times() -> None:
    assert p2c_mean_time_value(0.99, 2) == pytest.approx(5.43, abs=0.01)
    assert p2c_mean_time(0.99, 2) == "5.43"


def test_queue_tail_is_geometric_for_one_choice_and_doubly_exponential_for_two() -> None:
    assert p2c_queue_tail_fraction(0.9, 5, 1) == pytest.approx(0.9**5)
    assert p2c_queue_tail_fraction(0.9, 5, 2) == pytest.approx(0.9**31)
    assert p2c_queue_tail_fraction(0.9, 3, 3) == pytest.approx(0.9**13)


def test_queue_tail_formats_small_and_large_fractions() -> None:
    assert p2c_queue_tail(0.9, 5, 2) == "3.8\u00a0%"
    assert p2c_queue_tail(0.9, 5, 1) == "59\u00a0%"


@pytest.mark.parametrize("load", [0, 1, 1.5, -0.2, float("nan"), "x", None, True])
def test_load_outside_the_open_unit_interval_is_rejected(load: object) -> None:
    with pytest.raises(MacroInputError):
        p2c_mean_time_value(load, 2)


@pytest.mark.parametrize(("length", "d"), [(0, 2), (2.5, 2), (61, 2), (3, 0), (3, 65)])
def test_bad_length_or_choices_are_rejected(length: object, d: object) -> None:
    with pytest.raises(MacroInputError):
        p2c_queue_tail_fraction(0.5, length, d)


@given(st.floats(min_value=0.01, max_value=0.999), st.integers(min_value=1, max_value=5))
def test_more_choices_never_make_the_mean_time_worse(load: float, d: int) -> None:
    assert p2c_mean_time_value(load, d + 1) <= p2c_mean_time_value(load, d) + 1e-9
    assert p2c_mean_time_value(load, d) >= 1.0
