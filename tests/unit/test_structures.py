"""Bloom filters, hash rings and quorums (macros/structures.py)."""

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.structures import (
    bloom_bits,
    bloom_bits_per_key,
    bloom_false_positive,
    bloom_fp_rate,
    bloom_hash_count,
    bloom_hashes,
    bloom_memory,
    bloom_table,
    keys_moved_consistent,
    keys_moved_modulo,
    moved_consistent,
    moved_modulo,
    quorum_table,
    rehash_table,
    ring_balance_table,
    ring_imbalance,
    ring_imbalance_value,
    ring_shares,
)

NB = "\u00a0"
rates = st.floats(min_value=1e-9, max_value=0.5)


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_one_percent_needs_9_6_bits_and_7_hashes() -> None:
    # −ln 0.01 ÷ (ln 2)² = 4.6052 ÷ 0.48045 = 9.585; × ln 2 = 6.64 → 7
    assert bloom_bits_per_key(0.01) == pytest.approx(9.585, abs=1e-3)
    assert bloom_bits(0.01) == f"9.59{NB}bits"
    assert bloom_hashes(0.01) == "7"
    assert bloom_hash_count(0.001) == 10  # −log2 0.001 = 9.97


def test_false_positive_rate_for_10_bits_and_7_hashes() -> None:
    # (1 − e^(−0.7))^7 = 0.50341^7 = 0.00819
    assert bloom_fp_rate(10, 7) == pytest.approx(0.008194, abs=1e-6)
    assert bloom_false_positive(10, 7) == f"0.819{NB}%"


def test_bloom_memory_for_a_billion_keys() -> None:
    # 10^9 × 9.585 bits ÷ 8 = 1.198 × 10^9 B
    assert bloom_memory(1e9, 0.01) == f"1.2{NB}GB"


def test_bloom_table_markdown() -> None:
    table = bloom_table()
    assert table.splitlines()[0].startswith("| Target false positives | Bits per key | Hashes |")
    rows = body_rows(table)
    assert len(rows) == 3
    assert rows[0].startswith(f"| 1{NB}% | 9.59 | 7 |")
    assert rows[1].startswith(f"| 0.1{NB}% | 14.4 | 10 |")
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


def test_keys_moved_when_adding_a_node() -> None:
    assert keys_moved_consistent(10) == f"9.09{NB}%"
    assert keys_moved_modulo(10) == f"90.9{NB}%"
    # brute force: keys whose owner changes from k mod 10 to k mod 11
    moved = sum(1 for k in range(110_000) if k % 10 != k % 11) / 110_000
    assert moved == pytest.approx(moved_modulo(10))


def test_rehash_table_markdown() -> None:
    table = rehash_table()
    rows = body_rows(table)
    assert len(rows) == 3
    assert rows[0] == f"| 3 → 4 | 25{NB}% | 75{NB}% |"


def test_ring_shares_sum_to_one_and_are_deterministic() -> None:
    shares = ring_shares(10, 50)
    assert sum(shares) == pytest.approx(1.0)
    assert shares == ring_shares(10, 50)
    assert ring_imbalance(10, 100) == ring_imbalance(10, 100)


def test_virtual_nodes_improve_balance() -> None:
    assert ring_imbalance_value(10, 1000) < ring_imbalance_value(10, 10) < ring_imbalance_value(10, 1) + 1e-9
    assert ring_imbalance_value(10, 1000) < 1.15


def test_ring_balance_table_markdown() -> None:
    table = ring_balance_table()
    assert table.splitlines()[0].startswith("| Virtual nodes per node | Busiest node ÷ mean |")
    assert len(body_rows(table)) == 4
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


def test_quorum_table_for_three_replicas() -> None:
    table = quorum_table(3)
    rows = body_rows(table)
    assert len(rows) == 9
    # R = 2, W = 2: overlap, each side survives one failure
    assert rows[4].startswith("| 2 | 2 | 4 | yes") and rows[4].endswith("| 1 | 1 |")
    assert rows[0].startswith("| 1 | 1 | 2 | no")
    assert table.rstrip().endswith("*")


@settings(max_examples=60, deadline=None)
@given(rates, rates)
def test_lower_target_needs_more_bits(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert bloom_bits_per_key(lo) >= bloom_bits_per_key(hi)


@settings(max_examples=60, deadline=None)
@given(rates)
def test_optimal_sizing_round_trips_to_the_target(p: float) -> None:
    bits = bloom_bits_per_key(p)
    k_exact = bits * math.log(2)
    # with the real-valued optimum k, (1 − e^(−k/b))^k = (1/2)^k = p
    assert (1 - math.exp(-k_exact / bits)) ** k_exact == pytest.approx(p, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10_000))
def test_consistent_plus_staying_share_bounds(n: int) -> None:
    assert moved_consistent(n) + moved_modulo(n) == pytest.approx(1.0)
    assert moved_consistent(n) <= 0.5 <= moved_modulo(n)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=7))
def test_quorum_rows_are_all_pairs(n: int) -> None:
    assert len(body_rows(quorum_table(n))) == n * n


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: bloom_bits(0), "p"),
        (lambda: bloom_bits(1), "p"),
        (lambda: bloom_bits(1.5), "p"),
        (lambda: bloom_bits(float("nan")), "p"),
        (lambda: bloom_false_positive(0, 7), "bits_per_key"),
        (lambda: bloom_false_positive(10, 0), "hashes"),
        (lambda: bloom_false_positive(10, 2.5), "hashes"),
        (lambda: bloom_memory(-1, 0.01), "keys"),
        (lambda: bloom_table([]), "ps"),
        (lambda: bloom_table((0.01, 1)), "ps[1]"),
        (lambda: keys_moved_consistent(0), "nodes"),
        (lambda: keys_moved_modulo(1.5), "nodes"),
        (lambda: rehash_table((3, 0)), "nodes[1]"),
        (lambda: ring_imbalance(1, 10), "nodes"),
        (lambda: ring_imbalance(100, 10_000), "vnodes"),
        (lambda: ring_balance_table(10, ()), "vnodes"),
        (lambda: quorum_table(0), "n"),
        (lambda: quorum_table(10), "n"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
