"""Cost savings: how several percentage cuts combine into one saving on the bill.

Three readings of "we saved 10 % in three places" give three different answers:

* **Stacked** cuts act on the same cost one after another (10 % fewer requests,
  each 10 % cheaper, on machines 10 % cheaper): the bill is multiplied by
  Π (1 − cᵢ), so the saving is 1 − Π (1 − cᵢ), always less than the sum.
* **Separate lines**: cut cᵢ applies to a line item that is a share sᵢ of the
  whole bill (compute, storage, egress). The saving is Σ sᵢ · cᵢ, a weighted
  average that can never exceed the largest cut.
* The **naive sum** Σ cᵢ, which matches neither and overstates both.

Cuts and shares are fractions: a cut in (0, 1), a share in (0, 1] with the
shares summing to at most 1. Arithmetic is ``Decimal`` with 60 digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .errors import MacroInputError
from .fmt import fmt_percent
from .tables import md_table
from .validate import dec_context, probability

__all__ = [
    "savings_across_lines",
    "savings_stacked",
    "savings_sum",
    "savings_table",
]

_CUTS = "a non-empty list of cuts, each a fraction in (0, 1), e.g. [0.1, 0.1, 0.1] for three 10 % cuts"


def _fractions(name: str, values: object, accepted: str, *, allow_one: bool) -> list[Decimal]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise MacroInputError(name, values, accepted)
    return [probability(f"{name}[{i}]", v, allow_one=allow_one) for i, v in enumerate(values)]


def _cuts(cuts: object) -> list[Decimal]:
    return _fractions("cuts", cuts, _CUTS, allow_one=False)


def _shares(shares: object, n: int) -> list[Decimal]:
    accepted = f"a list of {n} shares of the bill, each in (0, 1], summing to at most 1"
    values = _fractions("shares", shares, accepted, allow_one=True)
    if len(values) != n or sum(values) > 1:
        raise MacroInputError("shares", shares, accepted)
    return values


def savings_stacked_fraction(cuts: object) -> Decimal:
    """Saving when every cut applies to the same cost in turn: 1 − Π (1 − cᵢ) (fraction of the bill)."""
    values = _cuts(cuts)
    with dec_context():
        remaining = Decimal(1)
        for c in values:
            remaining *= 1 - c
        return 1 - remaining


def savings_across_lines_fraction(shares: object, cuts: object) -> Decimal:
    """Saving when cut cᵢ applies only to a line that is share sᵢ of the bill: Σ sᵢ · cᵢ (fraction)."""
    values = _cuts(cuts)
    weights = _shares(shares, len(values))
    with dec_context():
        return sum((s * c for s, c in zip(weights, values, strict=True)), Decimal(0))


def savings_stacked(cuts: object) -> str:
    """Formatted stacked saving: savings_stacked([0.1, 0.1, 0.1]) → '27.1 %'."""
    return fmt_percent(savings_stacked_fraction(cuts), 3)


def savings_across_lines(shares: object, cuts: object) -> str:
    """Formatted saving over separate line items: savings_across_lines([0.5, 0.3, 0.2], [0.1] * 3) → '10 %'."""
    return fmt_percent(savings_across_lines_fraction(shares, cuts), 3)


def savings_sum(cuts: object) -> str:
    """The naive sum of the cuts, Σ cᵢ, shown to be compared with the two real answers: [0.1] * 3 → '30 %'."""
    with dec_context():
        return fmt_percent(sum(_cuts(cuts), Decimal(0)), 3)


def savings_table(cuts: object = (0.1, 0.1, 0.1), shares: object = (0.5, 0.3, 0.2)) -> str:
    """A table comparing the naive sum, the stacked saving and the saving over separate line items."""
    values = _cuts(cuts)
    weights = _shares(shares, len(values))
    cut_text = ", ".join(fmt_percent(c, 3) for c in values)
    share_text = ", ".join(fmt_percent(s, 3) for s in weights)
    rows = [
        ("Adding the cuts (wrong)", f"Σ cᵢ of {cut_text}", savings_sum(cuts)),
        ("Stacked on the same cost", f"1 − Π (1 − cᵢ) of {cut_text}", savings_stacked(cuts)),
        ("On separate line items", f"Σ sᵢ · cᵢ, line shares {share_text}", savings_across_lines(shares, cuts)),
    ]
    return md_table(["How the cuts combine", "Formula and inputs", "Saving on the whole bill"], rows, ["l", "l", "r"])
