"""HyperLogLog and count-min sketch sizing (macros/sketches.py)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.sketches import (
    cms_counters,
    cms_depth,
    cms_memory,
    cms_width,
    hll_error,
    hll_memory,
    hll_standard_error,
    hll_table,
)


def test_redis_hyperloglog_error_is_0_81_percent() -> None:
    # Redis: 16,384 registers, "standard error of 0.81 %"
    assert hll_standard_error(16_384) == pytest.approx(0.008125)
    assert hll_error(16_384) == "0.81\u00a0%"


def test_redis_hyperloglog_dense_memory_is_12_kib() -> None:
    assert hll_memory(16_384, 6, iec=True) == "12\u00a0KiB"
    assert hll_memory(16_384, 6) == "12.3\u00a0KB"


def test_hll_table_lists_each_precision_with_its_error() -> None:
    table = hll_table((10, 14))
    assert "| 10 | 1,024 | 768\u00a0B | 3.2\u00a0% |" in table
    assert "| 14 | 16,384 | 12\u00a0KiB | 0.81\u00a0% |" in table


@pytest.mark.parametrize("bad", [0, 15, 1000, -16, 1.5, "x", None, True])
def test_hll_rejects_register_counts_that_are_not_powers_of_two(bad: object) -> None:
    with pytest.raises(MacroInputError):
        hll_standard_error(bad)


def test_count_min_dimensions_follow_cormode_muthukrishnan() -> None:
    assert cms_width(0.001) == math.ceil(math.e / 0.001) == 2719
    assert cms_depth(0.01) == 5  # ln(100) = 4.6
    assert cms_counters(0.001, 0.01) == "13,595"
    assert cms_memory(0.001, 0.01, 4) == "54.4\u00a0KB"


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.1, "a"])
def test_count_min_rejects_epsilon_outside_zero_one(bad: object) -> None:
    with pytest.raises(MacroInputError):
        cms_width(bad)
    with pytest.raises(MacroInputError):
        cms_depth(bad)


@given(st.integers(min_value=4, max_value=30))
def test_quadrupling_registers_halves_the_error(p: int) -> None:
    assert hll_standard_error(2 ** (p + 2)) == pytest.approx(hll_standard_error(2**p) / 2)


@given(st.floats(min_value=1e-6, max_value=0.5), st.floats(min_value=1e-6, max_value=0.5))
def test_tighter_bounds_never_shrink_the_sketch(eps: float, delta: float) -> None:
    assert cms_width(eps / 2) >= cms_width(eps)
    assert cms_depth(delta / 2) >= cms_depth(delta)
