"""How percentage cost cuts combine (macros/savings.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.savings import (
    savings_across_lines,
    savings_across_lines_fraction,
    savings_stacked,
    savings_stacked_fraction,
    savings_sum,
    savings_table,
)

NBSP = "\u00a0"


def test_three_stacked_ten_percent_cuts_save_27_1_percent_not_30() -> None:
    assert savings_stacked_fraction([0.1, 0.1, 0.1]) == Decimal("0.271")
    assert savings_stacked([0.1, 0.1, 0.1]) == f"27.1{NBSP}%"
    assert savings_sum([0.1, 0.1, 0.1]) == f"30{NBSP}%"


def test_ten_percent_off_each_line_item_saves_ten_percent_of_the_whole_bill() -> None:
    assert savings_across_lines_fraction([0.5, 0.3, 0.2], [0.1, 0.1, 0.1]) == Decimal("0.1")
    assert savings_across_lines([0.5, 0.3, 0.2], [0.1, 0.1, 0.1]) == f"10{NBSP}%"


def test_cuts_on_lines_that_are_only_part_of_the_bill_save_less() -> None:
    # compute 40 % of the bill cut by 20 %, storage 10 % cut by 50 % → 0.08 + 0.05 = 13 %
    assert savings_across_lines([0.4, 0.1], [0.2, 0.5]) == f"13{NBSP}%"


def test_table_shows_all_three_answers() -> None:
    table = savings_table()
    assert f"30{NBSP}%" in table and f"27.1{NBSP}%" in table and f"10{NBSP}%" in table
    assert table.count("\n") == 5


@pytest.mark.parametrize("cuts", [[], [0], [1], [1.2], [-0.1], "0.1", None, [float("nan")], [10]])
def test_bad_cuts_are_refused(cuts: object) -> None:
    with pytest.raises(MacroInputError):
        savings_stacked(cuts)


@pytest.mark.parametrize(
    "shares",
    [[0.5, 0.5], [0.6, 0.3, 0.2], [0, 0.5, 0.5], "0.5", [0.5, 0.3, 0.2, 0.0]],
)
def test_bad_shares_are_refused(shares: object) -> None:
    with pytest.raises(MacroInputError):
        savings_across_lines(shares, [0.1, 0.1, 0.1])


@given(st.lists(st.floats(min_value=0.001, max_value=0.999), min_size=1, max_size=8))
def test_stacked_saving_never_exceeds_the_sum_nor_falls_below_the_largest_cut(cuts: list[float]) -> None:
    stacked = savings_stacked_fraction(cuts)
    exact = [Decimal(repr(c)) for c in cuts]
    assert max(exact) <= stacked <= sum(exact)
    assert stacked < 1
