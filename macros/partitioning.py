"""Sizing for replicated, sharded clusters: node counts, consensus majorities, data moved, dedup stores.

- A sharded cluster where every shard is a replica set of R copies runs
  shards × R nodes (one process per copy, no co-location).
- A consensus group of n members commits with a majority, ⌊n/2⌋ + 1, and so
  survives ⌊(n − 1)/2⌋ failed members: 3 → 1, 5 → 2; an even n adds a member
  without adding a tolerated failure.
- Adding one node to N moves K/(N+1) of K keys under consistent hashing and
  K × N/(N+1) under modulo hashing (the fractions of :mod:`macros.structures`).
- An idempotency (dedup) store keeps one record per keyed request for its TTL:
  records = rate × TTL, bytes = records × bytes per record.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import fmt_count, fmt_size
from .tables import md_table
from .validate import choice, positive, positive_int

__all__ = [
    "consensus_failures",
    "consensus_majority",
    "consensus_table",
    "dedup_records",
    "dedup_store_size",
    "keys_moved_count",
    "shard_cluster_nodes",
]

MAX_MEMBERS = 99


def cluster_nodes_value(shards: object, replicas: object) -> int:
    """Nodes (processes) in a cluster of ``shards`` replica sets of ``replicas`` copies each."""
    s = positive_int("shards", shards, maximum=10**7)
    r = positive_int("replicas", replicas, maximum=MAX_MEMBERS)
    return s * r


def shard_cluster_nodes(shards: object, replicas: object) -> str:
    """Formatted shards × replicas: shard_cluster_nodes(100, 3) → '300'."""
    return fmt_count(cluster_nodes_value(shards, replicas))


def majority_value(members: object) -> int:
    """Votes a consensus group of ``members`` needs to commit: ⌊n/2⌋ + 1."""
    n = positive_int("members", members, maximum=MAX_MEMBERS)
    return n // 2 + 1


def failures_value(members: object) -> int:
    """Members that may fail while a majority remains: n − (⌊n/2⌋ + 1) = ⌊(n − 1)/2⌋."""
    n = positive_int("members", members, maximum=MAX_MEMBERS)
    return n - majority_value(n)


def consensus_majority(members: object) -> str:
    """Formatted majority size: consensus_majority(5) → '3'."""
    return str(majority_value(members))


def consensus_failures(members: object) -> str:
    """Formatted failures tolerated: consensus_failures(5) → '2'."""
    return str(failures_value(members))


def consensus_table(sizes: object = (1, 2, 3, 4, 5, 6, 7)) -> str:
    """Markdown table: for each group size, the majority it needs and the failures it survives."""
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or not sizes:
        raise MacroInputError("sizes", sizes, "a non-empty list of whole numbers >= 1 is accepted")
    rows = []
    for i, raw in enumerate(sizes):
        n = positive_int(f"sizes[{i}]", raw, maximum=MAX_MEMBERS)
        rows.append([str(n), str(majority_value(n)), str(failures_value(n))])
    note = (
        "\n*Computed: a commit needs a majority, ⌊n/2⌋ + 1 votes, so the group keeps working "
        "with n − majority = ⌊(n − 1)/2⌋ members down; any two majorities share a member.*\n"
    )
    return md_table(["Members n", "Majority (votes to commit)", "Failures survived"], rows) + note


def keys_moved_value(keys: object, nodes: object, scheme: object = "consistent") -> float:
    """Keys that change owner when one node joins ``nodes``: K/(N+1) consistent, K·N/(N+1) modulo."""
    k = positive("keys", keys, unit="keys")
    n = positive_int("nodes", nodes, maximum=10**9)
    how = choice("scheme", scheme, ("consistent", "modulo"))
    return k / (n + 1) if how == "consistent" else k * n / (n + 1)


def keys_moved_count(keys: object, nodes: object, scheme: object = "consistent", sig: int = 3) -> str:
    """Formatted keys moved: keys_moved_count(1e9, 10) → '90.9 million'; scheme='modulo' → '909 million'."""
    return fmt_count(keys_moved_value(keys, nodes, scheme), sig)


def dedup_records_value(rate_per_s: object, ttl_s: object) -> float:
    """Records held by a dedup store: keyed requests per second × TTL in seconds."""
    rate = positive("rate_per_s", rate_per_s, unit="requests per second")
    ttl = positive("ttl_s", ttl_s, unit="seconds")
    return rate * ttl


def dedup_records(rate_per_s: object, ttl_s: object, sig: int = 3) -> str:
    """Formatted record count: dedup_records(1000, 86400) → '86.4 million'."""
    return fmt_count(dedup_records_value(rate_per_s, ttl_s), sig)


def dedup_store_size(rate_per_s: object, ttl_s: object, bytes_per_record: object, sig: int = 3) -> str:
    """Formatted store size (SI): dedup_store_size(1000, 86400, 1000) → '86.4 GB'."""
    size = positive("bytes_per_record", bytes_per_record, unit="bytes")
    return fmt_size(dedup_records_value(rate_per_s, ttl_s) * size, sig)
