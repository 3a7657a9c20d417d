"""Fan-out tail latency and the quoted Tail at Scale figures (macros/tail.py)."""

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.data import load
from macros.errors import MacroInputError
from macros.tail import (
    fanout_formula,
    fanout_slow,
    fanout_table,
    fanout_within,
    leaf_quantile,
    leaf_quantile_value,
    p_all_within,
    p_any_slow,
    tail_fact,
    tail_facts_table,
)

NB = "\u00a0"
quantiles = st.decimals(min_value="0.5", max_value="0.99999", places=5)
counts = st.integers(min_value=1, max_value=5_000)


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_seed_fanout_figures() -> None:
    # 0.99^10 = 0.9044 ("≈ 90 %"); 0.99^100 = 0.3660 ("only 37 %")
    assert fanout_within(0.99, 10) == f"90.4{NB}%"
    assert fanout_within(0.99, 100) == f"36.6{NB}%"
    assert fanout_slow(0.99, 100) == f"63.4{NB}%"


def test_formula_shows_its_inputs() -> None:
    assert fanout_formula(0.99, 100) == f"1 − 0.99¹⁰⁰ = 63.4{NB}%"


def test_per_leaf_quantile_for_a_request_level_target() -> None:
    # 0.99^(1/100) = 0.999899…: leaves need p99.99 for a p99 request over 100 leaves
    assert float(leaf_quantile_value(0.99, 100)) == pytest.approx(0.99989950, abs=1e-8)
    assert leaf_quantile(0.99, 100) == f"99.99{NB}%"
    # p90 of a 10-way gather sits at p99 of one leaf: 0.9^(1/10) = 0.98952
    assert float(leaf_quantile_value(0.9, 10)) == pytest.approx(0.98952, abs=1e-5)


@pytest.mark.parametrize("row", [r for r in load("tail_at_scale")["rows"] if "check" in r], ids=lambda r: r["key"])
def test_quoted_fanout_examples_agree_with_the_formula(row: dict) -> None:
    # the paper: 63 % for p99 × 100 servers, "almost one in five" for 1-in-10,000 × 2,000 servers
    check = row["check"]
    assert float(p_any_slow(check["p"], check["n"])) == pytest.approx(check["slow"], abs=0.006)


def test_every_fact_has_source_and_year() -> None:
    data = load("tail_at_scale")
    for row in data["rows"]:
        source = data["sources"][row["source"]]
        assert source["year"] == 2013 and source["url"].startswith("https://")
        assert row["fact"] and row["figure"]


def test_measured_google_service_figures() -> None:
    assert tail_fact("leaf-p99") == "10 ms (Dean & Barroso, 2013)"
    assert tail_fact("leaves-95pct-p99") == "70 ms (Dean & Barroso, 2013)"
    assert tail_fact("leaves-all-p99") == "140 ms (Dean & Barroso, 2013)"
    assert "1,800 ms → 74 ms" in tail_fact("hedge-bigtable")


def test_fanout_table_markdown() -> None:
    table = fanout_table()
    lines = table.splitlines()
    assert lines[0] == "| Leaves waited on (N) | Leaf p99 | Leaf p99.9 | Leaf p99.99 |"
    rows = body_rows(table)
    assert len(rows) == 5
    assert rows[2] == f"| 100 | 63.4{NB}% | 9.52{NB}% | 0.995{NB}% |"
    assert f">{NB}99.9999{NB}%" in rows[4]  # 1 − 0.99^10000: never rounds to a bare "100 %"
    assert not re.search(r"\bnan\b|\binf\b|e\+|None", table)
    assert table.rstrip().endswith("*")


def test_facts_table_markdown() -> None:
    table = tail_facts_table()
    assert table.splitlines()[0] == "| Topic | Finding | Figure | Source |"
    assert len(body_rows(table)) == len(load("tail_at_scale")["rows"])
    assert len(body_rows(tail_facts_table(["leaf-p99", "leaves-all-p99"]))) == 2


@settings(max_examples=60, deadline=None)
@given(quantiles, counts, counts)
def test_more_leaves_never_lowers_the_slow_share(p, n1, n2) -> None:
    lo, hi = sorted((n1, n2))
    assert p_any_slow(p, lo) <= p_any_slow(p, hi)
    assert 0 <= p_any_slow(p, hi) <= 1


@settings(max_examples=60, deadline=None)
@given(quantiles, counts)
def test_leaf_quantile_round_trips(target, n) -> None:
    leaf = leaf_quantile_value(target, n)
    assert target <= leaf <= 1
    assert p_all_within(leaf, n) == pytest.approx(Decimal(target), rel=Decimal("1e-30"))


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: fanout_slow(99, 100), "p"),
        (lambda: fanout_slow(0, 100), "p"),
        (lambda: fanout_slow(0.99, 0), "n"),
        (lambda: fanout_slow(0.99, 2.5), "n"),
        (lambda: fanout_slow(0.99, float("inf")), "n"),
        (lambda: leaf_quantile(float("nan"), 10), "target"),
        (lambda: leaf_quantile(0.99, -1), "n"),
        (lambda: fanout_table([]), "ns"),
        (lambda: fanout_table((1, 10), []), "ps"),
        (lambda: fanout_table((1, 0)), "ns[1]"),
        (lambda: fanout_table((1,), (0.99, 1.5)), "ps[1]"),
        (lambda: tail_fact("nope"), "key"),
        (lambda: tail_facts_table(["leaf-p99", "nope"]), "keys[1]"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
