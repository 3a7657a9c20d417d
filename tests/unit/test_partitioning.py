"""Cluster sizes, consensus majorities, keys moved and dedup stores (macros/partitioning.py)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.partitioning import (
    cluster_nodes_value,
    consensus_failures,
    consensus_majority,
    consensus_table,
    dedup_records,
    dedup_records_value,
    dedup_store_size,
    failures_value,
    keys_moved_count,
    keys_moved_value,
    majority_value,
    shard_cluster_nodes,
)

NB = "\u00a0"


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_hundred_shards_of_three_replicas_is_300_nodes() -> None:
    assert cluster_nodes_value(100, 3) == 300
    assert shard_cluster_nodes(100, 3) == "300"
    assert shard_cluster_nodes(1000, 5) == "5,000"


def test_majorities_and_failures_for_small_groups() -> None:
    assert [majority_value(n) for n in (1, 2, 3, 4, 5, 7)] == [1, 2, 2, 3, 3, 4]
    assert [failures_value(n) for n in (1, 2, 3, 4, 5, 7)] == [0, 0, 1, 1, 2, 3]
    assert consensus_majority(5) == "3"
    assert consensus_failures(3) == "1"


@given(st.integers(min_value=1, max_value=99))
def test_two_majorities_always_intersect(n: int) -> None:
    assert 2 * majority_value(n) > n
    assert failures_value(n) == (n - 1) // 2


def test_consensus_table_rows() -> None:
    table = consensus_table((3, 4, 5))
    rows = body_rows(table)
    assert rows == ["| 3 | 2 | 1 |", "| 4 | 3 | 1 |", "| 5 | 3 | 2 |"]
    assert not re.search(r"\bnan\b|\binf\b|None", table)


def test_keys_moved_for_a_billion_keys_ten_to_eleven_nodes() -> None:
    # 10^9 / 11 = 90.9 million; 10^9 × 10/11 = 909 million
    assert keys_moved_count(1e9, 10) == f"90.9{NB}million"
    assert keys_moved_count(1e9, 10, "modulo") == f"909{NB}million"


@given(st.floats(min_value=1, max_value=1e15), st.integers(min_value=1, max_value=10_000))
def test_consistent_and_modulo_moves_add_up_to_the_reshuffle(keys: float, nodes: int) -> None:
    consistent = keys_moved_value(keys, nodes, "consistent")
    modulo = keys_moved_value(keys, nodes, "modulo")
    assert consistent <= modulo * (1 + 1e-12)
    assert consistent * nodes == pytest.approx(modulo)


def test_dedup_store_for_a_day_of_keys() -> None:
    # 1,000 keyed POST/s × 86,400 s = 86.4 million records; × 1 KB = 86.4 GB
    assert dedup_records_value(1000, 86_400) == 86_400_000
    assert dedup_records(1000, 86_400) == f"86.4{NB}million"
    assert dedup_store_size(1000, 86_400, 1000) == f"86.4{NB}GB"


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (shard_cluster_nodes, (0, 3)),
        (shard_cluster_nodes, (100, 2.5)),
        (consensus_majority, (0,)),
        (consensus_failures, (True,)),
        (consensus_table, ("3,5",)),
        (consensus_table, ([],)),
        (keys_moved_count, (-1, 10)),
        (keys_moved_count, (1e9, 10, "ring")),
        (keys_moved_count, (float("nan"), 10)),
        (dedup_records, (1000, 0)),
        (dedup_store_size, (1000, 86_400, float("inf"))),
    ],
)
def test_bad_inputs_are_rejected(call, args) -> None:
    with pytest.raises(MacroInputError):
        call(*args)
