"""Asynchronous messaging: backlogs, drain times, partition counts and stream windows.

Rates are messages per second, times are seconds. A backlog grows at
(arrival − service) while producers outrun consumers and drains at
(service − arrival) once they no longer do. The partition rule of thumb is the
one Confluent publishes: enough partitions that neither one partition's produce
rate nor one consumer's processing rate caps the target throughput.
"""

from __future__ import annotations

import math

from .errors import MacroInputError
from .fmt import fmt_count, fmt_duration, fmt_sig
from .validate import positive

__all__ = ["backlog_drain_time", "backlog_size", "partitions_needed", "windows_per_event"]


def backlog_size(arrival_rate: object, service_rate: object, seconds: object) -> str:
    """Messages queued after ``seconds`` of arrivals outrunning service: (arrival − service) × seconds."""
    a = positive("arrival_rate", arrival_rate, unit="messages per second")
    s = positive("service_rate", service_rate, unit="messages per second")
    t = positive("seconds", seconds, unit="seconds")
    if a <= s:
        raise MacroInputError("arrival_rate", arrival_rate, f"a rate above service_rate = {service_rate} is accepted "
                              "(otherwise no backlog builds)")
    return fmt_count(round((a - s) * t))


def backlog_drain_time(backlog: object, service_rate: object, arrival_rate: object) -> str:
    """Time to empty a backlog while new messages keep arriving: backlog / (service − arrival)."""
    b = positive("backlog", backlog, unit="messages")
    s = positive("service_rate", service_rate, unit="messages per second")
    a = positive("arrival_rate", arrival_rate, allow_zero=True, unit="messages per second")
    if s <= a:
        raise MacroInputError("service_rate", service_rate, f"a rate above arrival_rate = {arrival_rate} is accepted "
                              "(otherwise the backlog never drains)")
    return fmt_duration(b / (s - a))


def partitions_needed(target_rate: object, per_partition_produce: object, per_consumer: object) -> str:
    """Partitions so that neither producing nor consuming caps throughput:
    ⌈max(target / per-partition produce rate, target / per-consumer rate)⌉."""
    t = positive("target_rate", target_rate, unit="messages or MB per second")
    p = positive("per_partition_produce", per_partition_produce, unit="messages or MB per second")
    c = positive("per_consumer", per_consumer, unit="messages or MB per second")
    return fmt_count(math.ceil(max(t / p, t / c) - 1e-9))


def windows_per_event(window_seconds: object, slide_seconds: object) -> str:
    """How many sliding (hopping) windows each event falls in: window length / slide.
    A slide equal to the length is a tumbling window: one window per event."""
    w = positive("window_seconds", window_seconds, unit="seconds")
    s = positive("slide_seconds", slide_seconds, unit="seconds")
    if s > w:
        raise MacroInputError("slide_seconds", slide_seconds, f"a slide no longer than the window ({window_seconds} s) "
                              "is accepted (a longer slide leaves gaps no window covers)")
    return fmt_sig(math.ceil(w / s - 1e-9), 3)
