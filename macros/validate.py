"""Argument checks shared by the macro modules.

Each check returns the value in the type the math wants (``Decimal`` for
probabilities, ``int`` for counts, ``float`` for measured quantities) or raises
:class:`MacroInputError` naming the argument, the value and the accepted range.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation, localcontext

from .errors import MacroInputError

__all__: list[str] = []  # helpers, not macros

Number = int | float | Decimal


def _as_decimal(name: str, value: object, accepted: str) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MacroInputError(name, value, accepted)
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise MacroInputError(name, value, accepted)
        d = Decimal(repr(value))  # 0.999 -> Decimal('0.999'), not its binary expansion
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise MacroInputError(name, value, accepted) from None
    else:
        raise MacroInputError(name, value, accepted)
    if not d.is_finite():
        raise MacroInputError(name, value, accepted)
    return d


def probability(name: str, value: object, *, allow_one: bool = True) -> Decimal:
    """An availability or probability as a fraction in (0, 1] (or (0, 1) if not allow_one)."""
    upper = "1]" if allow_one else "1)"
    accepted = f"a fraction in (0, {upper} is accepted, e.g. 0.999 for 99.9 %"
    d = _as_decimal(name, value, accepted)
    if 1 < d <= 100:
        raise MacroInputError(
            name, value, accepted + f"; {value} looks like a percentage: pass {d / 100} instead"
        )
    if d <= 0 or d > 1 or (d == 1 and not allow_one):
        raise MacroInputError(name, value, accepted)
    return d


def probabilities(name: str, values: object) -> list[Decimal]:
    """A non-empty list of fractions in (0, 1]."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise MacroInputError(name, values, "a non-empty list of fractions in (0, 1] is accepted")
    out = [probability(f"{name}[{i}]", v) for i, v in enumerate(values)]
    if not out:
        raise MacroInputError(name, values, "a non-empty list of fractions in (0, 1] is accepted")
    return out


def positive_int(name: str, value: object, *, minimum: int = 1, maximum: int | None = None) -> int:
    """A whole number >= minimum (and <= maximum when given)."""
    rng = f"a whole number >= {minimum}" + (f" and <= {maximum:,}" if maximum is not None else "")
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise MacroInputError(name, value, rng + " is accepted")
    if isinstance(value, float) and not math.isfinite(value):
        raise MacroInputError(name, value, rng + " is accepted")
    if value != int(value):
        raise MacroInputError(name, value, rng + " is accepted (not a fraction)")
    n = int(value)
    if n < minimum or (maximum is not None and n > maximum):
        raise MacroInputError(name, value, rng + " is accepted")
    return n


def positive(name: str, value: object, *, allow_zero: bool = False, unit: str = "") -> float:
    """A finite real number > 0 (or >= 0), returned as float."""
    accepted = f"a finite number {'>=' if allow_zero else '>'} 0{(' ' + unit) if unit else ''} is accepted"
    d = _as_decimal(name, value, accepted)
    if d < 0 or (d == 0 and not allow_zero):
        raise MacroInputError(name, value, accepted)
    return float(d)


def positives(name: str, values: object, *, unit: str = "") -> list[float]:
    """A non-empty list of finite numbers > 0."""
    accepted = f"a non-empty list of numbers > 0{(' ' + unit) if unit else ''} is accepted"
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise MacroInputError(name, values, accepted)
    return [positive(f"{name}[{i}]", v, unit=unit) for i, v in enumerate(values)]


def choice(name: str, value: object, options: Sequence[str]) -> str:
    """One of a fixed set of strings."""
    if value not in options:
        raise MacroInputError(name, value, "one of " + ", ".join(repr(o) for o in options) + " is accepted")
    return str(value)


def dec_context(prec: int = 60):
    """A Decimal context with enough digits for products of many nines."""
    return localcontext(prec=prec)
