"""Telemetry arithmetic: how much log data a service writes, how many time series its labels create.

- Log volume = events per second × bytes per event × seconds in the period (SI units, 1 KB = 1,000 B).
- Time series = product of the number of distinct values of every label on one metric name
  (the worst case, when every combination occurs).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import fmt_count, fmt_size
from .periods import period_seconds
from .validate import positive, positive_int

__all__ = ["telemetry_series", "telemetry_volume"]


def telemetry_volume(events_per_s: object, bytes_per_event: object, period: object = "day", sig: int = 3) -> str:
    """Bytes written per period by ``events_per_s`` events of ``bytes_per_event`` bytes each.

    telemetry_volume(10_000, 1_000) → '864 GB' (one day); the period is a named period or seconds.
    """
    rate = positive("events_per_s", events_per_s, unit="events/s")
    size = positive("bytes_per_event", bytes_per_event, unit="bytes")
    return fmt_size(rate * size * period_seconds(period), sig)


def telemetry_series(cardinalities: object) -> str:
    """Worst-case number of time series for one metric: the product of each label's distinct values.

    telemetry_series([50, 5, 10, 200]) → '500,000' (endpoints × methods × status codes × pods).
    """
    accepted = "a non-empty list of whole numbers >= 1 (distinct values per label) is accepted"
    if isinstance(cardinalities, (str, bytes)) or not isinstance(cardinalities, Sequence) or not cardinalities:
        raise MacroInputError("cardinalities", cardinalities, accepted)
    values = [positive_int(f"cardinalities[{i}]", v, maximum=10**12) for i, v in enumerate(cardinalities)]
    return fmt_count(math.prod(values))
