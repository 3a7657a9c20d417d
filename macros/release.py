"""Release arithmetic: how much traffic a canary sees, how long it must bake, how long a backfill runs.

A canary that receives ``fraction`` of ``rps`` requests per second serves
rps × fraction requests per second. To expect ``errors`` failures at an error
rate ``p`` it must run errors / (p × rps × fraction) seconds: at a low share of a
small service that is a long time, which is why canaries bake by request count,
not by the clock. A backfill of ``rows`` rows in batches of ``batch_rows``, one batch
every ``batch_seconds``, takes ⌈rows / batch_rows⌉ × batch_seconds.
"""

from __future__ import annotations

import itertools
import math

from .errors import MacroInputError
from .fmt import fmt_count, fmt_duration, fmt_percent
from .tables import md_table
from .validate import positive, positive_int, positives, probability

__all__ = ["backfill_duration", "canary_bake_time", "canary_requests", "canary_stage_table"]


def _rate(rps: object) -> float:
    """Total requests per second reaching the service (> 0)."""
    return positive("rps", rps, unit="requests per second")


def _share(fraction: object) -> float:
    """Share of traffic sent to the new version, a fraction in (0, 1]."""
    return float(probability("fraction", fraction))


def canary_requests(rps: object, fraction: object, minutes: object) -> str:
    """Requests the new version serves in ``minutes`` minutes at ``fraction`` of ``rps`` requests/s.

    >>> canary_requests(2000, 0.01, 10)
    '12,000'
    """
    seconds = positive("minutes", minutes, unit="minutes") * 60
    return fmt_count(_rate(rps) * _share(fraction) * seconds)


def canary_bake_time(rps: object, fraction: object, error_rate: object, errors: object = 10) -> str:
    """Time until the canary is expected to see ``errors`` failures at ``error_rate``: errors / (p × rps × fraction).

    ``error_rate`` is a fraction in (0, 1), e.g. 0.001 for 0.1 % of requests failing.

    >>> canary_bake_time(2000, 0.01, 0.001, 10)
    '8.33\\xa0min'
    """
    p = float(probability("error_rate", error_rate, allow_one=False))
    k = positive_int("errors", errors, maximum=1_000_000)
    return fmt_duration(k / (p * _rate(rps) * _share(fraction)))


def canary_stage_table(rps: object, stages: object = (0.01, 0.05, 0.25, 1.0), bake_minutes: object = 15) -> str:
    """Markdown table of a staged rollout: per stage, its share, requests/s and requests per bake on the new version.

    ``stages`` are increasing fractions in (0, 1]; ``bake_minutes`` the time each stage is watched.
    """
    total = _rate(rps)
    shares = [float(probability(f"stages[{i}]", s)) for i, s in enumerate(positives("stages", stages))]
    if any(b <= a for a, b in itertools.pairwise(shares)):
        raise MacroInputError("stages", stages, "strictly increasing fractions are accepted, e.g. (0.01, 0.05, 1)")
    bake = positive("bake_minutes", bake_minutes, unit="minutes")
    rows = []
    for i, share in enumerate(shares, start=1):
        rows.append(
            [
                str(i),
                fmt_percent(share, 2),
                f"{fmt_count(total * share)}/s",
                fmt_count(total * share * bake * 60),
            ]
        )
    headers = [
        "Stage",
        "Share on new version",
        "Requests to new version",
        f"Served by it in {fmt_duration(bake * 60)}",
    ]
    return md_table(headers, rows)


def backfill_duration(rows: object, batch_rows: object, batch_seconds: object) -> str:
    """Wall time to backfill ``rows`` rows, ``batch_rows`` per batch, one batch per ``batch_seconds`` s.

    >>> backfill_duration(500_000_000, 5_000, 0.5)
    '13\\xa0h 53\\xa0min'
    """
    n = positive_int("rows", rows, maximum=10**15)
    b = positive_int("batch_rows", batch_rows, maximum=10**9)
    s = positive("batch_seconds", batch_seconds, unit="seconds")
    return fmt_duration(math.ceil(n / b) * s)
