"""Retries: exponential backoff with a cap and jitter, and how retries multiply load.

Backoff before retry ``i`` (1-based) has the ceiling min(cap, base × 2^(i−1)) seconds.
"Full jitter" sleeps a uniform random time in [0, ceiling]; "equal jitter" in
[ceiling / 2, ceiling] (Brooker, AWS Architecture Blog, 2015). When every layer of a
call chain makes ``attempts`` tries, the deepest service sees attempts^layers requests
for one user request.
"""

from __future__ import annotations

from .errors import MacroInputError
from .fmt import fmt_count, fmt_duration
from .tables import md_table
from .validate import positive, positive_int

__all__ = ["backoff_ceiling", "backoff_table", "backoff_worst_case", "retry_amplification"]


def _ceiling_s(base_s: float, cap_s: float, retry: int) -> float:
    return min(cap_s, base_s * 2 ** (retry - 1))


def _base_cap(base_s: object, cap_s: object) -> tuple[float, float]:
    base = positive("base_s", base_s, unit="seconds")
    cap = positive("cap_s", cap_s, unit="seconds")
    if cap < base:
        raise MacroInputError("cap_s", cap_s, f"a cap >= base_s ({base} s) is accepted")
    return base, cap


def backoff_ceiling(base_s: object, cap_s: object, retry: object) -> str:
    """Formatted ceiling of the wait before retry ``retry``: min(cap, base × 2^(retry−1))."""
    base, cap = _base_cap(base_s, cap_s)
    i = positive_int("retry", retry, maximum=64)
    return fmt_duration(_ceiling_s(base, cap, i))


def backoff_worst_case(base_s: object, cap_s: object, retries: object) -> str:
    """Formatted longest total wait over ``retries`` retries (every sleep at its ceiling)."""
    base, cap = _base_cap(base_s, cap_s)
    n = positive_int("retries", retries, maximum=64)
    return fmt_duration(sum(_ceiling_s(base, cap, i) for i in range(1, n + 1)))


def backoff_table(base_s: object = 0.1, cap_s: object = 10, retries: object = 6) -> str:
    """Markdown table: per retry, the ceiling, the full- and equal-jitter sleep ranges, the worst-case total."""
    base, cap = _base_cap(base_s, cap_s)
    n = positive_int("retries", retries, maximum=64)
    rows = []
    total = 0.0
    for i in range(1, n + 1):
        c = _ceiling_s(base, cap, i)
        total += c
        rows.append(
            [
                str(i),
                fmt_duration(c),
                f"0 – {fmt_duration(c)}",
                f"{fmt_duration(c / 2)} – {fmt_duration(c)}",
                fmt_duration(total),
            ]
        )
    headers = ["Retry", "Ceiling", "Full jitter sleeps", "Equal jitter sleeps", "Worst-case wait so far"]
    note = (
        f"\n*Computed: ceiling = min(cap, base × 2^(retry − 1)) with base = {fmt_duration(base)} and "
        f"cap = {fmt_duration(cap)}; full jitter = uniform(0, ceiling), equal jitter = uniform(ceiling/2, "
        "ceiling); worst case adds every ceiling.*\n"
    )
    return md_table(headers, rows, align=["r", "r", "r", "r", "r"]) + note


def retry_amplification(attempts: object, layers: object) -> str:
    """Requests reaching the deepest layer for one user request: attempts^layers, e.g. '27×'."""
    a = positive_int("attempts", attempts, maximum=100)
    n = positive_int("layers", layers, maximum=20)
    return f"{fmt_count(a**n)}×"
