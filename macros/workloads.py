"""Sizing helpers for worked interview problems: data sets, fan-out, chunking, erasure coding.

- A data set held in memory or on disk: count × bytes per item (SI units, 1 KB = 1,000 B).
- Fan-out: the time to deliver one event to N recipients at a sustained write rate, N ÷ rate.
- Chunking: a file of S bytes cut into fixed chunks of C bytes needs ⌈S ÷ C⌉ chunks.
- Erasure coding RS(k, m): k data shards plus m parity shards store (k + m) ÷ k bytes per
  byte of data and survive the loss of any m shards; n-way replication stores n bytes and
  survives n − 1 losses.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_duration, fmt_sig, fmt_size
from .tables import md_table
from .validate import positive, positive_int

__all__ = ["chunk_count", "dataset_size", "erasure_overhead", "erasure_table", "fanout_duration"]


def dataset_size_bytes(count: object, bytes_each: object) -> float:
    """Bytes taken by ``count`` items of ``bytes_each`` bytes: count × bytes."""
    n = positive("count", count, unit="items")
    b = positive("bytes_each", bytes_each, unit="bytes per item")
    return n * b


def dataset_size(count: object, bytes_each: object, sig: int = 3) -> str:
    """Formatted count × bytes: dataset_size(100e6, 100) → '10 GB'."""
    return fmt_size(dataset_size_bytes(count, bytes_each), sig)


def fanout_duration(recipients: object, writes_per_second: object, sig: int = 3) -> str:
    """Time to write one event into ``recipients`` inboxes at a sustained rate: N ÷ rate.

    fanout_duration(100e6, 1e6) → '1.67 min'.
    """
    n = positive("recipients", recipients, unit="inboxes")
    rate = positive("writes_per_second", writes_per_second, unit="inbox writes per second")
    return fmt_duration(n / rate, sig)


def chunk_count(file_bytes: object, chunk_bytes: object) -> str:
    """Chunks needed for a file: ⌈file ÷ chunk⌉. chunk_count(1e9, 4e6) → '250'."""
    s = positive("file_bytes", file_bytes, unit="bytes")
    c = positive("chunk_bytes", chunk_bytes, unit="bytes")
    # round first so that 1e9 / 4e6 = 250.00000000000003 does not become 251
    return fmt_count(math.ceil(round(s / c, 9)))


def _shards(data_shards: object, parity_shards: object) -> tuple[int, int]:
    k = positive_int("data_shards", data_shards, maximum=256)
    m = positive_int("parity_shards", parity_shards, minimum=0, maximum=256)
    return k, m


def erasure_overhead_value(data_shards: object, parity_shards: object) -> float:
    """Raw bytes stored per byte of data for RS(k, m): (k + m) ÷ k."""
    k, m = _shards(data_shards, parity_shards)
    return (k + m) / k


def erasure_overhead(data_shards: object, parity_shards: object) -> str:
    """Formatted storage overhead: erasure_overhead(10, 4) → '1.4×'."""
    return f"{fmt_sig(erasure_overhead_value(data_shards, parity_shards), 3)}×"


def erasure_table(schemes: object = ((6, 3), (10, 4)), replicas: object = 3, data_bytes: object = 1e15) -> str:
    """Markdown table: n-way replication against Reed–Solomon RS(k, m) schemes.

    Columns: raw bytes per byte of data, raw storage for ``data_bytes`` of data, and how
    many lost copies or shards the data survives.
    """
    if isinstance(schemes, (str, bytes)) or not isinstance(schemes, Sequence) or not schemes:
        raise MacroInputError("schemes", schemes, "a non-empty list of (data shards, parity shards) pairs is accepted")
    r = positive_int("replicas", replicas, maximum=10)
    d = positive("data_bytes", data_bytes, unit="bytes")
    rows = [[f"{r}-way replication", f"{r}×", fmt_size(d * r), f"{r - 1} copies", "every read from one copy"]]
    for i, pair in enumerate(schemes):
        if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence) or len(pair) != 2:
            raise MacroInputError(f"schemes[{i}]", pair, "a (data shards, parity shards) pair is accepted")
        k, m = _shards(pair[0], pair[1])
        if m == 0:
            raise MacroInputError(f"schemes[{i}]", pair, "at least one parity shard is accepted")
        rows.append(
            [
                f"Reed–Solomon RS({k},{NBSP}{m})",
                erasure_overhead(k, m),
                fmt_size(d * (k + m) / k),
                f"any {m} shards",
                f"a lost shard is rebuilt from {k} others",
            ]
        )
    headers = ["Scheme", "Raw bytes per byte", f"Raw storage for {fmt_size(d)} of data", "Survives losing", "Cost"]
    note = "\n*Computed: replication stores n copies; RS(k, m) stores (k + m) ÷ k and tolerates any m lost shards.*\n"
    return md_table(headers, rows, align=["l", "r", "r", "l", "l"]) + note
