"""DNS arithmetic: how often resolvers refresh a record, how long a DNS failover takes to reach clients."""

from __future__ import annotations

from .fmt import fmt_count, fmt_duration
from .periods import period_seconds
from .validate import positive, positive_int

__all__ = ["dns_failover_time", "ttl_refreshes"]


def ttl_refreshes(ttl_s: object, period: object = "day") -> str:
    """Upper bound on how many times one busy resolver re-asks the authoritative server for a record per period.

    A resolver that keeps the record hot re-fetches it once per TTL: period ÷ TTL.
    ttl_refreshes(60) → '1,440'; ttl_refreshes(86400) → '1'.
    """
    ttl = positive("ttl_s", ttl_s, unit="seconds")
    return fmt_count(period_seconds(period) / ttl)


def dns_failover_time(ttl_s: object, check_interval_s: object = 30, failure_threshold: object = 3) -> str:
    """Time until every client that honours the TTL follows a DNS failover: detection (interval × failures
    in a row) + TTL. The worst case for such clients, and the best case over all clients: resolvers and
    clients that cache longer than the TTL take longer still.
    dns_failover_time(60, 30, 3) → '2.5 min'.
    """
    ttl = positive("ttl_s", ttl_s, allow_zero=True, unit="seconds")
    interval = positive("check_interval_s", check_interval_s, unit="seconds")
    n = positive_int("failure_threshold", failure_threshold, maximum=100)
    return fmt_duration(interval * n + ttl)
