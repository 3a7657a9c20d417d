"""The time conventions every computed number uses (see the conventions page)."""

from __future__ import annotations

from .errors import MacroInputError
from .validate import positive

__all__: list[str] = []

DAY_S = 86_400.0
"""One day in seconds."""
YEAR_DAYS = 365.25
"""A Julian year: the average over leap years."""
YEAR_S = YEAR_DAYS * DAY_S
MONTH_DAYS = 30
"""A month is a 30-day window, the usual SLO window."""
MONTH_S = MONTH_DAYS * DAY_S
QUARTER_S = YEAR_S / 4
WEEK_S = 7 * DAY_S

PERIODS: dict[str, float] = {
    "year": YEAR_S,
    "quarter": QUARTER_S,
    "month": MONTH_S,
    "28 days": 28 * DAY_S,
    "week": WEEK_S,
    "day": DAY_S,
    "hour": 3_600.0,
}
PERIOD_LABELS: dict[str, str] = {
    "year": "per year",
    "quarter": "per quarter",
    "month": "per 30-day month",
    "28 days": "per 28 days",
    "week": "per week",
    "day": "per day",
    "hour": "per hour",
}


def period_seconds(period: object) -> float:
    """A named period ('year', 'quarter', 'month', '28 days', 'week', 'day', 'hour') or seconds."""
    if isinstance(period, str):
        if period not in PERIODS:
            accepted = "one of " + ", ".join(map(repr, PERIODS)) + " or seconds > 0 is accepted"
            raise MacroInputError("period", period, accepted)
        return PERIODS[period]
    return positive("period", period, unit="seconds")


def period_label(period: object) -> str:
    """The column label for a period."""
    if isinstance(period, str) and period in PERIOD_LABELS:
        return PERIOD_LABELS[period]
    from .fmt import fmt_duration

    return "per " + fmt_duration(period_seconds(period))
