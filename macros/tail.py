"""Tail latency under fan-out ("The Tail at Scale").

A request that waits on N independent leaves is slower than the leaves'
p-quantile whenever at least one leaf is: P(slow) = 1 − pᴺ. To keep the whole
request within a target quantile q, each leaf must meet the quantile q^(1/N).
Quantiles are fractions (0.99 for p99). Independence is assumed: leaves that
share a cause of slowness (a switch, a garbage-collection storm) correlate and
the real numbers differ. Quoted figures live in ``data/tail_at_scale.yml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .data import load
from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_percent, fmt_sig
from .tables import md_table
from .validate import dec_context, positive_int, probabilities, probability

__all__ = [
    "fanout_formula",
    "fanout_slow",
    "fanout_table",
    "fanout_within",
    "leaf_quantile",
    "tail_fact",
    "tail_facts_table",
]

MAX_N = 10_000_000
DEFAULT_NS = (1, 10, 100, 1_000, 10_000)
DEFAULT_PS = (0.99, 0.999, 0.9999)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def prob_text(x: Decimal | float) -> str:
    """A probability for a page: '63.4 %', '99.57 %', '> 99.9999 %', '< 0.0001 %'."""
    d = Decimal(repr(x)) if isinstance(x, float) else x
    if d <= 0:
        return f"0{NBSP}%"
    if d >= 1:
        return f"100{NBSP}%"
    if d > Decimal("0.999999"):
        return f">{NBSP}99.9999{NBSP}%"
    if d < Decimal("0.000001"):
        return f"<{NBSP}0.0001{NBSP}%"
    if d > Decimal("0.99"):
        return fmt_percent(d)
    return f"{fmt_sig(float(d) * 100, 3)}{NBSP}%"


def p_all_within(p: object, n: object) -> Decimal:
    """pᴺ: the chance that all N independent leaves answer within their p-quantile."""
    q = probability("p", p)
    n_ = positive_int("n", n, maximum=MAX_N)
    with dec_context():
        return +(q**n_)


def p_any_slow(p: object, n: object) -> Decimal:
    """1 − pᴺ: the chance that a request waits on at least one leaf slower than its p-quantile."""
    with dec_context():
        return 1 - p_all_within(p, n)


def leaf_quantile_value(target: object, n: object) -> Decimal:
    """target^(1/N): the per-leaf quantile that keeps the whole request at the ``target`` quantile."""
    t = probability("target", target)
    n_ = positive_int("n", n, maximum=MAX_N)
    with dec_context():
        return +(t ** (Decimal(1) / n_))


def fanout_slow(p: object, n: object) -> str:
    """Formatted 1 − pᴺ: fanout_slow(0.99, 100) → '63.4 %'."""
    return prob_text(p_any_slow(p, n))


def fanout_within(p: object, n: object) -> str:
    """Formatted pᴺ: fanout_within(0.99, 100) → '36.6 %'."""
    return prob_text(p_all_within(p, n))


def fanout_formula(p: object, n: object) -> str:
    """The computation with its inputs: fanout_formula(0.99, 100) → '1 − 0.99¹⁰⁰ = 63.4 %'."""
    q = probability("p", p)
    n_ = positive_int("n", n, maximum=MAX_N)
    power = f"{q}{str(n_).translate(_SUPERSCRIPT)}"
    return f"1 − {power} = {fanout_slow(q, n_)}"


def leaf_quantile(target: object, n: object) -> str:
    """The per-leaf quantile needed for a request-level target: leaf_quantile(0.99, 100) → '99.99 %'."""
    return prob_text(leaf_quantile_value(target, n))


def _seq(name: str, values: object) -> Sequence:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise MacroInputError(name, values, "a non-empty list is accepted")
    return values


def fanout_table(ns: object = DEFAULT_NS, ps: object = DEFAULT_PS) -> str:
    """Markdown table: P(at least one leaf slower than its p-quantile) = 1 − pᴺ for each N × p."""
    ns_ = [positive_int(f"ns[{i}]", n, maximum=MAX_N) for i, n in enumerate(_seq("ns", ns))]
    ps_ = probabilities("ps", _seq("ps", ps))
    headers = ["Leaves waited on (N)"] + [f"Leaf p{fmt_sig(float(p) * 100, 4)}" for p in ps_]
    rows = [[fmt_count(n)] + [fanout_slow(p, n) for p in ps_] for n in ns_]
    note = (
        "\n*Computed: share of requests slower than the leaves' p-quantile = 1 − pᴺ, "
        "assuming the N leaves are slow independently of each other.*\n"
    )
    return md_table(headers, rows) + note


def _fact_rows() -> dict[str, dict]:
    return {row["key"]: row for row in load("tail_at_scale")["rows"]}


def tail_fact(key: object) -> str:
    """A quoted figure with its citation: tail_fact('leaves-all-p99') → '140 ms (Dean & Barroso, 2013)'."""
    rows = _fact_rows()
    if key not in rows:
        raise MacroInputError("key", key, "one of " + ", ".join(rows) + " is accepted")
    row = rows[key]
    year = load("tail_at_scale")["sources"][row["source"]]["year"]
    return f"{row['figure']} (Dean & Barroso, {year})"


def tail_facts_table(keys: object = None) -> str:
    """The quoted figures of "The Tail at Scale" as a table, each with its source and year."""
    data = load("tail_at_scale")
    rows = _fact_rows()
    if keys is None:
        chosen = list(rows.values())
    else:
        chosen = []
        for i, k in enumerate(_seq("keys", keys)):
            if k not in rows:
                raise MacroInputError(f"keys[{i}]", k, "one of " + ", ".join(rows) + " is accepted")
            chosen.append(rows[k])
    body = []
    for r in chosen:
        src = data["sources"][r["source"]]
        body.append(
            [r["topic"], " ".join(r["fact"].split()), r["figure"], f"[Dean & Barroso]({src['url']}) ({src['year']})"]
        )
    return md_table(["Topic", "Finding", "Figure", "Source"], body, align=["l", "l", "r", "l"]) + (
        "\n*Quoted from the paper, not computed; the two fan-out examples agree with 1 − pᴺ "
        "(1 − 0.99¹⁰⁰ ≈ 63 %, 1 − 0.9999²⁰⁰⁰ ≈ 18 %).*\n"
    )
