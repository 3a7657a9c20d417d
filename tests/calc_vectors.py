"""Test vectors for the calculators' JavaScript, computed by the build's own Python macros.

The browser tests write these to a JSON file at test time and feed them to
``window.playbookCalc`` (docs/assets/javascripts/calculators.js): every vector names a
JavaScript computation (``fn``), its arguments as the calculator receives them (availabilities
as the text a reader types, e.g. "99.9" or "0.999"), and the value the Python macro gives.
Numbers are compared to 1e-9 relative, strings (the formatted results) exactly.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal, localcontext
from typing import Any

from macros import availability, budget, capacity, fmt, tail
from macros.budget import SRE_WORKBOOK_ALERTS, error_budget_seconds
from macros.periods import PERIODS

REL_TOL = 1e-9
PERIOD_NAMES = ("year", "quarter", "month", "28 days", "week", "day")
LEVELS = ("0.9", "0.99", "0.995", "0.999", "0.9995", "0.9999", "0.99999", "0.999999", "0.9978", "1")
Vector = dict[str, Any]


def typed(fraction: str, as_percent: bool) -> str:
    """The text a reader types for a fraction: '0.999' itself or the percentage '99.9'."""
    if not as_percent:
        return fraction
    pct = format(Decimal(fraction) * 100, "f")
    return pct.rstrip("0").rstrip(".") if "." in pct else pct


def complement(x: Decimal) -> float:
    """1 − x as a float, exact in Decimal first (the quantity the calculators carry)."""
    with localcontext(prec=120):
        return float(1 - x)


def _vec(fn: str, args: list, expect: float | int | str) -> Vector:
    return {"fn": fn, "args": args, "expect": expect}


def availability_vectors(rng: random.Random) -> list[Vector]:
    out: list[Vector] = []
    for i, level in enumerate(LEVELS):
        text = typed(level, i % 2 == 0)
        for period in PERIOD_NAMES:
            out.append(_vec("downtime_seconds", [text, period], availability.downtime_seconds(level, period)))
            out.append(_vec("downtime", [text, period], availability.downtime(level, period)))
        if level != "1":
            out.append(_vec("nines", [text], availability.nines(level)))
    for seconds, period in [
        (780, "month"),
        (2592, "month"),
        (31557.6, "year"),
        (0.5, "day"),
        (0, "week"),
        (3600, "quarter"),
    ]:
        a = availability.availability_from_downtime(seconds, period)
        out.append(_vec("availability_from_downtime_q", [seconds, period], complement(a)))
        out.append(_vec("availability_from_downtime_text", [seconds, period], fmt.fmt_percent(a)))

    def groups_case(groups: list[dict]) -> None:
        a = availability.composite(groups)
        js = [{"a": typed(g["a"], j % 2 == 1), "n": g.get("n", 1), "k": g.get("k", 1)} for j, g in enumerate(groups)]
        out.append(_vec("composite_q", [js], complement(a)))
        text = fmt.fmt_percent(a)
        if a == 1 and any(g["a"] != "1" for g in groups):
            # the macro's 80 digits round 1 − qⁿ up to 1; the calculator keeps the nines and says "more than"
            text = f">{fmt.NBSP}99.{'9' * 22}{fmt.NBSP}%"
        out.append(_vec("composite_text", [js], text))

    # edge cases: six parallel 99.9 % replicas (1 − 1e-18), 100 %, one component, large groups
    six = availability.parallel([Decimal("0.999")] * 6)
    out.append(_vec("composite_q", [[{"a": "99.9", "n": 6, "k": 1}]], complement(six)))
    out.append(_vec("composite_text", [[{"a": "99.9", "n": 6, "k": 1}]], fmt.fmt_percent(six)))
    out.append(_vec("nines_composite", [[{"a": "99.9", "n": 6, "k": 1}]], availability.nines(six)))
    for groups in (
        [{"a": "1"}],
        [{"a": "1"}, {"a": "0.999"}],
        [{"a": "0.999"}],
        [{"a": "0.99", "n": 3, "k": 1}, {"a": "0.9999"}, {"a": "0.9995"}],
        # n = 10,000 (the macro's maximum): k small (q^n underflows: both sides say 100 %)
        [{"a": "0.999", "n": 10_000, "k": 3}],
        [{"a": "0.9", "n": 10_000, "k": 1}, {"a": "0.9995"}],
        # many terms on the failure side (the Python sum of thousands of 80-digit terms is slow: n <= 2,000)
        [{"a": "0.999", "n": 1_000, "k": 990}],
        [{"a": "0.999", "n": 2_000, "k": 1_995}],
        [{"a": "0.9999", "n": 2_000, "k": 2_000}],
        [{"a": "0.5", "n": 50, "k": 25}],
        [{"a": "0.99", "n": 100, "k": 95}],
        [{"a": "0.9", "n": 1_000, "k": 1}, {"a": "0.999"}],
    ):
        groups_case(groups)
    for _ in range(40):
        groups = []
        for _ in range(rng.randint(1, 5)):
            a = f"0.{rng.choice(['9', '99', '999', '9995', '9999', '95', '98'])}{rng.randint(0, 99):02d}".rstrip("0")
            n = rng.choice([1, 1, 2, 3, 5, 7, 12])
            groups.append({"a": a, "n": n, "k": rng.randint(1, n)})
        groups_case(groups)
    for a, n, k in [
        ("0.99", 3, 1),
        ("0.99", 3, 2),
        ("0.999", 6, 1),
        ("0.9", 10, 7),
        ("0.95", 1, 1),
        ("0.999", 10_000, 2),
        ("0.999", 1_000, 995),
    ]:
        out.append(_vec("k_of_n_q", [typed(a, True), n, k], complement(availability.k_of_n(a, n, k))))
    return out


def budget_vectors() -> list[Vector]:
    out: list[Vector] = []
    windows = ("month", "28 days", "quarter", "week", "day")
    for slo in ("0.9", "0.99", "0.995", "0.999", "0.9995", "0.9999", "0.99999", "1"):
        for w in windows:
            out.append(_vec("error_budget_seconds", [typed(slo, True), w], error_budget_seconds(slo, w)))
            out.append(_vec("error_budget", [typed(slo, False), w], budget.error_budget(slo, w)))
        if slo == "1":
            continue
        for w in windows:
            table = budget.burn_rate_table(slo, w)
            rows = [line.strip("| ").split(" | ") for line in table.splitlines()[2:5]]
            out.append(_vec("alert_table", [typed(slo, True), w], rows))
        for fraction, long_w, _short, _notify in SRE_WORKBOOK_ALERTS:
            rate = Decimal(repr(fraction)) * Decimal(repr(PERIODS["month"])) / Decimal(repr(long_w))
            out.append(_vec("alert_rate", [typed(slo, True), "month", fraction], float(rate)))
            out.append(_vec("alert_threshold", [typed(slo, True), "month", fraction], float(rate * (1 - Decimal(slo)))))
        for err in ("0", "0.0001", "0.001", "0.0144", "0.05", "0.5", "1"):
            err_typed = typed(err, err in ("0.0144", "0.05"))
            if err != "0":
                out.append(_vec("burn_rate_value", [err_typed, typed(slo, True)], budget.burn_rate_value(err, slo)))
            out.append(_vec("burn_rate", [err_typed, typed(slo, True)], budget.burn_rate(err, slo)))
            for w in ("month", "28 days"):
                out.append(
                    _vec("time_to_exhaustion", [err_typed, typed(slo, True), w], budget.time_to_exhaustion(err, slo, w))
                )
    return out


def tail_vectors() -> list[Vector]:
    out: list[Vector] = []
    for p in ("0.5", "0.9", "0.95", "0.99", "0.999", "0.9999", "1"):
        for n in (1, 2, 10, 100, 1_000, 2_000, 10_000, 100_000):
            pt = typed(p, True)
            out.append(_vec("p_any_slow", [pt, n], float(tail.p_any_slow(p, n))))
            out.append(_vec("p_all_within", [pt, n], float(tail.p_all_within(p, n))))
            slow = tail.p_any_slow(p, n)
            if slow == 1 and tail.p_all_within(p, n) > 0:
                # the macro's 60 digits round 1 − pᴺ up to exactly 1 ("100 %"); the calculator keeps pᴺ > 0
                # and shows the display bucket the exact value is in, as prob_text would with more digits
                slow = Decimal("0.99999999")
            out.append(_vec("fanout_slow", [pt, n], tail.prob_text(slow)))
            out.append(_vec("fanout_within", [pt, n], tail.fanout_within(p, n)))
            leaf = tail.leaf_quantile_value(p, n)
            out.append(_vec("leaf_quantile_value", [pt, n], float(leaf)))
            out.append(_vec("leaf_quantile_complement", [pt, n], complement(leaf)))
            out.append(_vec("leaf_quantile", [pt, n], tail.leaf_quantile(p, n)))
    return out


def capacity_vectors(rng: random.Random) -> list[Vector]:
    out: list[Vector] = []
    cases = [(500e6, 0.2), (500e6, 100), (10e6, 52), (1, 1), (1e9, 3), (12_345, 7.5)]
    cases += [(10 ** rng.uniform(2, 9), 10 ** rng.uniform(-1, 3)) for _ in range(20)]
    for dau, per_user in cases:
        out.append(_vec("avg_qps_value", [dau, per_user], capacity.avg_qps_value(dau, per_user)))
        out.append(_vec("avg_qps", [dau, per_user], capacity.avg_qps(dau, per_user)))
        for pf in (1, 2.5, 5):
            out.append(_vec("peak_qps", [dau, per_user, pf], capacity.peak_qps(dau, per_user, pf)))
    for q, size in [(1000, 100e3), (5790, 1000), (1.5, 20), (2e6, 1e6), (231.48, 1000)]:
        out.append(_vec("bandwidth_value", [q, size], capacity.bandwidth_value(q, size)))
        out.append(_vec("bandwidth", [q, size], capacity.bandwidth(q, size)))
        for years, repl in [(1, 1), (5, 3), (0.5, 2), (10, 1.5)]:
            args = [q, size, years, repl]
            out.append(_vec("storage_growth_bytes", args, capacity.storage_growth_bytes(*args)))
            out.append(_vec("storage_growth", args, capacity.storage_growth(*args)))
    for peak, per_box, headroom in [
        (5790, 1000, 2),
        (6000, 1000, 1),
        (1, 5000, 2),
        (28935.2, 10000, 2),
        (1e6, 5000, 1.3),
    ]:
        out.append(
            _vec("box_count_value", [peak, per_box, headroom], capacity.box_count_value(peak, per_box, headroom))
        )
    for lam, w in [(1000, 0.1), (1000, 0.3), (2000, 0.005), (50, 0.02), (1.5, 7.25), (1e6, 0.00025)]:
        out.append(_vec("little_concurrency", [lam, w], capacity.little_concurrency(lam, w)))
        out.append(_vec("little_throughput", [lam, w], capacity.little_throughput(lam, w)))
        out.append(_vec("little_latency", [lam, w], capacity.little_latency(lam, w)))
        out.append(_vec("little_concurrency_value", [lam, w], lam * w))
    return out


_FMT_SPECIALS = (
    0.864,
    2592,
    31557.6,
    43.2,
    1157.4,
    0.00086,
    8.0,
    9.996,
    2.5,
    1250,
    0.125,
    99.5,
    999.5,
    59.99,
    3599.9,
    3600,
    86399,
    86400,
    5e6,
    1e18,
    0.5,
    1.5,
    0.0315576,
    100,
    1e-9,
    7.5e-7,
    123456789,
    999_500,
    999_499,
    1e15,
)


def fmt_vectors(rng: random.Random) -> list[Vector]:
    out: list[Vector] = []
    values = list(_FMT_SPECIALS) + [10 ** rng.uniform(-10, 19) for _ in range(150)]
    for x in values:
        for sig in (2, 3):
            out.append(_vec("fmt_sig", [x, sig], fmt.fmt_sig(x, sig)))
        out.append(_vec("fmt_duration", [x], fmt.fmt_duration(x)))
        out.append(_vec("fmt_count", [x], fmt.fmt_count(x)))
        out.append(_vec("fmt_size", [x], fmt.fmt_size(x)))
        out.append(_vec("fmt_rate", [x], fmt.fmt_rate(x)))
    fractions = [0.9978, 0.999999, 0.0144, 0.5, 0.75, 0.999, 0.99, 1.0, 0.123, 0.9999]
    fractions += [1 - 10 ** rng.uniform(-7, -0.4) for _ in range(40)] + [rng.uniform(0.0001, 0.5) for _ in range(20)]
    for f in fractions:
        out.append(_vec("fmt_percent", [f], fmt.fmt_percent(f)))
    return out


def all_vectors(seed: int = 20240613) -> list[Vector]:
    """Every vector, reproducibly (a fixed seed for the random cases)."""
    rng = random.Random(seed)
    vectors = availability_vectors(rng) + budget_vectors() + tail_vectors() + capacity_vectors(rng) + fmt_vectors(rng)
    for i, v in enumerate(vectors):
        v["id"] = f"{i}:{v['fn']}"
    return vectors


def matches(expect: object, got: object) -> bool:
    """Numbers: equal to 1e-9 relative (or both below 1e-300); strings and lists: equal."""
    if isinstance(expect, bool) or not isinstance(expect, (int, float)):
        return expect == got
    if isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    if abs(expect) < 1e-300 and abs(got) < 1e-300:
        return True
    return abs(got - expect) <= REL_TOL * max(abs(expect), abs(got))


BAD_TEXT = re.compile(r"NaN|Infinity|undefined|null|\[object")
