"""Password-hash parameters and base64url sizes in macros/security.py."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.fmt import NBSP
from macros.security import argon2_memory, base64url_length, bcrypt_rounds, scrypt_memory


def test_scrypt_memory_matches_owasp_parameters():
    # N = 2^17, r = 8: 128 × 131,072 × 8 bytes = 128 MiB
    assert scrypt_memory(17, 8) == f"128{NBSP}MiB"
    assert scrypt_memory(16) == f"64{NBSP}MiB"
    assert scrypt_memory(14, 8) == f"16{NBSP}MiB"


def test_bcrypt_rounds_double_per_cost_step():
    assert bcrypt_rounds(10) == "1,024"
    assert bcrypt_rounds(12) == "4,096"
    assert bcrypt_rounds(4) == "16"


def test_argon2_memory_in_iec_units():
    assert argon2_memory(19_456) == f"19{NBSP}MiB"
    assert argon2_memory(47_104) == f"46{NBSP}MiB"
    assert argon2_memory(1_048_576) == f"1{NBSP}GiB"


def test_base64url_length_without_padding():
    assert base64url_length(1) == f"2{NBSP}characters"
    assert base64url_length(3) == f"4{NBSP}characters"
    assert base64url_length(1_000) == f"1,334{NBSP}characters"


@pytest.mark.parametrize(
    "call",
    [
        lambda: scrypt_memory(0),
        lambda: scrypt_memory(17, 0),
        lambda: scrypt_memory(17.5),
        lambda: bcrypt_rounds(3),
        lambda: bcrypt_rounds(32),
        lambda: argon2_memory(4),
        lambda: base64url_length(0),
        lambda: base64url_length("1k"),
    ],
)
def test_bad_inputs_are_rejected(call):
    with pytest.raises(MacroInputError):
        call()


@given(st.integers(min_value=1, max_value=700_000))
def test_base64url_is_four_characters_per_three_bytes(n):
    chars = int(base64url_length(n).split(NBSP)[0].replace(",", ""))
    assert chars == math.ceil(4 * n / 3)
    assert n < chars < n * 4 / 3 + 1
