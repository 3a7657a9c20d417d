"""Storage-engine arithmetic: B-tree depth and reach, LSM level counts, amplification.

Sizes are bytes (SI units on the page: 1 KB = 1,000 B). The models are the
textbook ones, stated so that a reader can redo them:

* a B-tree with branching factor ``f`` and ``L`` levels of ``page`` bytes addresses
  ``f^L`` leaf pages (Kleppmann, *Designing Data-Intensive Applications*, ch. 3);
* an update that changes ``record`` bytes rewrites a whole page plus its WAL record
  when no other change shares the page before it is written back: the worst case;
* a leveled LSM tree whose first level holds ``level1`` bytes and each further level
  ``fanout`` times more needs ``1 + ⌈log_fanout(data/level1)⌉`` levels, and if every
  level is full its size is ``Σ 1/fanoutᵏ`` = ``fanout/(fanout − 1)`` times the last
  level (the RocksDB wiki's ≈ 1.11 for fan-out 10).
"""

from __future__ import annotations

import math

from .errors import MacroInputError
from .fmt import fmt_sig, fmt_size
from .validate import positive, positive_int

__all__ = [
    "btree_capacity",
    "btree_levels",
    "btree_write_amp",
    "lsm_levels",
    "lsm_space_amp",
]


def _fanout(value: object) -> int:
    return positive_int("fanout", value, minimum=2, maximum=100_000)


def btree_capacity(levels: object, fanout: object, page_bytes: object = 4096) -> str:
    """Data a B-tree of ``levels`` levels can address: fanout^levels × page_bytes, as a size.

    >>> btree_capacity(4, 500, 4096)
    '256\u00a0TB'
    """
    n = positive_int("levels", levels, maximum=12)
    f = _fanout(fanout)
    page = positive("page_bytes", page_bytes, unit="bytes")
    return fmt_size(f**n * page)


def btree_levels(keys: object, fanout: object) -> int:
    """Levels a B-tree needs to index ``keys`` keys with branching factor ``fanout``: ⌈log_f keys⌉.

    >>> btree_levels(1_000_000_000, 500)
    4
    """
    n = positive("keys", keys, unit="keys")
    f = _fanout(fanout)
    if n <= f:
        return 1
    levels = math.ceil(math.log(n) / math.log(f) - 1e-12)
    return max(1, levels)


def btree_write_amp(page_bytes: object, record_bytes: object, sig: int = 3) -> str:
    """Worst-case bytes written per byte changed: (page + WAL record) / record, e.g. "82.9"."""
    page = positive("page_bytes", page_bytes, unit="bytes")
    record = positive("record_bytes", record_bytes, unit="bytes")
    if record > page:
        accepted = f"a record no larger than the page ({page:,.0f} B) is accepted"
        raise MacroInputError("record_bytes", record_bytes, accepted)
    return fmt_sig((page + record) / record, sig)


def lsm_levels(data_bytes: object, level1_bytes: object, fanout: object = 10) -> int:
    """Levels (L1 and below, L0 not counted) a leveled LSM tree needs for ``data_bytes``.

    >>> lsm_levels(1e12, 256e6, 10)
    5
    """
    data = positive("data_bytes", data_bytes, unit="bytes")
    base = positive("level1_bytes", level1_bytes, unit="bytes")
    f = _fanout(fanout)
    if data <= base:
        return 1
    return 1 + math.ceil(math.log(data / base) / math.log(f) - 1e-12)


def lsm_space_amp(fanout: object = 10, sig: int = 3) -> str:
    """Worst-case space amplification of leveled compaction: fanout/(fanout − 1), e.g. "1.11"."""
    f = _fanout(fanout)
    return fmt_sig(f / (f - 1), sig)
