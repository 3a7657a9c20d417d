"""The per-box capacity reference card and the estimation worksheet that uses it.

Measured or planning figures live in ``data/capacity.yml`` (each row with its
conditions, source and year); this module renders them and derives from them.
Conventions: day = 86,400 s, year = 365.25 days, SI sizes (1 KB = 1,000 B),
1 byte = 8 bits. A link's frame rate counts the Ethernet overhead of a
full-size frame: 1,500 B payload + 14 B header + 4 B FCS + 8 B preamble + 12 B
inter-frame gap = 1,538 B on the wire (IEEE 802.3).
"""

from __future__ import annotations

import math

from .capacity import DEFAULT_PEAK_FACTOR, bits_per_second, box_count_value
from .data import load
from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_percent, fmt_rate, fmt_sig, fmt_size
from .periods import DAY_S, YEAR_DAYS
from .tables import md_table
from .validate import choice, positive, positive_int, probability

__all__ = ["capacity_card", "capacity_figure", "capacity_worksheet", "frames_per_second", "zone_loss_factor"]

GROUPS = ("compute", "data", "messaging", "network", "storage")
ETHERNET_PAYLOAD = 1_500
ETHERNET_WIRE_BYTES = ETHERNET_PAYLOAD + 14 + 4 + 8 + 12
_MARK = {"at least": ("", "+"), "about": (f"≈{NBSP}", ""), "below": (f"<{NBSP}", "")}


def _rows() -> dict[str, dict]:
    return {row["key"]: row for row in load("capacity")["rows"]}


def _row(key: object) -> dict:
    rows = _rows()
    if key not in rows:
        raise MacroInputError("key", key, "a key of data/capacity.yml is accepted: " + ", ".join(rows))
    return rows[str(key)]


_UNIT_NS = {"ns": 1.0, "µs": 1e3, "ms": 1e6, "s": 1e9}


def _resolved(row: dict) -> dict:
    """The row with ``same_as`` (another capacity row) or ``latency_row`` (a row of data/latency.yml, the
    one place for a round-trip time) replaced by the figure it repeats, in the row's own unit."""
    if "latency_row" in row:
        rows = {r["key"]: r for r in load("latency")["rows"]}
        if row["latency_row"] not in rows or row.get("unit") not in _UNIT_NS:
            accepted = "a key of data/latency.yml and a time unit are accepted"
            raise MacroInputError("latency_row", row["latency_row"], accepted)
        ns = rows[row["latency_row"]]["ns"]
        scale = _UNIT_NS[row["unit"]]
        value = [n / scale for n in ns] if isinstance(ns, list) else ns / scale
        return {**row, "value": value, "qualifier": None}
    if "same_as" in row:
        base = _row(row["same_as"])
        return {**row, "value": base["value"], "unit": base["unit"], "qualifier": base.get("qualifier")}
    return row


def capacity_range(key: object) -> tuple[float, float]:
    """(low, high) of a row's figure in its own unit; equal for a single figure."""
    row = _resolved(_row(key))
    if "value" not in row:
        raise MacroInputError("key", key, "a row with a numeric value is accepted (link rows have link_gbps)")
    v = row["value"]
    if isinstance(v, list):
        return float(v[0]), float(v[1])
    return float(v), float(v)


def _number(v: float) -> str:
    """Whole figures below a million exactly ("74,091"), larger ones in words ("2.02 million")."""
    if v >= 1e6:
        return fmt_count(v)
    return fmt_count(v) if v == int(v) else fmt_sig(v)


def _figure_text(row: dict) -> str:
    row = _resolved(row)
    v = row["value"]
    pre, post = _MARK.get(row.get("qualifier") or "", ("", ""))
    text = f"{_number(v[0])}–{_number(v[1])}" if isinstance(v, list) else _number(float(v))
    return f"{pre}{text}{post}{NBSP}{row['unit']}"


def frames_per_second(link_gbps: object, payload_bytes: object = ETHERNET_PAYLOAD) -> str:
    """Full Ethernet frames per second a link carries at line rate.

    Each frame occupies payload + 38 B on the wire (header, FCS, preamble, gap):
    frames_per_second(1) → '81,300' (1 Gbps, 1,500 B payload).
    """
    gbps = positive("link_gbps", link_gbps, unit="Gbps")
    payload = positive("payload_bytes", payload_bytes, unit="bytes")
    if not 46 <= payload <= 9_000:
        raise MacroInputError("payload_bytes", payload_bytes, "an Ethernet payload from 46 to 9,000 bytes is accepted")
    return fmt_count(gbps * 1e9 / 8 / (payload + ETHERNET_WIRE_BYTES - ETHERNET_PAYLOAD), 3)


def _link_text(row: dict) -> tuple[str, str]:
    gbps = float(row["link_gbps"])
    bytes_s = gbps * 1e9 / 8
    figure = f"{bits_per_second(gbps * 1e9)} = {fmt_size(bytes_s)}/s"
    wire = f"{fmt_count(ETHERNET_WIRE_BYTES)}{NBSP}B"
    extra = f"; ≈{NBSP}{frames_per_second(gbps)} full-size frames/s ({wire} on the wire each)"
    return figure, extra


def capacity_figure(key: object) -> str:
    """One row's figure for running text: capacity_figure('redis') → '100,000 ops/s'."""
    row = _row(key)
    if "link_gbps" in row:
        return _link_text(row)[0]
    text = _figure_text(row)
    if "nodes" in row:
        per = float(row["value"]) / int(row["nodes"])
        text += f" on {row['nodes']} machines, ≈{NBSP}{_number(per)}{NBSP}{row['unit']} each"
    return text


def _source_cell(row: dict) -> str:
    if "latency_row" in row:
        latency = load("latency")
        key = next(r["source"] for r in latency["rows"] if r["key"] == row["latency_row"])
        src = latency["sources"][key]
    else:
        src = load("capacity")["sources"][row["source"]]
    if not src.get("url"):
        return f"{src['title']} ({src['year']})"
    return f"[{src['title'].split(',')[0]} {src['year']}]({src['url']})"


def capacity_card(group: object = None) -> str:
    """The reference card as a Markdown table, optionally one group (compute, data, messaging, network, storage)."""
    wanted = None if group is None else choice("group", group, GROUPS)
    body = []
    for row in load("capacity")["rows"]:
        if wanted and row["group"] != wanted:
            continue
        conditions = row["conditions"]
        if "link_gbps" in row:
            figure, extra = _link_text(row)
            conditions += extra
        else:
            figure = capacity_figure(row["key"])
        body.append([row["component"], figure, conditions, _source_cell(row)])
    note = (
        "\n*Orders of magnitude on commodity hardware; benchmark your own workload before you commit. "
        "Computed: per-machine figures = measured total ÷ machines; a link's bytes/s = bits/s ÷ 8; "
        "frames/s = bytes/s ÷ 1,538 B per full-size Ethernet frame.*\n"
    )
    return md_table(["Component", "Capacity", "Conditions", "Source"], body, align=["l", "r", "l", "l"]) + note


def zone_loss_factor_value(zones: object) -> float:
    """Capacity multiplier that survives losing one of ``zones`` zones at full load: n ÷ (n − 1)."""
    n = positive_int("zones", zones, minimum=2, maximum=10)
    return n / (n - 1)


def zone_loss_factor(zones: object) -> str:
    """Formatted n ÷ (n − 1): zone_loss_factor(3) → '1.5×'."""
    return f"{fmt_sig(zone_loss_factor_value(zones), 3)}×"


def _fleet(peak: float, per_box: float, headroom: float, zones: int) -> int:
    """Boxes for ``peak`` at ``per_box`` each, × headroom × n/(n−1), rounded up to a whole number per zone."""
    need = box_count_value(peak, per_box, headroom * zones / (zones - 1))
    return math.ceil(need / zones) * zones


def _boxes_cell(peak: float, key: str, headroom: float, zones: int) -> str:
    low, high = capacity_range(key)
    unit = _resolved(_row(key))["unit"]
    a = _fleet(peak, low, headroom, zones)
    if low == high:
        return f"{a} at {_number(low)}{NBSP}{unit} each"
    b = _fleet(peak, high, headroom, zones)
    return f"{a} at {_number(low)}{NBSP}{unit} each; {b} at {_number(high)}"


def capacity_worksheet(
    dau: object,
    reads_per_user: object,
    writes_per_user: object,
    response_bytes: object,
    record_bytes: object,
    replication: object = 3,
    years: object = 5,
    peak_factor: object = DEFAULT_PEAK_FACTOR,
    cache_hit: object = 0.9,
    headroom: object = 2,
    zones: object = 3,
) -> str:
    """The estimation worksheet as a table: inputs, rates, bandwidth by direction, storage, fleet sizes.

    Bandwidth is split by direction, because replication multiplies only the write path:
    egress = peak reads × response; ingress = peak writes × record; replication traffic =
    peak writes × record × (replicas − 1). Fleet = ⌈peak ÷ per-box × headroom × n/(n−1)⌉,
    rounded up to a multiple of the zone count; per-box figures come from the capacity card.
    """
    users = positive("dau", dau, unit="daily active users")
    r = positive("reads_per_user", reads_per_user, unit="reads per user per day")
    w = positive("writes_per_user", writes_per_user, unit="writes per user per day")
    resp = positive("response_bytes", response_bytes, unit="bytes")
    rec = positive("record_bytes", record_bytes, unit="bytes")
    repl = positive_int("replication", replication, maximum=9)
    y = positive("years", years, unit="years")
    pf = positive("peak_factor", peak_factor, unit="× average")
    if not 1 <= pf <= 20:
        raise MacroInputError("peak_factor", peak_factor, "a peak factor from 1 to 20 is accepted (2–10 is typical)")
    hit = float(probability("cache_hit", cache_hit, allow_one=False))
    h = positive("headroom", headroom, unit="×")
    if h < 1:
        raise MacroInputError("headroom", headroom, "a headroom factor >= 1 is accepted (2 means run at half capacity)")
    n = positive_int("zones", zones, minimum=2, maximum=10)

    reads_day, writes_day = users * r, users * w
    avg_r, avg_w = reads_day / DAY_S, writes_day / DAY_S
    peak_r, peak_w = avg_r * pf, avg_w * pf
    miss_r = peak_r * (1 - hit)
    per_day = writes_day * rec
    kept = per_day * YEAR_DAYS * y * repl

    def bw(b: float) -> str:
        return f"{fmt_size(b)}/s ({bits_per_second(b * 8)})"

    repl_bw = bw(peak_w * rec * (repl - 1)) if repl > 1 else "none"
    rows = [
        ["Input", "Daily active users", fmt_count(users)],
        ["Input", "Reads · writes per user per day", f"{fmt_sig(r)} · {fmt_sig(w)}"],
        ["Input", "Response size · stored record size", f"{fmt_size(resp)} · {fmt_size(rec)}"],
        ["Input", "Replicas · retention", f"{repl} · {fmt_sig(y)} years"],
        ["Input", "Peak ÷ average", f"{fmt_sig(pf)}×"],
        ["Input", "Cache hit rate", fmt_percent(hit)],
        ["Input", "Headroom · zones", f"{fmt_sig(h)}× · {n} (survive losing one: ×{fmt_sig(n / (n - 1))})"],
        ["Rate", "Average reads · writes = per day ÷ 86,400 s", f"{fmt_rate(avg_r)} · {fmt_rate(avg_w)}"],
        ["Rate", "Peak reads · writes = average × peak factor", f"{fmt_rate(peak_r)} · {fmt_rate(peak_w)}"],
        ["Rate", "Reads that miss the cache at peak", fmt_rate(miss_r)],
        ["Bandwidth", "Egress at peak = peak reads × response", bw(peak_r * resp)],
        ["Bandwidth", "Ingress at peak = peak writes × record", bw(peak_w * rec)],
        ["Bandwidth", "Replication at peak = ingress × (replicas − 1)", repl_bw],
        ["Storage", "New data per day = writes × record", fmt_size(per_day)],
        ["Storage", "Over the retention, all replicas", fmt_size(kept)],
        ["Fleet", "Application servers for all requests", _boxes_cell(peak_r + peak_w, "app-server", h, n)],
        ["Fleet", "Cache nodes for all reads", _boxes_cell(peak_r, "redis", h, n)],
        ["Fleet", "Database read replicas for cache misses", _boxes_cell(miss_r, "postgres-reads", h, n)],
        ["Fleet", "Write primaries (shards) = ⌈peak writes ÷ per box × headroom⌉", _primaries_cell(peak_w, h)],
    ]
    note = (
        "\n*Computed: rates = per day ÷ 86,400 s × peak factor; storage = per day × 365.25 days × years × replicas; "
        "fleet = ⌈peak ÷ per-box figure × headroom × zones ÷ (zones − 1)⌉, rounded up to a multiple of the zones, "
        "at both ends of the card's range. SI units (1 KB = 1,000 B). The inputs are assumptions, not measurements.*\n"
    )
    return md_table(["Step", "Quantity", "Value"], rows, align=["l", "l", "r"]) + note


def _primaries_cell(peak_w: float, headroom: float) -> str:
    low, high = capacity_range("postgres-writes")
    a = box_count_value(peak_w, low, headroom)
    b = box_count_value(peak_w, high, headroom)
    return f"{a} at {_number(low)}{NBSP}writes/s each; {b} at {_number(high)}"
