"""Identifier arithmetic: base62, Snowflake, UUID, integer and timestamp limits (macros/ids.py)."""

import re
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.ids import (
    base62_keys,
    base62_keyspace,
    base62_table,
    int_max,
    int_max_exact,
    snowflake_ids_per_ms,
    snowflake_ids_per_second,
    snowflake_lifetime,
    snowflake_machines,
    snowflake_table,
    timestamp_end_year,
    timestamp_range,
    uuid_table,
)

NB = "\u00a0"


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_seven_base62_characters_give_3_52_trillion() -> None:
    # 62^7 = 3,521,614,606,208
    assert base62_keys(7) == 3_521_614_606_208
    assert base62_keyspace(7) == f"3.52{NB}trillion"


def test_snowflake_fields() -> None:
    # 2^41 ms = 2,199,023,255,552 ms = 69.68 years of 365.25 days
    assert snowflake_lifetime() == f"69.7{NB}years"
    assert snowflake_machines() == "1,024"
    assert snowflake_ids_per_ms() == "4,096"
    assert snowflake_ids_per_second() == f"4.1{NB}million"  # 4,096 × 1,000


def test_integer_limits() -> None:
    assert int_max_exact(32) == "2,147,483,647"
    assert int_max(32) == f"2.1{NB}×{NB}10⁹"
    assert int_max(64) == f"9.2{NB}×{NB}10¹⁸"
    assert int_max_exact(64, signed=False) == f"{2**64 - 1:,}"


def test_timestamp_limits() -> None:
    # 2^63 ns = 292.3 years → 2262-04-11; 2^31 s → 2038-01-19 (the year-2038 problem)
    assert timestamp_range(64, "ns") == f"292{NB}years"
    assert timestamp_end_year(64, "ns") == "2262"
    assert timestamp_end_year(32, "s") == "2038"
    assert timestamp_end_year(64, "ns", signed=False) == "2554"
    assert timestamp_end_year(64, "s").startswith("beyond the year")


def test_uuid_sizes_match_python_uuid() -> None:
    u = uuid.uuid4()
    import base64

    table = uuid_table()
    rows = body_rows(table)
    assert table.splitlines()[0] == "| Form | Size | Why |"
    assert len(rows) == 7
    assert f"| 128 bits = {len(u.bytes)} bytes |" in rows[0]
    assert f"| {len(u.hex)} characters |" in rows[1]
    assert f"| {len(str(u))} characters |" in rows[2]
    assert f"| {len(base64.b64encode(u.bytes).rstrip(b'='))} characters |" in rows[3]
    assert f"| {len(base64.b64encode(u.bytes))} characters |" in rows[4]
    assert "| 122 bits |" in rows[5]


def test_base62_table_markdown() -> None:
    table = base62_table()
    assert table.splitlines()[0].startswith("| Characters | Keys | How many | Bits |")
    rows = body_rows(table)
    assert len(rows) == 6
    assert rows[2].startswith(f"| 7 | 62⁷ | 3.52{NB}trillion | 41.7 |")
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


def test_snowflake_table_markdown() -> None:
    table = snowflake_table()
    rows = body_rows(table)
    assert len(rows) == 4
    assert "| 41 |" in rows[1] and f"69.7{NB}years" in rows[1]
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=30))
def test_one_more_character_multiplies_keys_by_62(k: int) -> None:
    assert base62_keys(k + 1) == 62 * base62_keys(k)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=127))
def test_wider_integers_hold_more(bits: int) -> None:
    assert int(int_max_exact(bits + 1).replace(",", "")) == 2 * int(int_max_exact(bits).replace(",", "")) + 1


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: base62_keyspace(0), "length"),
        (lambda: base62_keyspace(7.5), "length"),
        (lambda: base62_keyspace(100), "length"),
        (lambda: base62_table([]), "lengths"),
        (lambda: base62_table((5, -1)), "lengths[1]"),
        (lambda: base62_table((7,), 0), "per_second"),
        (lambda: snowflake_lifetime(0), "timestamp_bits"),
        (lambda: snowflake_ids_per_second(12, 0), "machines"),
        (lambda: snowflake_table(42, 10, 12), "timestamp_bits"),
        (lambda: int_max(1), "bits"),
        (lambda: int_max(32, "yes"), "signed"),
        (lambda: timestamp_range(64, "weeks"), "unit"),
        (lambda: timestamp_end_year(float("nan")), "bits"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
