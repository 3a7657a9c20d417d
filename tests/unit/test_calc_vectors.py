"""The calculators' test vectors: computed from the macros, reproducible, and covering the edge cases."""

from __future__ import annotations

import json
import math

from tests.calc_vectors import all_vectors, complement, matches, typed


def test_vectors_are_reproducible_and_json_serialisable() -> None:
    assert json.dumps(all_vectors()) == json.dumps(all_vectors())


def test_every_numeric_expectation_is_finite() -> None:
    for v in all_vectors():
        if isinstance(v["expect"], float):
            assert math.isfinite(v["expect"]), v


def test_no_expected_text_shows_nan_infinity_or_undefined() -> None:
    for v in all_vectors():
        text = json.dumps(v["expect"], ensure_ascii=False)
        assert not any(bad in text for bad in ("NaN", "Infinity", "undefined", "nan", "inf ")), v


def test_typed_gives_what_a_reader_types() -> None:
    assert typed("0.999", True) == "99.9"
    assert typed("0.999", False) == "0.999"
    assert typed("1", True) == "100"
    assert typed("0.0144", True) == "1.44"


def test_complement_keeps_the_nines() -> None:
    from decimal import Decimal

    assert complement(Decimal(1) - Decimal("1e-18")) == 1e-18


def test_matches_is_relative_for_numbers_and_exact_for_text() -> None:
    assert matches(1.0, 1.0 + 1e-12)
    assert not matches(1.0, 1.0 + 1e-6)
    assert matches(0.0, 0.0)
    assert matches(1e-320, 0.0)
    assert not matches(1.0, "1")
    assert matches("43.2\u00a0min", "43.2\u00a0min")
    assert not matches("43.2 min", "43.2\u00a0min")


def test_the_edge_cases_are_in_the_vectors() -> None:
    vectors = all_vectors()
    six = [v for v in vectors if v["fn"] == "composite_q" and v["args"] == [[{"a": "99.9", "n": 6, "k": 1}]]]
    assert six and six[0]["expect"] == 1e-18
    texts = {v["expect"] for v in vectors if v["fn"] == "composite_text"}
    assert "99.9999999999999999\u00a0%" in texts and "100\u00a0%" in texts
    fanout_ns = {v["args"][1] for v in vectors if v["fn"] == "p_any_slow"}
    assert {1, 10_000} <= fanout_ns
