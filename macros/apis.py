"""API design: what deep offset pagination costs, and how long a retry schedule lasts.

Offset pagination makes the database produce and discard every row before the
requested page: page p of size n (pages counted from 1) reads (p − 1) × n rows
it throws away. A capped exponential retry schedule waits base × factorᵏ before
retry k + 1, never longer than the cap; the total is the sum of those waits
(without jitter, which spreads the retries but keeps the mean near this).
"""

from __future__ import annotations

from .errors import MacroInputError
from .fmt import fmt_count, fmt_duration
from .validate import positive, positive_int

__all__ = ["offset_rows_skipped", "retry_window"]


def offset_rows_skipped(page: object, page_size: object) -> str:
    """Rows read and discarded to serve page ``page`` (from 1) of ``page_size`` rows: (page − 1) × size."""
    p = positive_int("page", page, maximum=10**12)
    n = positive_int("page_size", page_size, maximum=10**6)
    return fmt_count((p - 1) * n)


def retry_window(base_seconds: object, retries: object, factor: object = 2, cap_seconds: object = None) -> str:
    """Total wait over ``retries`` retries with exponential backoff: Σₖ min(cap, base × factorᵏ), k < retries."""
    base = positive("base_seconds", base_seconds, unit="seconds")
    n = positive_int("retries", retries, maximum=1_000)
    f = positive("factor", factor)
    if f < 1 or f > 10:
        raise MacroInputError("factor", factor, "a growth factor from 1 (constant delay) to 10 is accepted")
    cap = None if cap_seconds is None else positive("cap_seconds", cap_seconds, unit="seconds")
    total = 0.0
    delay = base
    for _ in range(n):
        total += delay if cap is None else min(delay, cap)
        delay *= f
        if cap is not None and delay > cap:
            delay = cap
    return fmt_duration(total)
