"""Numbers rendered for people: durations, sizes, rates, percentages, counts.

Every formatter refuses what must never reach a page (NaN, infinity, a
negative duration, a zero where "no time at all" would mislead) by raising
:class:`MacroInputError`. Units follow the conventions page: SI prefixes
(1 KB = 1,000 B) unless IEC units (KiB) are asked for; a number and its unit
are joined by a no-break space so they never wrap apart.
"""

from __future__ import annotations

import math
from decimal import Decimal

from .errors import MacroInputError

__all__ = ["fmt_availability", "fmt_count", "fmt_duration", "fmt_percent", "fmt_rate", "fmt_sig", "fmt_size"]

NBSP = "\u00a0"
MINUTE = 60.0
HOUR = 3_600.0
DAY = 86_400.0
YEAR = 365.25 * DAY
MONTH = 30 * DAY

_WORDS = ((1e15, "quadrillion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _finite(name: str, x: object) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float, Decimal)):
        raise MacroInputError(name, x, "a finite number is accepted")
    f = float(x)
    if not math.isfinite(f):
        raise MacroInputError(name, x, "a finite number is accepted")
    return f


def fmt_sig(x: float | int | Decimal, sig: int = 3) -> str:
    """``x`` rounded to ``sig`` significant figures, thousands separated, no trailing zeros.

    >>> fmt_sig(43.2), fmt_sig(1157.4), fmt_sig(0.00086), fmt_sig(8.0)
    ('43.2', '1,160', '0.00086', '8')
    """
    f = _finite("x", x)
    if not 1 <= sig <= 15:
        raise MacroInputError("sig", sig, "a whole number from 1 to 15 is accepted")
    if f == 0:
        return "0"
    exponent = math.floor(math.log10(abs(f)))
    decimals = sig - 1 - exponent
    rounded = round(f, decimals)
    # rounding can carry into a new digit (9.996 -> 10.0): recompute the decimals
    if rounded != 0 and math.floor(math.log10(abs(rounded))) != exponent:
        decimals -= 1
        rounded = round(f, decimals)
    if decimals <= 0:
        return f"{int(rounded):,}"
    text = f"{rounded:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_duration(seconds: float | int | Decimal, sig: int = 3, *, zero: str | None = None) -> str:
    """A duration in seconds written as a person would.

    ns / µs / ms / s below 100 s; minutes (decimal) below an hour; "8 h 46 min" below
    a day; days below 60 days; 30-day months below two years; years (365.25 days) above.
    A zero duration raises unless ``zero`` gives the words to show instead.

    >>> fmt_duration(0.864), fmt_duration(2592), fmt_duration(31557.6)
    ('864 ms', '43.2 min', '8 h 46 min')
    """
    s = _finite("seconds", seconds)
    if s < 0:
        raise MacroInputError("seconds", seconds, "a duration >= 0 is accepted")
    if s == 0:
        if zero is None:
            raise MacroInputError("seconds", seconds, "a duration > 0 is accepted (pass zero='…' to word it)")
        return zero
    if s < 1e-6:
        return f"{fmt_sig(s * 1e9, sig)}{NBSP}ns"
    if s < 1e-3:
        return f"{fmt_sig(s * 1e6, sig)}{NBSP}µs"
    if s < 1:
        return f"{fmt_sig(s * 1e3, sig)}{NBSP}ms"
    if s < 100:
        return f"{fmt_sig(s, sig)}{NBSP}s"
    if s < HOUR:
        return f"{fmt_sig(s / MINUTE, sig)}{NBSP}min"
    if s < DAY:
        minutes = round(s / MINUTE)
        h, m = divmod(minutes, 60)
        if h == 24:
            return f"24{NBSP}h"
        return f"{h}{NBSP}h {m}{NBSP}min" if m else f"{h}{NBSP}h"
    if s < 60 * DAY:
        return f"{fmt_sig(s / DAY, sig)}{NBSP}days"
    if s < 2 * YEAR:
        return f"{fmt_sig(s / MONTH, sig)}{NBSP}months"
    return f"{fmt_sig(s / YEAR, sig)}{NBSP}years"


def fmt_percent(fraction: float | int | Decimal, decimals: int | None = None) -> str:
    """A fraction as a percentage ("99.78 %").

    With ``decimals`` None the precision follows the distance to 100 %: the
    complement (1 − x) keeps two significant figures, so 0.997801 shows as
    99.78 % and 0.999999 as 99.9999 %; 1 shows as 100 %.
    """
    f = Decimal(str(fraction)) if not isinstance(fraction, Decimal) else fraction
    _finite("fraction", f)
    pct = f * 100
    if decimals is None and 0 < pct < 50:
        return f"{fmt_sig(pct, 3)}{NBSP}%"  # small shares: three significant figures (1.44 %)
    if decimals is None:
        rest = 100 - pct
        if rest <= 0 or f > 1:
            decimals = 0 if pct == pct.to_integral_value() else 2
        else:
            decimals = max(1, 1 - math.floor(math.log10(float(rest))))
    text = f"{pct:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{NBSP}%"


def fmt_availability(availability: float | int | Decimal) -> str:
    """An availability as a percentage, precise enough to show every nine."""
    return fmt_percent(availability)


def fmt_count(n: float | int | Decimal, sig: int = 3) -> str:
    """A count for people: "1,157", "579,000", "3.52 trillion".

    Below a million: the whole number with separators (rounded to ``sig`` figures when
    it is not whole). From a million up: ``sig`` figures and the word.
    """
    f = _finite("n", n)
    if f < 0:
        return "−" + fmt_count(-f, sig)
    for scale, word in _WORDS:
        if f >= scale * 0.9995:
            return f"{fmt_sig(f / scale, sig)}{NBSP}{word}"
    if f == int(f):
        return f"{int(f):,}"
    return fmt_sig(f, sig)


_SI = ((1e18, "EB"), (1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB"))
_IEC = ((2**60, "EiB"), (2**50, "PiB"), (2**40, "TiB"), (2**30, "GiB"), (2**20, "MiB"), (2**10, "KiB"))


def fmt_size(n_bytes: float | int | Decimal, sig: int = 3, *, iec: bool = False) -> str:
    """A size in bytes with SI (KB = 1,000 B) or IEC (KiB = 1,024 B) units."""
    f = _finite("n_bytes", n_bytes)
    if f < 0:
        raise MacroInputError("n_bytes", n_bytes, "a size >= 0 is accepted")
    for scale, unit in _IEC if iec else _SI:
        if f >= scale * 0.9995:
            return f"{fmt_sig(f / scale, sig)}{NBSP}{unit}"
    return f"{fmt_sig(f, sig)}{NBSP}B"


def fmt_rate(per_second: float | int | Decimal, unit: str = "QPS", sig: int = 3) -> str:
    """A rate: "1,160 QPS", "2.89 million QPS"."""
    f = _finite("per_second", per_second)
    if f < 0:
        raise MacroInputError("per_second", per_second, "a rate >= 0 is accepted")
    text = fmt_sig(f, sig) if f < 1e6 else fmt_count(f, sig)
    return f"{text}{NBSP}{unit}"
