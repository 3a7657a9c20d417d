"""Identifier arithmetic: base62 key spaces, Snowflake IDs, UUID sizes, integer and timestamp limits.

- base62 with k characters: 62ᵏ keys (7 → 3.52 trillion), k × log₂ 62 ≈ 5.95k bits.
- Snowflake (Twitter, 2010): 1 sign bit | 41-bit millisecond timestamp |
  10-bit machine id | 12-bit sequence = 64 bits.
- UUID (RFC 9562): 128 bits; version 4 spends 6 of them on version and variant.
- Signed n-bit integers reach 2ⁿ⁻¹ − 1; timestamps count from 1970-01-01 UTC.
Years are 365.25 days.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_duration, fmt_sig
from .periods import YEAR_S
from .powers import sci_notation
from .tables import md_table
from .validate import choice, positive, positive_int

__all__ = [
    "base62_keyspace",
    "base62_table",
    "int_max",
    "int_max_exact",
    "snowflake_ids_per_ms",
    "snowflake_ids_per_second",
    "snowflake_lifetime",
    "snowflake_machines",
    "snowflake_table",
    "timestamp_end_year",
    "timestamp_range",
    "uuid_table",
]

_UNITS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def base62_keys(length: object) -> int:
    """62ᵏ: distinct keys of ``length`` base62 characters."""
    return 62 ** positive_int("length", length, maximum=64)


def base62_keyspace(length: object, sig: int = 3) -> str:
    """Formatted 62ᵏ: base62_keyspace(7) → '3.52 trillion'."""
    return fmt_count(base62_keys(length), sig)


def base62_table(lengths: object = (5, 6, 7, 8, 9, 10), per_second: object = 1_000) -> str:
    """Markdown table: keys, bits and how long they last at ``per_second`` new keys each second."""
    if isinstance(lengths, (str, bytes)) or not isinstance(lengths, Sequence) or not lengths:
        raise MacroInputError("lengths", lengths, "a non-empty list of whole numbers from 1 to 64 is accepted")
    rate = positive("per_second", per_second, unit="new keys per second")
    rows = []
    for i, raw in enumerate(lengths):
        k = positive_int(f"lengths[{i}]", raw, maximum=64)
        keys = 62**k
        rows.append([str(k), f"62{_sup(k)}", fmt_count(keys), fmt_sig(k * math.log2(62), 3), fmt_duration(keys / rate)])
    headers = ["Characters", "Keys", "How many", "Bits", f"Lasts at {fmt_sig(rate)} new keys/s"]
    note = (
        "\n*Computed: keys = 62ᵏ (0–9, a–z, A–Z); bits = k × log₂ 62; "
        "lasts = keys ÷ rate, with 30-day months and 365.25-day years.*\n"
    )
    return md_table(headers, rows) + note


def _sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _bits(name: str, value: object, maximum: int = 63) -> int:
    return positive_int(name, value, maximum=maximum)


def snowflake_lifetime(timestamp_bits: object = 41, sig: int = 3) -> str:
    """How long a millisecond timestamp of ``timestamp_bits`` lasts: 2⁴¹ ms → '69.7 years'."""
    b = _bits("timestamp_bits", timestamp_bits)
    return fmt_duration(2**b / 1_000, sig)


def snowflake_machines(machine_bits: object = 10) -> str:
    """Distinct machine ids: 2¹⁰ → '1,024'."""
    return fmt_count(2 ** _bits("machine_bits", machine_bits))


def snowflake_ids_per_ms(sequence_bits: object = 12) -> str:
    """IDs one machine can issue per millisecond: 2¹² → '4,096'."""
    return fmt_count(2 ** _bits("sequence_bits", sequence_bits))


def snowflake_ids_per_second(sequence_bits: object = 12, machines: object = 1, sig: int = 2) -> str:
    """IDs per second for ``machines`` machines: 4,096 × 1,000 → '4.1 million'."""
    n = positive_int("machines", machines)
    return fmt_count(2 ** _bits("sequence_bits", sequence_bits) * 1_000 * n, sig)


def snowflake_table(timestamp_bits: object = 41, machine_bits: object = 10, sequence_bits: object = 12) -> str:
    """Markdown table of the Snowflake layout and what each field's width buys."""
    t = _bits("timestamp_bits", timestamp_bits)
    m = _bits("machine_bits", machine_bits)
    s = _bits("sequence_bits", sequence_bits)
    if t + m + s != 63:
        raise MacroInputError(
            "timestamp_bits",
            timestamp_bits,
            f"field widths that add up to 63 (1 sign bit + 63) are accepted; got {t + m + s}",
        )
    rows = [
        ["Sign", "1", "always 0, so IDs sort as positive signed 64-bit integers"],
        ["Timestamp (ms since a custom epoch)", str(t), f"2{_sup(t)} ms = {snowflake_lifetime(t)} of IDs"],
        ["Machine id", str(m), f"{snowflake_machines(m)} machines"],
        [
            "Sequence",
            str(s),
            f"{snowflake_ids_per_ms(s)} IDs per ms per machine = {snowflake_ids_per_second(s)} per second",
        ],
    ]
    note = "\n*Computed: each field of b bits holds 2ᵇ values; 365.25-day years. Layout: Twitter Snowflake (2010).*\n"
    return md_table(["Field", "Bits", "What it buys"], rows, align=["l", "r", "l"]) + note


def uuid_table() -> str:
    """Markdown table of UUID sizes: binary, hex, base64, and the random bits of versions 4 and 7."""
    bits = 128
    n_bytes = bits // 8
    hex_digits = bits // 4
    b64 = math.ceil(bits / 6)
    b64_padded = 4 * math.ceil(n_bytes / 3)
    rows = [
        ["Binary", f"{bits} bits = {n_bytes} bytes", "database column of type uuid or BINARY(16)"],
        ["Hex, no hyphens", f"{hex_digits} characters", "4 bits per hex digit"],
        ["Canonical text (8-4-4-4-12)", f"{hex_digits + 4} characters", "32 hex digits + 4 hyphens"],
        ["Base64, no padding", f"{b64} characters", "6 bits per character, rounded up"],
        ["Base64 with padding", f"{b64_padded} characters", "4 characters per 3 bytes"],
        ["Version 4 random bits", f"{bits - 6} bits", "128 − 4 version bits − 2 variant bits"],
        ["Version 7 random bits", f"{bits - 48 - 6} bits", "128 − 48-bit ms timestamp − 6 version/variant bits"],
    ]
    note = "\n*Computed from the 128-bit layout of RFC 9562 (2024), which replaced RFC 4122.*\n"
    return md_table(["Form", "Size", "Why"], rows, align=["l", "r", "l"]) + note


def _int_max(bits: object, signed: object) -> int:
    b = positive_int("bits", bits, minimum=2, maximum=128)
    if not isinstance(signed, bool):
        raise MacroInputError("signed", signed, "True or False is accepted")
    return 2 ** (b - 1) - 1 if signed else 2**b - 1


def int_max(bits: object = 32, signed: object = True, sig: int = 2) -> str:
    """The largest integer, approximately: int_max(32) → '2.1 × 10⁹', int_max(64) → '9.2 × 10¹⁸'."""
    return sci_notation(_int_max(bits, signed), sig)


def int_max_exact(bits: object = 32, signed: object = True) -> str:
    """The largest integer, exactly: int_max_exact(32) → '2,147,483,647'."""
    return f"{_int_max(bits, signed):,}"


def _timestamp_seconds(bits: object, unit: object, signed: object) -> float:
    u = choice("unit", unit, list(_UNITS))
    return _int_max(bits, signed) * _UNITS[u]


def timestamp_range(bits: object = 64, unit: object = "ns", signed: object = True, sig: int = 3) -> str:
    """How far from 1970 an integer timestamp reaches: timestamp_range(64, 'ns') → '292 years'.

    A signed timestamp reaches that far on each side of 1970; an unsigned one only forwards.
    """
    s = _timestamp_seconds(bits, unit, signed)
    if s / YEAR_S >= 1e6:
        return f"{sci_notation(s / YEAR_S, sig)}{NBSP}years"
    return fmt_duration(s, sig)


def timestamp_end_year(bits: object = 64, unit: object = "ns", signed: object = True) -> str:
    """The calendar year in which the timestamp overflows: (64, 'ns') → '2262', (32, 's') → '2038'."""
    s = _timestamp_seconds(bits, unit, signed)
    try:
        return str((EPOCH + timedelta(seconds=s)).year)
    except OverflowError:
        return f"beyond the year {sci_notation(1970 + s / YEAR_S, 2)}"
