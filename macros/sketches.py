"""Probabilistic sketches: HyperLogLog and count-min sketch sizing.

HyperLogLog (Flajolet et al., 2007) estimates a distinct count with ``m`` registers
and a relative standard error of 1.04 / √m. A count-min sketch (Cormode and
Muthukrishnan, 2005) of width ⌈e / ε⌉ and depth ⌈ln(1 / δ)⌉ overestimates an
item's count by at most ε × (total count) with probability at least 1 − δ.
Sizes are in bytes, SI units unless ``iec`` is asked for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_sig, fmt_size
from .tables import md_table
from .validate import positive_int, probability

__all__ = [
    "cms_counters",
    "cms_depth",
    "cms_memory",
    "cms_width",
    "hll_error",
    "hll_memory",
    "hll_standard_error",
    "hll_table",
]

HLL_CONSTANT = 1.04
"""Flajolet et al.'s constant: relative standard error ≈ 1.04 / √m."""


def _registers(registers: object) -> int:
    m = positive_int("registers", registers, minimum=16, maximum=2**32)
    if m & (m - 1):
        raise MacroInputError("registers", registers, "a power of two >= 16 is accepted (m = 2^p)")
    return m


def hll_standard_error(registers: object = 16_384) -> float:
    """Relative standard error of a HyperLogLog with ``registers`` registers (a fraction)."""
    return HLL_CONSTANT / math.sqrt(_registers(registers))


def hll_error(registers: object = 16_384, sig: int = 2) -> str:
    """Formatted standard error, e.g. hll_error(16384) → '0.81 %'."""
    return f"{fmt_sig(hll_standard_error(registers) * 100, sig)}{NBSP}%"


def hll_memory(registers: object = 16_384, bits_per_register: object = 6, iec: bool = False) -> str:
    """Memory of the dense register array: m × bits / 8 bytes (16,384 × 6 bits → 12 KiB)."""
    m = _registers(registers)
    b = positive_int("bits_per_register", bits_per_register, maximum=64)
    return fmt_size(m * b / 8, iec=iec)


def hll_table(precisions: Sequence[int] = (4, 10, 12, 14, 16), bits_per_register: object = 6) -> str:
    """Markdown table: precision p, registers m = 2^p, memory, standard error."""
    if isinstance(precisions, (str, bytes)) or not isinstance(precisions, Sequence) or not precisions:
        raise MacroInputError("precisions", precisions, "a non-empty list of whole numbers 4–32 is accepted")
    rows = []
    for i, p in enumerate(precisions):
        p_ = positive_int(f"precisions[{i}]", p, minimum=4, maximum=32)
        m = 2**p_
        rows.append([str(p_), fmt_count(m), hll_memory(m, bits_per_register, iec=True), hll_error(m)])
    note = (
        f"\n*Computed: m = 2^p registers of {bits_per_register} bits each; standard error = 1.04 / √m "
        "(Flajolet et al., 2007).*\n"
    )
    return md_table(["Precision p", "Registers m", "Memory", "Standard error"], rows) + note


def _epsilon(epsilon: object) -> float:
    return float(probability("epsilon", epsilon, allow_one=False))


def _delta(delta: object) -> float:
    return float(probability("delta", delta, allow_one=False))


def cms_width(epsilon: object) -> int:
    """Counters per row, ⌈e / ε⌉, for an overcount of at most ε × total count."""
    return math.ceil(math.e / _epsilon(epsilon))


def cms_depth(delta: object) -> int:
    """Rows (hash functions), ⌈ln(1 / δ)⌉, for that bound to hold with probability 1 − δ."""
    return max(1, math.ceil(math.log(1 / _delta(delta))))


def cms_counters(epsilon: object, delta: object) -> str:
    """Formatted total counters, width × depth."""
    return fmt_count(cms_width(epsilon) * cms_depth(delta))


def cms_memory(epsilon: object, delta: object, counter_bytes: object = 4, iec: bool = False) -> str:
    """Formatted memory of a count-min sketch: width × depth × counter size in bytes."""
    c = positive_int("counter_bytes", counter_bytes, maximum=16)
    return fmt_size(cms_width(epsilon) * cms_depth(delta) * c, iec=iec)
