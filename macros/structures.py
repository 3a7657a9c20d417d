"""Sizing of the classic distributed data structures: Bloom filters, hash rings, quorums.

- Bloom filter with n keys in m bits and k hash functions: false-positive rate
  p = (1 − e^(−kn/m))^k; for a target p the optimum is m/n = −ln p ÷ (ln 2)² bits
  per key and k = (m/n) × ln 2 = −log₂ p hashes (Bloom 1970; the standard analysis).
- Adding one node to N: consistent hashing moves 1/(N+1) of the keys (the new
  node's share); modulo hashing (hash mod N → hash mod N+1) moves N/(N+1).
- Ring balance: measured by a deterministic simulation (nodes and virtual nodes
  placed with BLAKE2b, no randomness) so the same inputs always print the same table.
- Quorums over N replicas: reads and writes overlap when R + W > N; reads survive
  N − R failed replicas, writes N − W.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_sig, fmt_size
from .tables import md_table
from .tail import prob_text
from .validate import positive, positive_int, probabilities, probability

__all__ = [
    "bloom_bits",
    "bloom_false_positive",
    "bloom_hashes",
    "bloom_memory",
    "bloom_table",
    "keys_moved_consistent",
    "keys_moved_modulo",
    "quorum_table",
    "rehash_table",
    "ring_balance_table",
    "ring_imbalance",
]

LN2 = math.log(2)
RING = 2**64
MAX_POINTS = 200_000  # nodes × virtual nodes simulated: keeps a page build fast


def _fp_target(value: object) -> float:
    return float(probability("p", value, allow_one=False))


def bloom_bits_per_key(p: object) -> float:
    """Optimal bits per key for false-positive rate p: −ln p ÷ (ln 2)² (1 % → 9.59)."""
    return -math.log(_fp_target(p)) / LN2**2


def bloom_hash_count(p: object) -> int:
    """Optimal number of hash functions, (m/n) ln 2 = −log₂ p, rounded to a whole number (1 % → 7)."""
    return max(1, round(bloom_bits_per_key(p) * LN2))


def bloom_fp_rate(bits_per_key: object, hashes: object) -> float:
    """False-positive rate (1 − e^(−k/(m/n)))^k for m/n bits per key and k hashes."""
    b = positive("bits_per_key", bits_per_key, unit="bits per key")
    k = positive_int("hashes", hashes, maximum=100)
    return (1 - math.exp(-k / b)) ** k


def bloom_bits(p: object, sig: int = 3) -> str:
    """Formatted optimal bits per key: bloom_bits(0.01) → '9.59 bits'."""
    return f"{fmt_sig(bloom_bits_per_key(p), sig)}{NBSP}bits"


def bloom_hashes(p: object) -> str:
    """Formatted optimal hash count: bloom_hashes(0.01) → '7'."""
    return str(bloom_hash_count(p))


def bloom_false_positive(bits_per_key: object, hashes: object) -> str:
    """Formatted false-positive rate: bloom_false_positive(10, 7) → '0.819 %'."""
    return prob_text(bloom_fp_rate(bits_per_key, hashes))


def bloom_memory(keys: object, p: object, sig: int = 3) -> str:
    """Memory for ``keys`` keys at rate p: bloom_memory(1e9, 0.01) → '1.2 GB'."""
    n = positive("keys", keys, unit="keys")
    return fmt_size(n * bloom_bits_per_key(p) / 8, sig)


def bloom_table(ps: object = (0.01, 0.001, 0.0001), keys: object = 1e9) -> str:
    """Markdown table: for each target rate, bits per key, hashes, the rate with k rounded, memory."""
    targets = probabilities("ps", ps)
    n = positive("keys", keys, unit="keys")
    rows = []
    for i, p in enumerate(targets):
        if p == 1:
            raise MacroInputError(f"ps[{i}]", p, "a false-positive rate in (0, 1) is accepted")
        bpk = bloom_bits_per_key(p)
        k = bloom_hash_count(p)
        rows.append([prob_text(p), fmt_sig(bpk, 3), str(k), prob_text(bloom_fp_rate(bpk, k)), fmt_size(n * bpk / 8)])
    headers = [
        "Target false positives",
        "Bits per key",
        "Hashes",
        "Rate with whole k",
        f"Memory for {fmt_count(n)} keys",
    ]
    note = (
        "\n*Computed: bits per key = −ln p ÷ (ln 2)², hashes k = bits per key × ln 2 rounded, "
        "rate = (1 − e^(−k ÷ bits per key))^k; memory in SI units (1 GB = 10⁹ B).*\n"
    )
    return md_table(headers, rows) + note


def moved_consistent(nodes: object) -> float:
    """Fraction of keys that move when one node joins N under consistent hashing: 1/(N+1)."""
    return 1 / (positive_int("nodes", nodes, maximum=10**9) + 1)


def moved_modulo(nodes: object) -> float:
    """Fraction of keys that move when hash mod N becomes hash mod (N+1): N/(N+1)."""
    n = positive_int("nodes", nodes, maximum=10**9)
    return n / (n + 1)


def keys_moved_consistent(nodes: object) -> str:
    """Formatted 1/(N+1): keys_moved_consistent(10) → '9.09 %'."""
    return prob_text(moved_consistent(nodes))


def keys_moved_modulo(nodes: object) -> str:
    """Formatted N/(N+1): keys_moved_modulo(10) → '90.9 %'."""
    return prob_text(moved_modulo(nodes))


def rehash_table(nodes: object = (3, 10, 100)) -> str:
    """Markdown table: keys moved by adding one node, consistent versus modulo hashing."""
    if isinstance(nodes, (str, bytes)) or not isinstance(nodes, Sequence) or not nodes:
        raise MacroInputError("nodes", nodes, "a non-empty list of whole numbers >= 1 is accepted")
    rows = []
    for i, raw in enumerate(nodes):
        n = positive_int(f"nodes[{i}]", raw, maximum=10**9)
        rows.append([f"{n:,} → {n + 1:,}", keys_moved_consistent(n), keys_moved_modulo(n)])
    note = (
        "\n*Computed: consistent hashing moves only the new node's share, 1/(N+1); "
        "hash mod N → hash mod (N+1) keeps a key only when both remainders agree, 1 key in N+1, so N/(N+1) move. "
        "Uniform hashing assumed.*\n"
    )
    return md_table(["Nodes", "Consistent hashing moves", "Modulo hashing moves"], rows) + note


def _ring_position(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "big")


def ring_shares(nodes: object, vnodes: object = 1) -> list[float]:
    """Each node's share of a 2⁶⁴ ring when it owns ``vnodes`` points (deterministic, BLAKE2b).

    A key belongs to the first point clockwise from its hash, so a point owns the arc
    from its predecessor up to itself.
    """
    n = positive_int("nodes", nodes, minimum=2, maximum=10_000)
    v = positive_int("vnodes", vnodes, maximum=10_000)
    if n * v > MAX_POINTS:
        raise MacroInputError("vnodes", vnodes, f"nodes × vnodes <= {MAX_POINTS:,} is accepted (got {n * v:,})")
    points = sorted((_ring_position(f"node-{i}#vnode-{j}"), i) for i in range(n) for j in range(v))
    owned = [0] * n
    previous = points[-1][0] - RING
    for position, node in points:
        owned[node] += position - previous
        previous = position
    return [o / RING for o in owned]


def ring_imbalance_value(nodes: object, vnodes: object = 1) -> float:
    """Most-loaded node's share ÷ the mean share (1.0 is perfect balance)."""
    shares = ring_shares(nodes, vnodes)
    return max(shares) * len(shares)


def ring_imbalance(nodes: object, vnodes: object = 1) -> str:
    """Formatted max ÷ mean load on a hash ring: ring_imbalance(10, 100) → e.g. '1.2×'."""
    return f"{fmt_sig(ring_imbalance_value(nodes, vnodes), 2)}×"


def ring_balance_table(nodes: object = 10, vnodes: object = (1, 10, 100, 1000)) -> str:
    """Markdown table: load of the busiest and idlest node on a ring, per virtual-node count."""
    n = positive_int("nodes", nodes, minimum=2, maximum=10_000)
    if isinstance(vnodes, (str, bytes)) or not isinstance(vnodes, Sequence) or not vnodes:
        raise MacroInputError("vnodes", vnodes, "a non-empty list of whole numbers >= 1 is accepted")
    rows = []
    for i, raw in enumerate(vnodes):
        v = positive_int(f"vnodes[{i}]", raw, maximum=10_000)
        shares = ring_shares(n, v)
        rows.append(
            [
                fmt_count(v),
                f"{fmt_sig(max(shares) * n, 3)}×",
                f"{fmt_sig(min(shares) * n, 3)}×",
                f"{fmt_sig(1 / math.sqrt(v), 2)}",
            ]
        )
    headers = ["Virtual nodes per node", "Busiest node ÷ mean", "Idlest node ÷ mean", "Expected spread 1/√V"]
    note = (
        f"\n*Simulated for {n:,} nodes: every node's points are placed on a 2⁶⁴ ring by BLAKE2b of "
        "“node-i#vnode-j” (deterministic, no randomness); a point owns the arc up to it from its predecessor. "
        "With V points per node a node's share is a sum of V arcs, so its relative spread shrinks like 1/√V.*\n"
    )
    return md_table(headers, rows) + note


def quorum_table(n: object = 3) -> str:
    """Markdown table of every (R, W) for N replicas: overlap, and failures reads and writes survive."""
    n_ = positive_int("n", n, maximum=9)
    rows = []
    for r in range(1, n_ + 1):
        for w in range(1, n_ + 1):
            overlap = r + w > n_
            rows.append(
                [
                    str(r),
                    str(w),
                    str(r + w),
                    "yes: reads see the latest write" if overlap else "no: a read can miss the latest write",
                    "yes" if 2 * w > n_ else "no",
                    str(n_ - r),
                    str(n_ - w),
                ]
            )
    headers = ["R", "W", "R + W", f"R + W > {n_}?", f"2W > {n_}?", "Reads survive failures", "Writes survive failures"]
    note = (
        f"\n*Computed for N = {n_} replicas: a read quorum and a write quorum share a replica when R + W > N; "
        "two write quorums share one when 2W > N; reads still succeed with N − R replicas down, writes with N − W. "
        "Overlap alone is not linearizability: sloppy quorums, hinted handoff and clock-based "
        "conflict resolution weaken it.*\n"
    )
    return md_table(headers, rows, align=["r", "r", "r", "l", "l", "r", "r"]) + note
