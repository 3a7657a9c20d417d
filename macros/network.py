"""IP address arithmetic and connection-setup costs.

Address counts are exact integers (Python's ``ipaddress`` module does the CIDR
parsing). Counts below 10¹⁵ are written in full with thousands separators; larger
ones (an IPv6 space) are written in full too, or in scientific notation on request.
Round-trip costs take a round-trip time (RTT) in milliseconds and return a duration.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Sequence
from decimal import Decimal

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_duration, fmt_percent, fmt_sig
from .tables import md_table
from .validate import choice, positive, positive_int

__all__ = [
    "address_space",
    "cidr_addresses",
    "cidr_hosts",
    "cidr_range",
    "cidr_share",
    "cidr_size",
    "fibre_distance",
    "fibre_round_trip",
    "handshake_table",
    "pool_connections",
    "rtt_cost",
]

_STYLES = ("exact", "words", "sci")

EARTH_RADIUS_KM = 6_371.0088
"""Mean Earth radius (IUGG), for great-circle distances."""
FIBRE_KM_PER_S = 299_792.458 / 1.468
"""Light in silica fibre: c over a group index of about 1.468 (single-mode fibre at 1,550 nm)."""
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")

# Round trips spent on setup before the first request can leave the client.
# TCP: RFC 9293 (3-way handshake, data after 1 RTT); TLS 1.2: RFC 5246 (2 RTT full handshake);
# TLS 1.3: RFC 8446 (1 RTT, 0-RTT on resumption); QUIC: RFC 9000/9001 (transport + TLS 1.3 in 1 RTT).
HANDSHAKES: tuple[tuple[str, int, str], ...] = (
    ("TCP + TLS 1.2", 3, "1 RTT TCP + 2 RTT TLS (RFC 9293, RFC 5246)"),
    ("TCP + TLS 1.3", 2, "1 RTT TCP + 1 RTT TLS (RFC 8446)"),
    ("TCP + TLS 1.3 0-RTT resumption", 1,
     "1 RTT TCP; early data rides with the TLS ClientHello (RFC 8446 §2.3); replayable"),
    ("QUIC (HTTP/3), first visit", 1, "transport and TLS 1.3 combined (RFC 9000, RFC 9001)"),
    ("QUIC 0-RTT resumption", 0, "request rides in the first flight; replayable, so idempotent requests only"),
    ("Pooled / kept-alive connection", 0, "handshake already paid"),
)


def _network(name: str, cidr: object) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    accepted = "a CIDR block such as '10.0.0.0/8' or '2001:db8::/32' (host bits zero) is accepted"
    if not isinstance(cidr, str):
        raise MacroInputError(name, cidr, accepted)
    try:
        return ipaddress.ip_network(cidr.strip(), strict=True)
    except ValueError:
        raise MacroInputError(name, cidr, accepted) from None


def _fmt_int(n: int, style: str) -> str:
    """An exact integer count: 'exact' (all digits), 'words' ('4.29 billion') or 'sci' ('3.4 × 10³⁸')."""
    if style == "words":
        return fmt_count(n)
    if style == "sci":
        if n < 1_000:
            return f"{n:,}"
        exponent = len(str(n)) - 1
        mantissa = Decimal(n).scaleb(-exponent)
        return f"{fmt_sig(mantissa, 3)}{NBSP}×{NBSP}10{str(exponent).translate(_SUPERSCRIPT)}"
    return f"{n:,}"


def cidr_addresses(cidr: object) -> int:
    """Number of addresses in a CIDR block: 2^(address bits − prefix length)."""
    return _network("cidr", cidr).num_addresses


def cidr_size(cidr: object, style: str = "exact") -> str:
    """Formatted address count of a block: cidr_size('10.0.0.0/8') → '16,777,216'."""
    return _fmt_int(cidr_addresses(cidr), choice("style", style, _STYLES))


def cidr_hosts(cidr: object, reserved: object = 2) -> str:
    """Addresses left for hosts after ``reserved`` ones (2 = network + broadcast; AWS VPC subnets reserve 5).

    cidr_hosts('192.168.1.0/24') → '254'; cidr_hosts('10.0.1.0/24', 5) → '251'.
    """
    total = cidr_addresses(cidr)
    r = positive_int("reserved", reserved, minimum=0)
    if r >= total:
        raise MacroInputError("reserved", reserved, f"fewer reserved addresses than the block holds ({total:,})")
    return _fmt_int(total - r, "exact")


def cidr_range(cidr: object) -> str:
    """First and last address of a block: cidr_range('172.16.0.0/12') → '172.16.0.0 – 172.31.255.255'."""
    net = _network("cidr", cidr)
    return f"{net.network_address}{NBSP}–{NBSP}{net.broadcast_address}"


def cidr_share(cidrs: object, decimals: int = 2) -> str:
    """Share of the whole address space (IPv4 or IPv6, from the first block) that the blocks cover.

    cidr_share(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']) → '0.42 %'.
    Overlapping blocks are counted once.
    """
    if isinstance(cidrs, str) or not isinstance(cidrs, Sequence) or not cidrs:
        raise MacroInputError("cidrs", cidrs, "a non-empty list of CIDR blocks is accepted")
    nets = [_network(f"cidrs[{i}]", c) for i, c in enumerate(cidrs)]
    version = nets[0].version
    if any(n.version != version for n in nets):
        raise MacroInputError("cidrs", cidrs, "blocks of one IP version only are accepted")
    d = positive_int("decimals", decimals, minimum=0, maximum=10)
    covered = sum(n.num_addresses for n in ipaddress.collapse_addresses(nets))  # type: ignore[arg-type]
    space = 2 ** (32 if version == 4 else 128)
    return fmt_percent(Decimal(covered) / Decimal(space), d)


def address_space(bits: object, style: str = "exact") -> str:
    """Formatted 2^bits: address_space(32) → '4,294,967,296'; address_space(128, 'sci') → '3.4 × 10³⁸'."""
    b = positive_int("bits", bits, maximum=128)
    return _fmt_int(2**b, choice("style", style, _STYLES))


def rtt_cost(rtt_ms: object, round_trips: object = 1) -> str:
    """Time spent on ``round_trips`` round trips of ``rtt_ms`` milliseconds: rtt_cost(80, 3) → '240 ms'."""
    rtt = positive("rtt_ms", rtt_ms, unit="ms")
    n = positive_int("round_trips", round_trips)
    return fmt_duration(rtt * n / 1_000)


def pool_connections(instances: object, pool_size: object) -> str:
    """Connections a fleet can open to one database: instances × pool size per instance.

    pool_connections(100, 50) → '5,000'.
    """
    n = positive_int("instances", instances, maximum=10_000_000)
    p = positive_int("pool_size", pool_size, maximum=1_000_000)
    return _fmt_int(n * p, "exact")


def handshake_table(rtt_ms: object = 50) -> str:
    """Markdown table: setup round trips per protocol stack and the time to the first response byte at ``rtt_ms``.

    Time to first byte = (setup round trips + 1 round trip for the request itself) × RTT,
    ignoring server think time, DNS and packet loss.
    """
    rtt = positive("rtt_ms", rtt_ms, unit="ms")
    rows = []
    for name, setup, note in HANDSHAKES:
        rows.append([name, str(setup), rtt_cost(rtt, setup + 1), note])
    headers = ["Connection", "Setup round trips", f"First response byte at {fmt_sig(rtt)}{NBSP}ms RTT", "Why"]
    return md_table(headers, rows, align=["l", "r", "r", "l"]) + (
        f"\n*Computed: time to first byte = (setup round trips + 1) × RTT, with RTT = {fmt_sig(rtt)}{NBSP}ms; "
        "server time, DNS lookup and loss are left out.*\n"
    )


def _coordinate(name: str, value: object, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise MacroInputError(name, value, f"degrees from -{limit:g} to {limit:g} are accepted")
    return float(value)


def great_circle_km(lat1: object, lon1: object, lat2: object, lon2: object) -> float:
    """Haversine distance in km between two points given in degrees (a sphere of mean Earth radius)."""
    p1, p2 = math.radians(_coordinate("lat1", lat1, 90)), math.radians(_coordinate("lat2", lat2, 90))
    dp = p2 - p1
    dl = math.radians(_coordinate("lon2", lon2, 180) - _coordinate("lon1", lon1, 180))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def fibre_distance(lat1: object, lon1: object, lat2: object, lon2: object) -> str:
    """The great-circle distance, 2 significant figures: San Francisco–Amsterdam → '8,800 km'."""
    return f"{fmt_count(great_circle_km(lat1, lon1, lat2, lon2), 2)}{NBSP}km"


def fibre_round_trip(lat1: object, lon1: object, lat2: object, lon2: object) -> str:
    """The least round-trip time light in fibre allows between two points: there and back along the great
    circle at c ÷ 1.468. Real paths are longer (routes, detours, equipment): a floor, not an estimate."""
    return fmt_duration(2 * great_circle_km(lat1, lon1, lat2, lon2) / FIBRE_KM_PER_S, 2)
