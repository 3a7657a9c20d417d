"""Error budgets, burn rates and the multiwindow, multi-burn-rate alert table.

Conventions: an SLO is a fraction in (0, 1] (0.999 for 99.9 %); an error rate is
the fraction of requests (or of time) that fail, in [0, 1]; windows follow
:mod:`macros.periods` (month = 30 days; '28 days' is accepted too).

- Error budget = (1 − SLO) × window (time) or (1 − SLO) × requests (requests).
- Burn rate = error rate ÷ (1 − SLO): 1 spends exactly the budget over the window.
- Time to exhaustion = window ÷ burn rate.
- Alert burn rate = fraction of the budget spent × SLO period ÷ long window
  (Google SRE Workbook, "Alerting on SLOs": 2 % in 1 h → 14.4 over 30 days).
  The error-rate threshold that fires it is burn rate × (1 − SLO).

A 100 % objective has no budget: the page macros say so in words instead of dividing by zero.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_duration, fmt_percent, fmt_sig
from .periods import period_label, period_seconds
from .tables import md_table
from .validate import positive, probability

__all__ = [
    "alert_burn_rate",
    "burn_rate",
    "burn_rate_table",
    "error_budget",
    "error_budget_requests",
    "time_to_exhaustion",
]

NO_BUDGET = "none: a 100\u00a0% objective leaves no error budget"

# Google SRE Workbook, "Alerting on SLOs", recommended multiwindow, multi-burn-rate alerts:
# (fraction of the period's budget consumed, long window s, short window s, notification)
SRE_WORKBOOK_ALERTS: tuple[tuple[float, float, float, str], ...] = (
    (0.02, 3_600.0, 300.0, "Page"),
    (0.05, 6 * 3_600.0, 1_800.0, "Page"),
    (0.10, 3 * 86_400.0, 6 * 3_600.0, "Ticket"),
)


def _error_rate(name: str, value: object) -> Decimal:
    """A fraction of failing requests in [0, 1]; 0.5 for 50 %."""
    accepted = "a fraction in [0, 1] is accepted, e.g. 0.001 for 0.1 % errors"
    d = Decimal(repr(positive(name, value, allow_zero=True)))
    if 1 < d <= 100:
        raise MacroInputError(name, value, accepted + f"; {value} looks like a percentage: pass {d / 100} instead")
    if d > 1:
        raise MacroInputError(name, value, accepted)
    return d


def _seconds(name: str, value: object) -> float:
    """A named period or seconds, with errors naming this macro's own argument."""
    try:
        return period_seconds(value)
    except MacroInputError as err:
        raise MacroInputError(name, value, err.accepted) from None


def _pct(x: float | Decimal, sig: int = 3) -> str:
    """A fraction as a percentage with ``sig`` significant figures: 0.0144 → '1.44 %'."""
    return f"{fmt_sig(float(x) * 100, sig)}{NBSP}%"


def error_budget_seconds(slo: object, window: object = "month") -> float:
    """The error budget in seconds: (1 − SLO) × window (0 for a 100 % objective)."""
    s = probability("slo", slo)
    return float((1 - s) * Decimal(repr(_seconds("window", window))))


def error_budget(slo: object, window: object = "month", sig: int = 3) -> str:
    """The error budget as a duration: error_budget(0.999) → '43.2 min' (30-day month)."""
    return fmt_duration(error_budget_seconds(slo, window), sig, zero=NO_BUDGET)


def error_budget_requests(slo: object, requests: object, sig: int = 3) -> str:
    """How many of ``requests`` may fail: error_budget_requests(0.999, 1e6) → '1,000 requests'."""
    s = probability("slo", slo)
    n = Decimal(repr(positive("requests", requests, unit="requests")))
    if s == 1:
        return NO_BUDGET
    budget = (1 - s) * n
    unit = "request" if budget == 1 else "requests"
    return f"{fmt_count(budget, sig)}{NBSP}{unit}"


def burn_rate_value(error_rate: object, slo: object) -> float:
    """Burn rate = error rate ÷ (1 − SLO); raises for a 100 % objective (no budget)."""
    e = _error_rate("error_rate", error_rate)
    s = probability("slo", slo, allow_one=False)
    return float(e / (1 - s))


def burn_rate(error_rate: object, slo: object, sig: int = 3) -> str:
    """The burn rate written as a multiple: burn_rate(0.0144, 0.999) → '14.4×'."""
    e = _error_rate("error_rate", error_rate)
    s = probability("slo", slo)
    if s == 1:
        return "undefined: a 100\u00a0% objective has no budget, so any error breaches it"
    return f"{fmt_sig(burn_rate_value(e, s), sig)}×"


def time_to_exhaustion(error_rate: object, slo: object, window: object = "month", sig: int = 3) -> str:
    """How long a steady error rate takes to spend the whole budget: window ÷ burn rate.

    time_to_exhaustion(0.0144, 0.999) → '2.08 days' (30-day month, burn rate 14.4).
    """
    e = _error_rate("error_rate", error_rate)
    s = probability("slo", slo)
    w = _seconds("window", window)
    if s == 1:
        return "immediately: a 100\u00a0% objective has no budget, so the first error breaches it"
    if e == 0:
        return "never: no errors, no budget spent"
    return fmt_duration(w / burn_rate_value(e, s), sig)


def alert_burn_rate(budget_fraction: object, long_window: object, period: object = "month", sig: int = 3) -> str:
    """The burn rate that spends ``budget_fraction`` of the period's budget in ``long_window``.

    burn rate = budget fraction × period ÷ long window: alert_burn_rate(0.02, 3600) → '14.4×'.
    Windows are seconds or named periods ('hour', 'day', 'month', '28 days', …).
    """
    f = probability("budget_fraction", budget_fraction)
    lw = _seconds("long_window", long_window)
    p = period_seconds(period)
    if lw > p:
        raise MacroInputError(
            "long_window", long_window, f"a window no longer than the period ({fmt_duration(p)}) is accepted"
        )
    return f"{fmt_sig(float(f) * p / lw, sig)}×"


def burn_rate_table(slo: object = 0.999, period: object = "month") -> str:
    """The SRE Workbook's multiwindow, multi-burn-rate alerts, recomputed for ``slo`` and ``period``.

    Each row: notification, budget consumed, long and short window, burn rate
    (= budget fraction × period ÷ long window), the error-rate threshold
    (= burn rate × (1 − SLO)) and how long the whole budget lasts at that rate.
    """
    s = probability("slo", slo)
    p = period_seconds(period)
    label = period_label(period).removeprefix("per ")
    if s == 1:
        return (
            "*No burn-rate alerts for a 100\u00a0% objective: it leaves no error budget, "
            "so there is nothing to burn and every error is already a breach. Alert on any error instead.*\n"
        )
    budget = 1 - s
    headers = [
        "Notify",
        "Budget spent",
        "Long window",
        "Short window",
        "Burn rate",
        "Alert when error rate >",
        "Whole budget gone in",
    ]
    rows = []
    for fraction, long_w, short_w, notify in SRE_WORKBOOK_ALERTS:
        rate = Decimal(repr(fraction)) * Decimal(repr(p)) / Decimal(repr(long_w))
        threshold = rate * budget
        fires = f"never fires: it would need {_pct(threshold)} errors" if threshold > 1 else _pct(threshold)
        rows.append(
            [
                notify,
                _pct(fraction),
                fmt_duration(long_w),
                fmt_duration(short_w),
                f"{fmt_sig(rate, 3)}×",
                fires,
                fmt_duration(float(Decimal(repr(p)) / rate)),
            ]
        )
    note = (
        f"\n*Computed for an SLO of {fmt_percent(s)}, period {label} "
        f"(error budget {error_budget(s, period)}): burn rate = budget spent × period ÷ long window; "
        "alert threshold = burn rate × (1 − SLO); whole budget gone in = period ÷ burn rate. "
        "Fire only when both the long and the short window exceed the threshold. "
        "Budget fractions and windows: Google SRE Workbook, “Alerting on SLOs”.*\n"
    )
    return md_table(headers, rows, align=["l", "r", "r", "r", "r", "r", "r"]) + note
