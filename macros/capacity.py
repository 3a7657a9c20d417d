"""Back-of-envelope capacity: QPS, peak, bandwidth, storage, box counts, Little's law.

Conventions: day = 86,400 s, year = 365.25 days (pass ``year_days=365`` to
reproduce estimates made with 365-day years), SI sizes (1 KB = 1,000 B),
bandwidth in bytes/s and bits/s (1 byte = 8 bits). The default peak factor is
5× the daily average, the usual guess when the traffic shape is unknown.
"""

from __future__ import annotations

import math

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_duration, fmt_rate, fmt_sig, fmt_size
from .periods import DAY_S, YEAR_DAYS
from .tables import md_table
from .validate import positive

__all__ = [
    "avg_qps",
    "bandwidth",
    "box_count",
    "little_concurrency",
    "little_latency",
    "little_throughput",
    "peak_qps",
    "qps_from_daily",
    "storage_growth",
    "twitter_sizing",
]

DEFAULT_PEAK_FACTOR = 5.0
_BITS = ((1e12, "Tbps"), (1e9, "Gbps"), (1e6, "Mbps"), (1e3, "Kbps"))


def avg_qps_value(dau: object, actions_per_user: object) -> float:
    """Average requests per second: DAU × actions per user per day ÷ 86,400."""
    users = positive("dau", dau, unit="daily active users")
    actions = positive("actions_per_user", actions_per_user, unit="actions per user per day")
    return users * actions / DAY_S


def _peak_factor(value: object) -> float:
    f = positive("peak_factor", value, unit="× average")
    if f < 1:
        raise MacroInputError("peak_factor", value, "a factor >= 1 (peak over average) is accepted")
    return f


def avg_qps(dau: object, actions_per_user: object, sig: int = 3) -> str:
    """Formatted average QPS: avg_qps(500e6, 0.2) → '1,160 QPS'."""
    return fmt_rate(avg_qps_value(dau, actions_per_user), "QPS", sig)


def peak_qps(dau: object, actions_per_user: object, peak_factor: object = DEFAULT_PEAK_FACTOR, sig: int = 3) -> str:
    """Formatted peak QPS = average × peak factor (default 5): peak_qps(500e6, 0.2) → '5,790 QPS'."""
    return fmt_rate(avg_qps_value(dau, actions_per_user) * _peak_factor(peak_factor), "QPS", sig)


def qps_from_daily(requests_per_day: object, sig: int = 3) -> str:
    """Requests per day as an average rate: qps_from_daily(1e6, 2) → '12 QPS'."""
    return fmt_rate(positive("requests_per_day", requests_per_day, unit="requests per day") / DAY_S, "QPS", sig)


def bits_per_second(bps: float, sig: int = 3) -> str:
    """A bit rate with SI prefixes: 8e8 → '800 Mbps'."""
    for scale, unit in _BITS:
        if bps >= scale * 0.9995:
            return f"{fmt_sig(bps / scale, sig)}{NBSP}{unit}"
    return f"{fmt_sig(bps, sig)}{NBSP}bps"


def bandwidth_value(qps: object, payload_bytes: object) -> float:
    """Bandwidth in bytes per second: QPS × payload."""
    return positive("qps", qps, unit="requests/s") * positive("payload_bytes", payload_bytes, unit="bytes")


def bandwidth(qps: object, payload_bytes: object, sig: int = 3) -> str:
    """Bytes/s and bits/s: bandwidth(1000, 100e3) → '100 MB/s (800 Mbps)'."""
    b = bandwidth_value(qps, payload_bytes)
    return f"{fmt_size(b, sig)}/s ({bits_per_second(b * 8, sig)})"


def storage_growth_bytes(
    qps: object, bytes_per_record: object, years: object = 1, replication: object = 1, year_days: object = YEAR_DAYS
) -> float:
    """Bytes stored: QPS × bytes × 86,400 × days per year × years × replication."""
    q = positive("qps", qps, unit="writes/s")
    b = positive("bytes_per_record", bytes_per_record, unit="bytes")
    y = positive("years", years, unit="years")
    r = positive("replication", replication, unit="copies")
    if r < 1:
        raise MacroInputError("replication", replication, "a replication factor >= 1 is accepted")
    d = positive("year_days", year_days, unit="days")
    if not 360 <= d <= 366:
        raise MacroInputError(
            "year_days", year_days, "a year length from 360 to 366 days is accepted (365.25 by default)"
        )
    return q * b * DAY_S * d * y * r


def storage_growth(
    qps: object,
    bytes_per_record: object,
    years: object = 1,
    replication: object = 1,
    year_days: object = YEAR_DAYS,
    sig: int = 3,
) -> str:
    """Formatted storage: storage_growth(1000, 1000, 1, 3) → '94.7 TB' (365.25-day year)."""
    return fmt_size(storage_growth_bytes(qps, bytes_per_record, years, replication, year_days), sig)


def box_count_value(peak: object, per_box: object, headroom: object = 1) -> int:
    """Machines needed: ceil(peak ÷ per-box capacity × headroom), at least 1."""
    p = positive("peak", peak, unit="requests/s")
    c = positive("per_box", per_box, unit="requests/s per box")
    h = positive("headroom", headroom, unit="×")
    if h < 1:
        raise MacroInputError("headroom", headroom, "a headroom factor >= 1 is accepted (2 means run at half capacity)")
    # guard against 5999.999… from float error pushing the ceiling up a box
    return max(1, math.ceil(round(p / c * h, 9)))


def box_count(peak: object, per_box: object, headroom: object = 1) -> str:
    """Formatted box count: box_count(5790, 1000, 2) → '12'."""
    return fmt_count(box_count_value(peak, per_box, headroom))


def little_concurrency(throughput: object, latency_s: object, sig: int = 3) -> str:
    """Little's law, L = λ × W: requests in flight. little_concurrency(1000, 0.1) → '100'."""
    lam = positive("throughput", throughput, unit="requests/s")
    w = positive("latency_s", latency_s, unit="seconds")
    return fmt_count(lam * w, sig)


def little_throughput(concurrency: object, latency_s: object, sig: int = 3) -> str:
    """Little's law solved for throughput, λ = L ÷ W: little_throughput(100, 0.1) → '1,000 QPS'."""
    n = positive("concurrency", concurrency, unit="requests in flight")
    w = positive("latency_s", latency_s, unit="seconds")
    return fmt_rate(n / w, "QPS", sig)


def little_latency(concurrency: object, throughput: object, sig: int = 3) -> str:
    """Little's law solved for latency, W = L ÷ λ: little_latency(100, 1000) → '100 ms'."""
    n = positive("concurrency", concurrency, unit="requests in flight")
    lam = positive("throughput", throughput, unit="requests/s")
    return fmt_duration(n / lam, sig)


def twitter_sizing(
    dau: object = 500e6,
    writes_per_user: object = 0.2,
    reads_per_user: object = 100,
    bytes_per_tweet: object = 1_000,
    peak_factor: object = DEFAULT_PEAK_FACTOR,
    replication: object = 3,
    years: object = 5,
) -> str:
    """The worked Twitter-scale estimate as a table: inputs first, then every derived figure."""
    users = positive("dau", dau, unit="daily active users")
    w = positive("writes_per_user", writes_per_user, unit="tweets per user per day")
    r = positive("reads_per_user", reads_per_user, unit="tweets read per user per day")
    size = positive("bytes_per_tweet", bytes_per_tweet, unit="bytes")
    pf = _peak_factor(peak_factor)
    repl = positive("replication", replication, unit="copies")
    y = positive("years", years, unit="years")
    writes_day = users * w
    reads_day = users * r
    wq = writes_day / DAY_S
    rq = reads_day / DAY_S
    daily = writes_day * size
    total = storage_growth_bytes(wq, size, y, repl)
    rows = [
        ["Input", "Daily active users", fmt_count(users)],
        ["Input", "Tweets written per user per day", fmt_sig(w)],
        ["Input", "Tweets read per user per day", fmt_sig(r)],
        ["Input", "Size of one tweet with metadata", fmt_size(size)],
        ["Input", "Peak ÷ average", f"{fmt_sig(pf)}×"],
        ["Input", "Replicas · retention", f"{fmt_sig(repl)} · {fmt_sig(y)} years"],
        ["Writes", "Tweets per day = users × tweets written", fmt_count(writes_day)],
        ["Writes", "Average = per day ÷ 86,400 s", fmt_rate(wq)],
        ["Writes", "Peak = average × peak factor", fmt_rate(wq * pf)],
        ["Reads", "Reads per day = users × tweets read", fmt_count(reads_day)],
        ["Reads", "Average = per day ÷ 86,400 s", fmt_rate(rq)],
        ["Reads", "Peak = average × peak factor", fmt_rate(rq * pf)],
        ["Ratio", "Read : write", f"{fmt_sig(r / w)}{NBSP}:{NBSP}1"],
        ["Storage", "New data per day = tweets × size", fmt_size(daily)],
        ["Storage", "Over the retention, all replicas", fmt_size(total)],
    ]
    note = (
        "\n*Computed: QPS = per day ÷ 86,400 s; storage = per day × 365.25 days × years × replicas; "
        "SI units (1 KB = 1,000 B). The inputs are the estimate's assumptions, not measurements.*\n"
    )
    return md_table(["Step", "Quantity", "Value"], rows, align=["l", "l", "r"]) + note
