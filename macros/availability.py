"""Availability: downtime per period, nines, and how components compose.

All probabilities are ``Decimal`` fractions in (0, 1], computed with 60 digits so
that, for example, six parallel 99.9 % replicas (unavailability 10⁻¹⁸) do not
round to exactly 100 %. Periods follow :mod:`macros.periods` (year = 365.25
days, month = 30 days). Composition assumes independent failures: correlated
failures (a shared rack, deploy or bug) make real systems worse than these numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from math import comb

from .errors import MacroInputError
from .fmt import fmt_duration, fmt_percent, fmt_sig
from .periods import period_label, period_seconds
from .tables import md_table
from .validate import dec_context, positive, positive_int, probabilities, probability

__all__ = [
    "availability_from_downtime",
    "availability_product",
    "availability_table",
    "composite",
    "composite_availability",
    "downtime",
    "downtime_seconds",
    "k_of_n",
    "k_of_n_availability",
    "nines",
    "parallel",
    "parallel_availability",
    "power_availability",
    "series",
    "series_availability",
]

DEFAULT_LEVELS = (0.99, 0.999, 0.9995, 0.9999, 0.99999, 0.999999)
DEFAULT_PERIODS = ("year", "month", "week", "day")


def downtime_seconds(availability: object, period: object = "year") -> float:
    """Allowed downtime in seconds for an availability over a period: (1 − A) × period."""
    a = probability("availability", availability)
    return float((1 - a) * Decimal(repr(period_seconds(period))))


def availability_from_downtime(downtime_s: object, period: object = "year") -> Decimal:
    """The availability that allows ``downtime_s`` seconds of downtime per period."""
    p = Decimal(repr(period_seconds(period)))
    d = Decimal(repr(positive("downtime_s", downtime_s, allow_zero=True, unit="seconds")))
    if d >= p:
        raise MacroInputError(
            "downtime_s", downtime_s, f"a downtime shorter than the period ({float(p):,.0f} s) is accepted"
        )
    with dec_context():
        return 1 - d / p


def nines(availability: object) -> float:
    """The number of nines, −log10(1 − A): 0.999 → 3.0, 0.9995 → 3.3."""
    a = probability("availability", availability, allow_one=False)
    with dec_context():
        return -float((1 - a).log10())


def series(availabilities: object) -> Decimal:
    """Every component must be up: A = Π Aᵢ."""
    values = probabilities("availabilities", availabilities)
    with dec_context():
        out = Decimal(1)
        for a in values:
            out *= a
        return +out


def parallel(availabilities: object) -> Decimal:
    """Any one component up keeps the system up: A = 1 − Π (1 − Aᵢ)."""
    values = probabilities("availabilities", availabilities)
    with dec_context():
        down = Decimal(1)
        for a in values:
            down *= 1 - a
        return 1 - down


def k_of_n(availability: object, n: object, k: object = 1) -> Decimal:
    """At least k of n identical, independent replicas up: Σᵢ₌ₖⁿ C(n, i) Aⁱ (1 − A)ⁿ⁻ⁱ."""
    a = probability("availability", availability)
    n_ = positive_int("n", n, maximum=10_000)
    k_ = positive_int("k", k)
    if k_ > n_:
        raise MacroInputError("k", k, f"a whole number from 1 to n = {n_} is accepted")
    with dec_context(prec=80):
        q = 1 - a
        # sum the failure side (fewer than k up): small terms, no cancellation
        down = sum((comb(n_, i) * a**i * q ** (n_ - i) for i in range(k_)), Decimal(0))
        return +(1 - down)


def _group(spec: object, index: int) -> Decimal:
    name = f"groups[{index}]"
    if isinstance(spec, Mapping):
        if "a" not in spec:
            raise MacroInputError(name, spec, "a number, a list (parallel group) or {a:, n:, k:} is accepted")
        return k_of_n(spec["a"], spec.get("n", 1), spec.get("k", 1))
    if isinstance(spec, Sequence) and not isinstance(spec, str):
        return parallel(spec)
    return probability(name, spec)


def composite(groups: object) -> Decimal:
    """A series of groups; each group is one component (a number), a parallel group
    (a list of availabilities), or k-of-n replicas ({"a": 0.99, "n": 3, "k": 1})."""
    if isinstance(groups, (str, bytes)) or not isinstance(groups, Sequence) or not groups:
        raise MacroInputError("groups", groups, "a non-empty list of groups is accepted")
    with dec_context():
        out = Decimal(1)
        for i, g in enumerate(groups):
            out *= _group(g, i)
        return +out


# ---- page macros: formatted strings and tables ---------------------------------------------


def downtime(availability: object, period: object = "year", sig: int = 3) -> str:
    """Formatted allowed downtime, e.g. downtime(0.999, 'month') → '43.2 min'."""
    return fmt_duration(downtime_seconds(availability, period), sig, zero="none")


def availability_table(levels: object = DEFAULT_LEVELS, periods: object = DEFAULT_PERIODS) -> str:
    """Markdown table: each availability, its nines and the downtime it allows per period."""
    values = probabilities("levels", levels)
    if isinstance(periods, str) or not isinstance(periods, Sequence) or not periods:
        raise MacroInputError("periods", periods, "a non-empty list of periods is accepted")
    headers = ["Availability", "Nines"] + [f"Downtime {period_label(p)}" for p in periods]
    rows = []
    for a in values:
        n = "∞" if a == 1 else fmt_sig(nines(a), 2)
        rows.append([fmt_percent(a), n] + [downtime(a, p) for p in periods])
    note = (
        "\n*Computed: downtime = (1 − availability) × period; year = 365.25 days, "
        "month = 30 days, week = 7 days, day = 86,400 s; nines = −log₁₀(1 − availability).*\n"
    )
    return md_table(headers, rows) + note


def availability_product(availabilities: object, op: str = "×") -> str:
    """The inputs of a series product written out: '99.99 % × 99.95 % × …'."""
    values = probabilities("availabilities", availabilities)
    return f" {op} ".join(fmt_percent(a) for a in values)


def series_availability(availabilities: object) -> str:
    """Formatted Π Aᵢ."""
    return fmt_percent(series(availabilities))


def parallel_availability(availabilities: object) -> str:
    """Formatted 1 − Π (1 − Aᵢ)."""
    return fmt_percent(parallel(availabilities))


def composite_availability(groups: object) -> str:
    """Formatted availability of a series of groups (see :func:`composite`)."""
    return fmt_percent(composite(groups))


def k_of_n_availability(availability: object, n: object, k: object = 1) -> str:
    """Formatted availability of k-of-n replicas."""
    return fmt_percent(k_of_n(availability, n, k))


def power_availability(availability: object, n: object) -> str:
    """Formatted Aⁿ: the chance all n independent parts are fine (0.99¹⁰⁰ → 36.6 %)."""
    a = probability("availability", availability)
    n_ = positive_int("n", n, maximum=1_000_000)
    with dec_context():
        return fmt_percent(+(a**n_))


