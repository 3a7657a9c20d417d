"""Data-set sizes, fan-out time, chunk counts and erasure coding (macros/workloads.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.workloads import (
    chunk_count,
    dataset_size,
    erasure_overhead,
    erasure_overhead_value,
    erasure_table,
    fanout_duration,
)

NBSP = "\u00a0"


def test_dataset_size_is_count_times_bytes() -> None:
    assert dataset_size(100e6, 100) == f"10{NBSP}GB"
    assert dataset_size(1e9, 500) == f"500{NBSP}GB"


def test_fanout_duration_is_recipients_over_rate() -> None:
    assert fanout_duration(100e6, 1e6) == f"1.67{NBSP}min"
    assert fanout_duration(200, 1e5) == f"2{NBSP}ms"


def test_chunk_count_rounds_up() -> None:
    assert chunk_count(1e9, 4e6) == "250"
    assert chunk_count(1e9 + 1, 4e6) == "251"
    assert chunk_count(1, 4e6) == "1"


def test_erasure_overheads() -> None:
    assert erasure_overhead(10, 4) == "1.4×"
    assert erasure_overhead(6, 3) == "1.5×"
    assert erasure_overhead(3, 0) == "1×"


def test_erasure_table_rows() -> None:
    table = erasure_table([[6, 3], [10, 4]], 3, 1e15)
    assert f"| 3-way replication | 3× | 3{NBSP}PB |" in table
    assert f"1.5{NBSP}PB" in table and f"1.4{NBSP}PB" in table
    assert "any 4 shards" in table


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (dataset_size, (0, 100)),
        (dataset_size, (100, float("nan"))),
        (fanout_duration, (100, 0)),
        (chunk_count, (1e9, -4)),
        (erasure_overhead, (0, 4)),
        (erasure_overhead, (10, -1)),
        (erasure_table, ("6,3",)),
        (erasure_table, ([[6, 3, 1]],)),
        (erasure_table, ([[6, 0]],)),
        (erasure_table, ([[6, 3]], 0)),
    ],
)
def test_bad_inputs_are_refused(fn: object, args: tuple) -> None:
    with pytest.raises(MacroInputError):
        fn(*args)  # type: ignore[operator]


@given(st.integers(1, 64), st.integers(1, 64))
def test_erasure_coding_beats_replication_of_equal_tolerance(k: int, m: int) -> None:
    # surviving m losses by replication takes m + 1 copies; RS(k, m) never stores more
    assert erasure_overhead_value(k, m) <= m + 1


@given(st.integers(1, 10**12), st.integers(1, 10**9))
def test_chunks_cover_the_file(size: int, chunk: int) -> None:
    n = int(chunk_count(size, chunk).replace(",", "")) if -(-size // chunk) < 10**6 else None  # rounded up
    if n is not None:
        assert n * chunk >= size
        assert (n - 1) * chunk < size
