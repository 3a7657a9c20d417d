"""Latency then and now, and throughput turned into time per megabyte or gigabyte.

The classic (~2012) values come from ``data/latency.yml``; the current values
from ``data/latency_now.yml``, each with its source and year. A rated
throughput becomes a latency as the time to move 1 MB (10⁶ B). The factor is
then ÷ now (how many times faster it got). Sizes are SI (1 MB = 10⁶ B,
1 GB = 10⁹ B); bit rates use 1 byte = 8 bits.
"""

from __future__ import annotations

from .data import load
from .errors import MacroInputError
from .fmt import fmt_duration, fmt_sig
from .tables import md_table
from .validate import choice, positive

__all__ = ["latency_now_sources", "latency_then_now", "time_per_gb", "time_per_mb"]

MB = 1e6
GB = 1e9
THROUGHPUT_UNITS: dict[str, float] = {
    "B/s": 1.0,
    "KB/s": 1e3,
    "MB/s": 1e6,
    "GB/s": 1e9,
    "bps": 1 / 8,
    "Kbps": 1e3 / 8,
    "Mbps": 1e6 / 8,
    "Gbps": 1e9 / 8,
}


def bytes_per_second(throughput: object, unit: object = "MB/s") -> float:
    """A throughput in bytes per second; ``unit`` is one of B/s, KB/s, MB/s, GB/s, bps, Kbps, Mbps, Gbps."""
    u = choice("unit", unit, list(THROUGHPUT_UNITS))
    return positive("throughput", throughput, unit=u) * THROUGHPUT_UNITS[u]


def transfer_seconds(size_bytes: float, throughput: object, unit: object = "MB/s") -> float:
    """Seconds to move ``size_bytes`` at ``throughput``."""
    return size_bytes / bytes_per_second(throughput, unit)


def time_per_mb(throughput: object, unit: object = "MB/s", sig: int = 3) -> str:
    """Time to move 1 MB: time_per_mb(1, 'GB/s') → '1 ms'; time_per_mb(1, 'Gbps') → '8 ms'."""
    return fmt_duration(transfer_seconds(MB, throughput, unit), sig)


def time_per_gb(throughput: object, unit: object = "MB/s", sig: int = 3) -> str:
    """Time to move 1 GB: time_per_gb(100, 'MB/s') → '10 s'."""
    return fmt_duration(transfer_seconds(GB, throughput, unit), sig)


def _then_rows() -> dict[str, dict]:
    return {row["key"]: row for row in load("latency")["rows"]}


def now_ns(row: dict) -> float:
    """The current value of a ``latency_now.yml`` row in nanoseconds."""
    if "ns" in row:
        return float(row["ns"])
    return MB / (float(row["mb_per_s"]) * MB) * 1e9


def then_ns(key: str) -> float:
    """The classic value of a ``latency.yml`` row in nanoseconds (low end of a range)."""
    rows = _then_rows()
    if key not in rows:
        raise MacroInputError("then", key, "a key of data/latency.yml is accepted")
    v = rows[key]["ns"]
    return float(v[0] if isinstance(v, list) else v)


def latency_then_now() -> str:
    """Markdown table: each classic value beside a current, sourced one, and the factor between them."""
    now = load("latency_now")
    then = load("latency")
    then_rows = _then_rows()
    body = []
    for r in now["rows"]:
        old = then_ns(r["then"])
        new = now_ns(r)
        t_src = then["sources"][then_rows[r["then"]]["source"]]
        n_src = now["sources"][r["source"]]
        body.append(
            [
                then_rows[r["then"]]["operation"],
                f"{fmt_duration(old * 1e-9)} ({t_src['year']})",
                f"{fmt_duration(new * 1e-9)} ({n_src['year']})",
                f"{fmt_sig(old / new, 2)}× faster" if old >= new else f"{fmt_sig(new / old, 2)}× slower",
                f"{r['device']}: {r['measured']}",
                f"[{r['source']}]({n_src['url']})",
            ]
        )
    headers = ["Operation", "Classic", "Now", "Change", "What was measured", "Source"]
    note = (
        "\n*Classic values: the 2012 list in the latency table; current values as sourced. "
        "Computed: change = classic ÷ now; a rated throughput T becomes 1 MB ÷ T. "
        "Vendor ratings are best cases (“up to”, deep queues); the measured rows are means at queue depth 1.*\n"
    )
    return md_table(headers, body, align=["l", "r", "r", "r", "l", "l"]) + note


def latency_now_sources() -> str:
    """The current values' sources as a Markdown list."""
    lines = [
        f"- **{key}** ({s['year']}): [{s['title']}]({s['url']})" for key, s in load("latency_now")["sources"].items()
    ]
    return "\n".join(lines) + "\n"
