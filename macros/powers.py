"""Powers of two beside powers of ten, and the time conversions estimates lean on.

2¹⁰ = 1,024 ≈ 10³, but the gap grows with each step: a KiB is 2.4 % larger than
a KB, an EiB 15.3 % larger than an EB (gap = 2¹⁰ᵏ ÷ 10³ᵏ − 1). SI prefixes are
powers of ten (KB = 1,000 B), IEC prefixes powers of two (KiB = 1,024 B).
Time: day = 86,400 s, month = 30 days, year = 365.25 days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_sig
from .periods import DAY_S, MONTH_S, WEEK_S, YEAR_S
from .tables import md_table
from .validate import positive, positive_int

__all__ = ["binary_gap", "power_of_two", "powers_of_two_table", "sci_notation", "seconds_in", "time_conversion_table"]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# k (for 2^(10k)) → (count word, SI unit, IEC unit)
_NAMES = {
    1: ("thousand", "KB", "KiB"),
    2: ("million", "MB", "MiB"),
    3: ("billion", "GB", "GiB"),
    4: ("trillion", "TB", "TiB"),
    5: ("quadrillion", "PB", "PiB"),
    6: ("quintillion", "EB", "EiB"),
    7: ("sextillion", "ZB", "ZiB"),
    8: ("septillion", "YB", "YiB"),
}
_TIME_ROWS = (
    ("Minute", 60.0),
    ("Hour", 3_600.0),
    ("Day", DAY_S),
    ("Week", WEEK_S),
    ("Month (30 days)", MONTH_S),
    ("Year (365.25 days)", YEAR_S),
)
_NAMED_SECONDS = {
    "minute": 60.0,
    "hour": 3_600.0,
    "day": DAY_S,
    "week": WEEK_S,
    "month": MONTH_S,
    "year": YEAR_S,
}


def superscript(n: int) -> str:
    """An integer in superscript digits: 18 → '¹⁸'."""
    return str(n).translate(_SUPERSCRIPT)


def sci_notation(x: object, sig: int = 3) -> str:
    """A number in scientific notation for people: sci_notation(86400) → '8.64 × 10⁴'.

    Exponents 0 to 2 are written plainly ('864'); the mantissa has ``sig`` figures.
    """
    v = positive("x", x)
    exponent = math.floor(math.log10(v))
    mantissa = v / 10**exponent
    if round(mantissa, sig - 1) >= 10:  # 9.996 → 10.0: carry into the exponent
        exponent += 1
        mantissa = v / 10**exponent
    if 0 <= exponent <= 2:
        return fmt_sig(v, sig)
    m = fmt_sig(mantissa, sig)
    return f"10{superscript(exponent)}" if m == "1" else f"{m}{NBSP}×{NBSP}10{superscript(exponent)}"


def _power(name: str, value: object) -> int:
    p = positive_int(name, value, minimum=10, maximum=80)
    if p % 10:
        raise MacroInputError(name, value, "a multiple of 10 from 10 to 80 is accepted")
    return p


def power_of_two(power: object) -> str:
    """2ⁿ written exactly: power_of_two(30) → '1,073,741,824'."""
    p = positive_int("power", power, maximum=128)
    return f"{2**p:,}"


def binary_gap_value(power: object) -> float:
    """How much larger 2¹⁰ᵏ is than 10³ᵏ, as a fraction: 2.4 % at 2¹⁰, 15.3 % at 2⁶⁰."""
    p = _power("power", power)
    return 2**p / 10 ** (3 * p // 10) - 1


def binary_gap(power: object) -> str:
    """Formatted gap between the binary and decimal unit: binary_gap(60) → '15.3 %'."""
    return f"{fmt_sig(binary_gap_value(power) * 100, 3)}{NBSP}%"


def powers_of_two_table(powers: object = (10, 20, 30, 40, 50, 60)) -> str:
    """Markdown table of 2¹⁰ … 2⁶⁰: exact value, decimal approximation, SI and IEC names, gap."""
    if isinstance(powers, (str, bytes)) or not isinstance(powers, Sequence) or not powers:
        raise MacroInputError("powers", powers, "a non-empty list of multiples of 10 from 10 to 80 is accepted")
    rows = []
    for i, raw in enumerate(powers):
        p = _power(f"powers[{i}]", raw)
        word, si, iec = _NAMES[p // 10]
        rows.append(
            [
                f"2{superscript(p)}",
                f"{2**p:,}",
                f"≈{NBSP}{sci_notation(2**p)} ({word})",
                f"1{NBSP}{si} = 10{superscript(3 * p // 10)}{NBSP}B",
                f"1{NBSP}{iec} = 2{superscript(p)}{NBSP}B",
                binary_gap(p),
            ]
        )
    headers = ["Power", "Exact value", "Decimal", "SI unit", "IEC unit", "IEC larger by"]
    note = (
        "\n*Computed: gap = 2¹⁰ᵏ ÷ 10³ᵏ − 1. This site uses SI units (1 KB = 1,000 B) "
        "unless a table says KiB (1,024 B).*\n"
    )
    return md_table(headers, rows, align=["l", "r", "r", "l", "l", "r"]) + note


def seconds_in(period: object, sig: int = 3) -> str:
    """A period in seconds, exact and in powers of ten: seconds_in('year') → '31,557,600 s (≈ 3.16 × 10⁷ s)'."""
    if period not in _NAMED_SECONDS:
        raise MacroInputError("period", period, "one of " + ", ".join(map(repr, _NAMED_SECONDS)) + " is accepted")
    s = _NAMED_SECONDS[str(period)]
    return f"{s:,.0f}{NBSP}s (≈{NBSP}{sci_notation(s, sig)}{NBSP}s)"


def time_conversion_table() -> str:
    """Markdown table: minute … year in seconds, exact, in scientific notation and to the nearest power of ten."""
    rows = []
    for label, s in _TIME_ROWS:
        nearest = round(math.log10(s))
        rows.append([label, f"{s:,.0f}{NBSP}s", f"{sci_notation(s)}{NBSP}s", f"10{superscript(nearest)}{NBSP}s"])
    note = (
        "\n*Computed: day = 86,400 s, month = 30 days, year = 365.25 days; "
        "nearest power of ten = 10 to the rounded log₁₀ of the seconds.*\n"
    )
    return md_table(["Period", "Seconds", "Scientific", "Nearest power of ten"], rows) + note
