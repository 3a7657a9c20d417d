"""Powers of two and time conversions (macros/powers.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.powers import (
    binary_gap,
    binary_gap_value,
    power_of_two,
    powers_of_two_table,
    sci_notation,
    seconds_in,
    time_conversion_table,
)

NB = "\u00a0"


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_binary_decimal_gap_grows_from_2_4_to_15_3_percent() -> None:
    # 1,024 ÷ 1,000 − 1 = 2.4 %; 2^60 ÷ 10^18 − 1 = 15.29 %
    assert binary_gap(10) == f"2.4{NB}%"
    assert binary_gap_value(60) == pytest.approx(0.152921504606847)
    assert binary_gap(60) == f"15.3{NB}%"


def test_exact_powers() -> None:
    assert power_of_two(10) == "1,024"
    assert power_of_two(40) == "1,099,511,627,776"


def test_scientific_notation() -> None:
    assert sci_notation(86_400) == f"8.64{NB}×{NB}10⁴"
    assert sci_notation(2_592_000) == f"2.59{NB}×{NB}10⁶"
    assert sci_notation(31_557_600) == f"3.16{NB}×{NB}10⁷"
    assert sci_notation(1e9) == "10⁹"
    assert sci_notation(864) == "864"
    assert sci_notation(9_996, 3) == "10⁴"  # rounding carries into the exponent


def test_seconds_in_named_periods() -> None:
    assert seconds_in("day") == f"86,400{NB}s (≈{NB}8.64{NB}×{NB}10⁴{NB}s)"
    assert seconds_in("year").startswith(f"31,557,600{NB}s")


def test_powers_table_markdown() -> None:
    table = powers_of_two_table()
    assert table.splitlines()[0] == "| Power | Exact value | Decimal | SI unit | IEC unit | IEC larger by |"
    rows = body_rows(table)
    assert len(rows) == 6
    assert rows[0].startswith("| 2¹⁰ | 1,024 |") and rows[0].endswith(f"| 2.4{NB}% |")
    assert "EiB" in rows[5] and rows[5].endswith(f"| 15.3{NB}% |")
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


def test_time_table_markdown() -> None:
    table = time_conversion_table()
    rows = body_rows(table)
    assert len(rows) == 6
    assert f"| Day | 86,400{NB}s | 8.64{NB}×{NB}10⁴{NB}s | 10⁵{NB}s |" in rows
    assert f"| Month (30 days) | 2,592,000{NB}s | 2.59{NB}×{NB}10⁶{NB}s | 10⁶{NB}s |" in rows
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([10, 20, 30, 40, 50, 60, 70]))
def test_gap_grows_with_each_step(p: int) -> None:
    assert binary_gap_value(p + 10) > binary_gap_value(p) > 0


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=1e-6, max_value=1e30))
def test_scientific_notation_never_leaks_e_plus(x: float) -> None:
    text = sci_notation(x)
    assert "e+" not in text and "e-" not in text and "nan" not in text


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: binary_gap(15), "power"),
        (lambda: binary_gap(0), "power"),
        (lambda: binary_gap(90), "power"),
        (lambda: power_of_two(-1), "power"),
        (lambda: powers_of_two_table([]), "powers"),
        (lambda: powers_of_two_table((10, 25)), "powers[1]"),
        (lambda: sci_notation(0), "x"),
        (lambda: sci_notation(float("inf")), "x"),
        (lambda: seconds_in("fortnight"), "period"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
