"""Latency numbers (measured, from ``data/latency.yml``) and what follows from them.

Derived columns: the "if 1 ns were 1 s" human scale (the value read as seconds
instead of nanoseconds, i.e. scaled by 10⁹) and the multiple of an L1 cache hit.
"""

from __future__ import annotations

from collections.abc import Sequence

from .data import load
from .errors import MacroInputError
from .fmt import fmt_duration, fmt_sig
from .tables import md_table
from .validate import positive, positive_int

__all__ = [
    "human_scale",
    "latency",
    "latency_ns",
    "latency_ratio",
    "latency_sources",
    "latency_table",
    "round_trips_cost",
]

NS = 1e-9


def _rows() -> dict[str, dict]:
    return {row["key"]: row for row in load("latency")["rows"]}


def _row(key: object) -> dict:
    rows = _rows()
    if key not in rows:
        raise MacroInputError("key", key, "one of " + ", ".join(rows) + " is accepted")
    return rows[key]


def _span(row: dict) -> tuple[float, float]:
    v = row["ns"]
    return (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), float(v))


def latency_ns(key: object) -> float:
    """The latency of an operation in nanoseconds (the low end of a range)."""
    return _span(_row(key))[0]


def _fmt_span(lo: float, hi: float, scale: float = NS, sig: int = 3) -> str:
    if lo == hi:
        return fmt_duration(lo * scale, sig)
    return f"{fmt_duration(lo * scale, sig)} – {fmt_duration(hi * scale, sig)}"


def latency(key: object) -> str:
    """The formatted latency of an operation: latency('memory') → '100 ns'."""
    return _fmt_span(*_span(_row(key)))


def human_scale(key_or_ns: object, sig: int = 2) -> str:
    """How long the operation would feel if 1 ns lasted 1 s (value × 10⁹)."""
    if isinstance(key_or_ns, str):
        lo, hi = _span(_row(key_or_ns))
    else:
        lo = hi = positive("ns", key_or_ns, unit="ns")
    return _fmt_span(lo, hi, scale=1.0, sig=sig)


def latency_ratio(key: object, base: object = "l1") -> str:
    """How many times slower ``key`` is than ``base`` ("14×")."""
    lo, hi = _span(_row(key))
    b = _span(_row(base))[0]
    if lo == hi:
        return f"{fmt_sig(lo / b, 2)}×"
    return f"{fmt_sig(lo / b, 2)}–{fmt_sig(hi / b, 2)}×"


def latency_table(keys: Sequence[str] | None = None) -> str:
    """The latency table with human-scale and × L1 columns, sources below."""
    data = load("latency")
    rows = [_row(k) for k in keys] if keys is not None else data["rows"]
    if not rows:
        raise MacroInputError("keys", keys, "a non-empty list of latency keys is accepted")
    body = [
        [
            r["operation"],
            _fmt_span(*_span(r)),
            human_scale(r["key"]),
            latency_ratio(r["key"]),
            r["note"],
            f'{r["source"]} ({data["sources"][r["source"]]["year"]})',
        ]
        for r in rows
    ]
    headers = ["Operation", "Latency", "If 1 ns were 1 s", "× L1 hit", "Keep in mind", "Source"]
    return md_table(headers, body, align=["l", "r", "r", "r", "l", "l"]) + (
        "\n*Measured values from the sources listed under the table; the last three columns "
        "are computed: human scale = latency × 10⁹ (nanoseconds read as seconds), "
        "30-day months and 365.25-day years.*\n"
    )


def latency_sources() -> str:
    """The latency table's sources as a Markdown list."""
    lines = []
    for key, s in load("latency")["sources"].items():
        link = f"[{s['title']}]({s['url']})" if s["url"] else s["title"]
        lines.append(f"- **{key}** ({s['year']}): {link}")
    return "\n".join(lines) + "\n"


def round_trips_cost(n: object, key: object = "dc-round-trip") -> str:
    """Time spent on ``n`` sequential operations of one kind: round_trips_cost(50) → '25 ms'."""
    count = positive_int("n", n, maximum=10_000_000)
    lo, hi = _span(_row(key))
    return _fmt_span(lo * count, hi * count)
