"""The calculators page in Chromium: the JavaScript agrees with the Python macros, bad input is
refused next to its field, every input round-trips through the address, and the page stays
accessible, local and stable (no layout shift) in both palettes and on a 360 px screen."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from macros import availability, budget, capacity, tail
from macros.fmt import fmt_count, fmt_rate, fmt_size
from tests.calc_vectors import BAD_TEXT, all_vectors, matches

pytestmark = pytest.mark.browser

URL = "/calculators/"
KINDS = ("availability", "downtime", "error-budget", "estimator", "fanout", "littles-law")
NBSP = "\u00a0"

# Each vector's "fn" names one computation through window.playbookCalc; availabilities arrive as typed text.
RUNNER = """(vectors) => {
  const { math, fmt, parse, alertTable } = window.playbookCalc;
  const P = (text) => { const r = parse.prob(text); if (!r.ok) throw new Error(r.error); return r; };
  const E = (text) => (text === "0" ? 0 : P(text).value);
  const groups = (gs) => gs.map((g) => ({ q: P(g.a).q, n: g.n, k: g.k }));
  const run = {
    downtime_seconds: ([a, p]) => math.downtimeSeconds(P(a).q, p),
    downtime: ([a, p]) => fmt.duration(math.downtimeSeconds(P(a).q, p), 3, "none"),
    nines: ([a]) => math.nines(P(a).q),
    nines_composite: ([gs]) => -math.composite(groups(gs)).lnQ / Math.LN10,
    availability_from_downtime_q: ([d, p]) => math.availabilityFromDowntime(d, p).q,
    availability_from_downtime_text: ([d, p]) => {
      const r = math.availabilityFromDowntime(d, p);
      return fmt.percent(r.a, r.q);
    },
    composite_q: ([gs]) => math.composite(groups(gs)).q,
    composite_text: ([gs]) => fmt.percentLn(math.composite(groups(gs)).lnQ),
    k_of_n_q: ([a, n, k]) => math.kOfN(P(a).q, n, k).q,
    error_budget_seconds: ([s, w]) => math.errorBudgetSeconds(P(s).q, w),
    error_budget: ([s, w]) => fmt.duration(math.errorBudgetSeconds(P(s).q, w), 3,
      "none: a 100\\u00a0% objective leaves no error budget"),
    alert_table: ([s, w]) => alertTable(P(s).q, w),
    alert_rate: ([s, w, f]) => math.alertRows(P(s).q, w).find((r) => r.fraction === f).rate,
    alert_threshold: ([s, w, f]) => math.alertRows(P(s).q, w).find((r) => r.fraction === f).threshold,
    burn_rate_value: ([e, s]) => math.burnRate(E(e), P(s).q),
    burn_rate: ([e, s]) => `${fmt.sig(math.burnRate(E(e), P(s).q))}×`,
    time_to_exhaustion: ([e, s, w]) => (E(e) === 0 ? "never: no errors, no budget spent"
      : fmt.duration(math.timeToExhaustion(E(e), P(s).q, w))),
    p_any_slow: ([p, n]) => math.fanout(P(p).q, n).slow,
    p_all_within: ([p, n]) => math.fanout(P(p).q, n).within,
    fanout_slow: ([p, n]) => { const f = math.fanout(P(p).q, n); return fmt.prob(f.slow, f.within); },
    fanout_within: ([p, n]) => { const f = math.fanout(P(p).q, n); return fmt.prob(f.within, f.slow); },
    leaf_quantile_value: ([t, n]) => math.leafQuantile(P(t).q, n).value,
    leaf_quantile_complement: ([t, n]) => math.leafQuantile(P(t).q, n).complement,
    leaf_quantile: ([t, n]) => { const l = math.leafQuantile(P(t).q, n); return fmt.prob(l.value, l.complement); },
    avg_qps_value: ([d, u]) => math.avgQps(d, u),
    avg_qps: ([d, u]) => fmt.rate(math.avgQps(d, u)),
    peak_qps: ([d, u, pf]) => fmt.rate(math.avgQps(d, u) * pf),
    bandwidth_value: ([q, s]) => math.bandwidth(q, s),
    bandwidth: ([q, s]) => fmt.bandwidth(math.bandwidth(q, s)),
    storage_growth_bytes: (a) => math.storageGrowthBytes(...a),
    storage_growth: (a) => fmt.size(math.storageGrowthBytes(...a)),
    box_count_value: (a) => math.boxCount(...a),
    little_concurrency: ([l, w]) => fmt.count(math.littleConcurrency(l, w)),
    little_concurrency_value: ([l, w]) => math.littleConcurrency(l, w),
    little_throughput: ([n, w]) => fmt.rate(math.littleThroughput(n, w)),
    little_latency: ([n, l]) => fmt.duration(math.littleLatency(n, l)),
    fmt_sig: ([x, s]) => fmt.sig(x, s),
    fmt_duration: ([x]) => fmt.duration(x),
    fmt_count: ([x]) => fmt.count(x),
    fmt_size: ([x]) => fmt.size(x),
    fmt_rate: ([x]) => fmt.rate(x),
    fmt_percent: ([x]) => fmt.percent(x),
  };
  return vectors.map((v) => {
    try { return run[v.fn](v.args); } catch (err) { return `ERROR ${err.message}`; }
  });
}"""


@pytest.fixture(scope="session")
def vectors_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test vectors, computed now by the Python macros and written as JSON."""
    path = tmp_path_factory.mktemp("calc") / "vectors.json"
    path.write_text(json.dumps(all_vectors()), encoding="utf-8")
    return path


def _open(page: Page, url: str = URL) -> Page:
    page.goto(url)
    expect(page.locator("form.calc--ready")).to_have_count(len(KINDS), timeout=10_000)
    return page


@pytest.fixture()
def calc(page: Page) -> Page:
    return _open(page)


def _form(page: Page, kind: str):
    return page.locator(f"form[data-calc='{kind}']").first


def _out(page: Page, kind: str, key: str) -> str:
    return _form(page, kind).locator(f"[data-out='{key}']").first.inner_text()


def _fill(page: Page, name: str, value: str) -> None:
    page.locator(f"[name='{name}']").first.fill(value)


def _message(page: Page, name: str) -> str:
    return page.locator(f"[name='{name}']").first.evaluate(
        "el => (el.getAttribute('aria-describedby') || '').split(/\\s+/)"
        ".map((id) => document.getElementById(id)).filter(Boolean).map((m) => m.textContent).join(' ')"
    )


def _visible_text(page: Page) -> str:
    return page.locator("article").inner_text()


# ---------------------------------------------------------------- the math agrees with the macros


def test_javascript_math_agrees_with_the_python_macros(calc: Page, vectors_file: Path) -> None:
    vectors = json.loads(vectors_file.read_text(encoding="utf-8"))
    got = calc.evaluate(RUNNER, vectors)
    bad = [
        (v["id"], v["args"], v["expect"], g) for v, g in zip(vectors, got, strict=True) if not matches(v["expect"], g)
    ]
    assert not bad, f"{len(bad)} of {len(vectors)} vectors disagree, e.g. {bad[:15]}"
    names = {v["fn"] for v in vectors}
    assert {"composite_q", "k_of_n_q", "alert_table", "leaf_quantile", "box_count_value", "fmt_percent"} <= names


def test_vectors_include_the_edge_cases(vectors_file: Path) -> None:
    vectors = json.loads(vectors_file.read_text(encoding="utf-8"))
    args = [json.dumps(v["args"]) for v in vectors]
    assert any('"n": 6' in a and "99.9" in a for a in args), "six parallel 99.9 % replicas"
    assert any(v["fn"] == "composite_text" and v["args"][0] == [{"a": "1", "n": 1, "k": 1}] for v in vectors)
    assert any(v["fn"] == "p_any_slow" and v["args"][1] == 1 for v in vectors)
    assert any(v["fn"] == "p_any_slow" and v["args"][1] == 10_000 for v in vectors)
    assert any(v["fn"] == "composite_q" and '"n": 10000' in json.dumps(v["args"]) for v in vectors)


def test_default_results_are_the_macros_numbers(calc: Page) -> None:
    groups = [{"a": 0.9999}, {"a": 0.999, "n": 3, "k": 2}, {"a": 0.9995, "n": 2, "k": 1}]
    assert _out(calc, "availability", "availability") == availability.composite_availability(groups)
    assert _out(calc, "availability", "downtime-year") == availability.downtime(availability.composite(groups), "year")
    assert _out(calc, "availability", "weakest").startswith("Load balancer")
    assert _out(calc, "downtime", "down-year") == availability.downtime(0.999, "year") == f"8{NBSP}h 46{NBSP}min"
    assert _out(calc, "downtime", "down-month") == availability.downtime(0.999, "month")
    assert _out(calc, "downtime", "reverse") == availability.fmt_percent(
        availability.availability_from_downtime(780, "month")
    )
    assert _out(calc, "error-budget", "budget") == budget.error_budget(0.999, "month")
    assert _out(calc, "error-budget", "burn") == budget.burn_rate(0.0144, 0.999)
    assert _out(calc, "error-budget", "gone") == budget.time_to_exhaustion(0.0144, 0.999)
    assert _out(calc, "fanout", "slow") == tail.fanout_slow(0.99, 100)
    assert _out(calc, "fanout", "leaf") == tail.leaf_quantile(0.99, 100)
    assert _out(calc, "littles-law", "result") == capacity.little_concurrency(1000, 0.1)


def test_estimator_matches_the_capacity_macros(calc: Page) -> None:
    values = {
        "est-dau": "20M",
        "est-actions": "110",
        "est-ratio": "10:1",
        "est-peak": "3",
        "est-payload": "2 KB",
        "est-repl": "3",
        "est-years": "2",
        "est-headroom": "1.5",
        "est-app": "8000",
        "est-dbread": "20,000",
        "est-dbwrite": "2500",
    }
    for name, value in values.items():
        _fill(calc, name, value)
    dau, reads, writes, size = 20e6, 110 * 10 / 11, 110 / 11, 2000.0
    avg_r, avg_w = capacity.avg_qps_value(dau, reads), capacity.avg_qps_value(dau, writes)
    expected = {
        "avg-read": fmt_rate(avg_r),
        "avg-write": fmt_rate(avg_w),
        "peak-read": fmt_rate(avg_r * 3),
        "peak-write": fmt_rate(avg_w * 3),
        "bw-out": capacity.bandwidth(avg_r * 3, size),
        "bw-in": capacity.bandwidth(avg_w * 3, size),
        "storage-day": fmt_size(dau * writes * size),
        "storage-total": capacity.storage_growth(avg_w, size, 2, 3),
        "boxes-app": fmt_count(capacity.box_count_value(avg_r * 3 + avg_w * 3, 8000, 1.5)),
        "boxes-dbread": fmt_count(capacity.box_count_value(avg_r * 3, 20000, 1.5)),
        "boxes-dbwrite": fmt_count(capacity.box_count_value(avg_w * 3, 2500, 1.5)),
    }
    assert {k: _out(calc, "estimator", k) for k in expected} == expected


# ---------------------------------------------------------------- edge cases through the UI


def _single_row(page: Page, a: str, n: str, k: str) -> None:
    form = _form(page, "availability")
    while form.locator("[data-row]").count() > 1:
        form.locator("[data-action='remove-row']").last.click()
    _fill(page, "av1-a", a)
    _fill(page, "av1-n", n)
    _fill(page, "av1-k", k)


def test_six_parallel_replicas_show_their_nines_not_100_percent(calc: Page) -> None:
    _single_row(calc, "99.9", "6", "1")
    six = availability.parallel([0.999] * 6)
    shown = _out(calc, "availability", "availability")
    assert shown == availability.fmt_percent(six) == f"99.9999999999999999{NBSP}%"
    assert _out(calc, "availability", "nines") == "18"
    assert _out(calc, "availability", "downtime-year") == availability.downtime(six, "year")


def test_hundred_percent_and_ten_thousand_replicas_stay_readable(calc: Page) -> None:
    _single_row(calc, "100", "1", "1")
    assert _out(calc, "availability", "availability") == f"100{NBSP}%"
    assert _out(calc, "availability", "downtime-year") == "none"
    _single_row(calc, "99.9", "10000", "1")
    shown = _out(calc, "availability", "availability")
    assert shown.startswith(">") and "99.999999" in shown, shown
    assert int(_out(calc, "availability", "nines").replace(",", "")) == 30_000
    _fill(calc, "fo-n", "1")
    assert _out(calc, "fanout", "slow") == tail.fanout_slow(0.99, 1) == f"1{NBSP}%"
    _fill(calc, "fo-n", "10000")
    assert _out(calc, "fanout", "slow") == tail.fanout_slow(0.99, 10_000)
    assert _out(calc, "fanout", "leaf") == tail.leaf_quantile(0.99, 10_000)
    assert not BAD_TEXT.search(_visible_text(calc))


@pytest.mark.parametrize(
    ("typed", "note"),
    [
        ("0.999", "read as a fraction: 99.9"),
        ("99.9", "Read as 99.9"),
        ("99.9%", "Read as 99.9"),
        ("99.9 %", "Read as 99.9"),
    ],
)
def test_percent_and_fraction_are_both_accepted_and_the_reading_is_shown(calc: Page, typed: str, note: str) -> None:
    _fill(calc, "dt-a", typed)
    assert note in _message(calc, "dt-a")
    assert calc.locator("[name='dt-a']").get_attribute("aria-invalid") is None
    assert _out(calc, "downtime", "down-month") == availability.downtime(0.999, "month")


def test_reverse_downtime_accepts_compound_durations(calc: Page) -> None:
    _fill(calc, "dt-down", "8 h 46 min")
    calc.locator("[name='dt-period']").select_option("year")
    expected = availability.fmt_percent(availability.availability_from_downtime(8 * 3600 + 46 * 60, "year"))
    assert _out(calc, "downtime", "reverse") == expected


# ---------------------------------------------------------------- bad input


BAD_INPUTS = [
    # (field, typed, words in the message, an output that must show no number)
    ("dt-a", "", "Enter an availability", ("downtime", "down-year")),
    ("dt-a", "abc", "not a number", ("downtime", "down-year")),
    ("dt-a", "99,9", "point for decimals: 99.9", ("downtime", "down-year")),
    ("dt-a", "-99.9", "cannot be negative", ("downtime", "down-year")),
    ("dt-a", "0", "above 0", ("downtime", "down-year")),
    ("dt-a", "101", "above 100", ("downtime", "down-year")),
    ("dt-a", "100.5 %", "above 100", ("downtime", "down-year")),
    ("dt-a", "1e308", "above 100", ("downtime", "down-year")),
    ("dt-down", "13", "Add a unit", ("downtime", "reverse")),
    ("dt-down", "31 days", "not shorter than the period", ("downtime", "reverse")),
    ("dt-down", "-13 min", "cannot be negative", ("downtime", "reverse")),
    ("dt-down", "13 parsecs", "not a unit", ("downtime", "reverse")),
    ("eb-slo", "99,95", "point for decimals", ("error-budget", "budget")),
    ("eb-err", "150 %", "above 100", ("error-budget", "burn")),
    ("eb-err", "lots", "not a number", ("error-budget", "gone")),
    ("fo-n", "0", "above 0", ("fanout", "slow")),
    ("fo-n", "2.5", "whole number", ("fanout", "slow")),
    ("fo-n", "1e12", "beyond", ("fanout", "leaf")),
    ("fo-p", "p101", "above 100", ("fanout", "slow")),
    ("av1-n", "0", "above 0", ("availability", "availability")),
    ("av1-n", "1.5", "whole number", ("availability", "availability")),
    ("av1-k", "5", "cannot exceed", ("availability", "availability")),
    ("av2-a", "99.9.9", "not a number", ("availability", "nines")),
    ("est-dau", "1e12", "beyond", ("estimator", "peak-read")),
    ("est-dau", "1,5", "point for decimals", ("estimator", "avg-read")),
    ("est-peak", "0.5", "at least 1", ("estimator", "peak-write")),
    ("est-payload", "1 XB", "not a number", ("estimator", "bw-out")),
    ("est-ratio", "10:0", "above 0", ("estimator", "avg-write")),
    ("est-years", "-5", "cannot be negative", ("estimator", "storage-total")),
    ("ll-latency", "100", "Add a unit", ("littles-law", "result")),
    ("ll-throughput", "Infinity", "not a number", ("littles-law", "result")),
    ("ll-throughput", "NaN", "not a number", ("littles-law", "result")),
]


@pytest.mark.parametrize(("name", "typed", "words", "output"), BAD_INPUTS, ids=[f"{b[0]}={b[1]!r}" for b in BAD_INPUTS])
def test_bad_input_is_refused_next_to_its_field(calc: Page, name: str, typed: str, words: str, output: tuple) -> None:
    field = calc.locator(f"[name='{name}']").first
    good = field.input_value()
    field.fill(typed)
    assert field.get_attribute("aria-invalid") == "true"
    message = _message(calc, name)
    assert words.lower() in message.lower(), message
    assert _out(calc, *output) == "—"
    assert "Fix the marked field" in _form(calc, output[0]).inner_text()
    assert not BAD_TEXT.search(_visible_text(calc)), "NaN, Infinity or undefined on the page"
    field.fill(good)  # and the field recovers
    assert field.get_attribute("aria-invalid") is None
    assert _out(calc, *output) != "—"


# ---------------------------------------------------------------- shareable state


ROUND_TRIPS = {
    "availability": [("av1-name", "Edge | proxy"), ("av1-a", "0.9995"), ("av2-n", "5"), ("av2-k", "3")],
    "downtime": [("dt-a", "99.95 %"), ("dt-down", "4 h 23 min"), ("dt-period", "year")],
    "error-budget": [("eb-slo", "0.9995"), ("eb-window", "28 days"), ("eb-err", "0.2 %")],
    "estimator": [("est-dau", "500M"), ("est-ratio", "100:1"), ("est-payload", "20 KB"), ("est-app", "12000")],
    "fanout": [("fo-p", "99.9"), ("fo-n", "2000"), ("fo-target", "p95")],
    "littles-law": [("ll-solve", "throughput"), ("ll-concurrency", "50"), ("ll-latency", "20 ms")],
}


def _set(page: Page, name: str, value: str) -> None:
    el = page.locator(f"[name='{name}']").first
    if name == "ll-solve":
        page.locator(f"[name='ll-solve'][value='{value}']").check()
    elif el.evaluate("e => e.tagName") == "SELECT":
        el.select_option(value)
    else:
        el.fill(value)


def _outputs(page: Page, kind: str) -> list[str]:
    return _form(page, kind).locator("[data-out]").all_inner_texts()


@pytest.mark.parametrize("kind", KINDS)
def test_inputs_round_trip_through_the_address(calc: Page, browser: Browser, served_site: str, kind: str) -> None:
    if kind == "availability":
        calc.locator("[data-action='add-row']").click()
        _fill(calc, "av4-name", "Queue")
        _fill(calc, "av4-a", "99.5")
    for name, value in ROUND_TRIPS[kind]:
        _set(calc, name, value)
    address = calc.evaluate("location.href")
    query = parse_qs(urlparse(address).query)
    for name, value in ROUND_TRIPS[kind]:
        assert query.get(name) == [value], (name, query)
    before = _outputs(calc, kind)
    assert "—" not in before
    context = browser.new_context(base_url=served_site)
    fresh = _open(context.new_page(), address)
    try:
        for name, value in ROUND_TRIPS[kind]:
            if name == "ll-solve":
                assert fresh.locator(f"[name='ll-solve'][value='{value}']").is_checked()
            else:
                assert fresh.locator(f"[name='{name}']").first.input_value() == value
        if kind == "availability":
            assert fresh.locator("[name='av4-name']").input_value() == "Queue"
        assert _outputs(fresh, kind) == before
    finally:
        context.close()


def test_copy_link_and_copy_markdown_reproduce_the_calculation(browser: Browser, served_site: str) -> None:
    context = browser.new_context(base_url=served_site, permissions=["clipboard-read", "clipboard-write"])
    page = _open(context.new_page())
    try:
        _fill(page, "fo-n", "250")
        form = _form(page, "fanout")
        form.locator("[data-action='copy-link']").click()
        expect(form.locator("[data-calc-status]")).to_contain_text("Link copied")
        link = page.evaluate("navigator.clipboard.readText()")
        assert urlparse(link).fragment == "calc-fanout"
        assert parse_qs(urlparse(link).query) == {"fo-p": ["p99"], "fo-n": ["250"], "fo-target": ["p99"]}
        form.locator("[data-action='copy-markdown']").click()
        expect(form.locator("[data-calc-status]")).to_contain_text("Markdown table copied")
        md = page.evaluate("navigator.clipboard.readText()")
        assert (
            f"| **Requests waiting on a slow leaf (1 − pᴺ)** | **{tail.fanout_slow(0.99, 250).replace(NBSP, ' ')}** |"
            in md
        )
        assert md.splitlines()[1] == "|---|--:|"
        assert f"[Open this calculation]({link})" in md
        other = _open(context.new_page(), link)
        assert other.locator("[name='fo-n']").input_value() == "250"
        assert _out(other, "fanout", "slow") == tail.fanout_slow(0.99, 250)
        # a name with a pipe stays one cell
        _fill(page, "av1-name", "LB | edge")
        _form(page, "availability").locator("[data-action='copy-markdown']").click()
        expect(_form(page, "availability").locator("[data-calc-status]")).to_contain_text("copied")
        assert "LB \\| edge" in page.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()


# ---------------------------------------------------------------- accessibility


def test_every_control_is_labelled_and_described(calc: Page) -> None:
    problems = calc.evaluate("""() => [...document.querySelectorAll('form[data-calc] :is(input, select, button)')]
      .filter((el) => el.type !== 'hidden' && !el.closest('template'))
      .flatMap((el) => {
        const out = [];
        const name = el.labels && el.labels.length ? el.labels[0].textContent.trim()
          : (el.getAttribute('aria-label') || el.textContent.trim());
        if (!name) out.push(`${el.name || el.outerHTML.slice(0, 60)}: no label`);
        for (const id of (el.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) out.push(`${el.name}: aria-describedby ${id} missing`);
        }
        return out;
      })""")
    assert not problems, problems
    ids = calc.evaluate("[...document.querySelectorAll('[id]')].map((e) => e.id)")
    assert len(ids) == len(set(ids)), "duplicate ids"
    for kind in KINDS:
        live = _form(calc, kind).locator("[data-calc-live]")
        assert live.get_attribute("aria-live") == "polite"


def test_results_are_announced_politely(calc: Page) -> None:
    _fill(calc, "dt-a", "99.99")
    live = _form(calc, "downtime").locator("[data-calc-live]")
    expect(live).to_contain_text(f"99.99 % allows {availability.downtime(0.9999, 'month')}", timeout=5_000)


def test_the_calculators_work_from_the_keyboard_alone(calc: Page) -> None:
    form = _form(calc, "availability")
    form.locator("[data-action='add-row']").focus()
    calc.keyboard.press("Enter")  # adds a row and moves focus into it
    assert calc.evaluate("document.activeElement.name") == "av4-a"
    calc.keyboard.press("Control+A")
    calc.keyboard.type("99.5")
    calc.keyboard.press("Tab")
    assert calc.evaluate("document.activeElement.name") == "av4-n"
    calc.keyboard.press("Control+A")
    calc.keyboard.type("2")
    expect(form.locator("[data-out='group']").nth(3)).to_contain_text("1 of 2 up: 99.9975")
    for _ in range(2):  # k, then the Remove button
        calc.keyboard.press("Tab")
    assert calc.evaluate("document.activeElement.dataset.action") == "remove-row"
    calc.keyboard.press("Enter")
    assert form.locator("[data-row]").count() == 3
    assert calc.evaluate("document.activeElement.name") == "av3-a"  # focus lands on a neighbour, not the body
    # every control of every calculator is reachable with Tab, in order
    calc.locator("[name='av1-name']").focus()
    reached = []
    for _ in range(120):
        calc.keyboard.press("Tab")
        reached.append(calc.evaluate("document.activeElement.name || document.activeElement.dataset.action || ''"))
    for expected in (
        "av1-a",
        "add-row",
        "copy-link",
        "copy-markdown",
        "dt-a",
        "dt-period",
        "eb-window",
        "est-dbwrite",
        "fo-target",
        "ll-solve",
        "ll-throughput",
    ):
        assert expected in reached, (expected, reached)
    calc.locator("[name='ll-solve'][value='concurrency']").focus()
    calc.keyboard.press("ArrowRight")  # radio group: arrows change what is solved for
    expect(calc.locator("[name='ll-throughput']")).to_be_disabled()
    assert _out(calc, "littles-law", "result") == capacity.little_throughput(100, 0.1)


def _contrast_script() -> str:
    return """(sel) => [...document.querySelectorAll(sel)].map((el) => {
      const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      let bgEl = el; let bg = 'rgba(0, 0, 0, 0)';
      while (bgEl) {
        bg = getComputedStyle(bgEl).backgroundColor;
        if (!/rgba\\(.*, 0\\)$/.test(bg) && bg !== 'transparent') break;
        bgEl = bgEl.parentElement;
      }
      const fg = rgb(getComputedStyle(el).color); const back = rgb(bg).slice(0, 3);
      const alpha = fg.length > 3 ? fg[3] : 1;
      const a = lum(fg.slice(0, 3).map((v, i) => alpha * v + (1 - alpha) * back[i])); const b = lum(back);
      return [el.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
    })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_is_readable_in_both_palettes(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(base_url=served_site, color_scheme=scheme)
    page = _open(context.new_page())
    try:
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        _fill(page, "dt-a", "abc")  # an error message to measure too
        sel = (
            "form[data-calc] :is(label, dd, dt, .calc-msg:not(:empty), .calc-help, .calc-group, "
            ".calc-blocked:not(:empty), "
            "legend, .md-button, input[type=text]:not(:disabled))"
        )
        low = [(t, round(r, 2)) for t, r in page.evaluate(_contrast_script(), sel) if r < 4.5]
        assert not low, low
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_usable_on_a_360_px_screen(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(base_url=served_site, viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = _open(context.new_page())
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        wide = page.evaluate("""() => [...document.querySelectorAll('form[data-calc] *')]
          .filter((e) => !e.closest('.calc-alerts, template') && e.getBoundingClientRect().right > 360.5)
          .map((e) => e.outerHTML.slice(0, 80))""")
        assert not wide, wide
        _fill(page, "av1-name", "A very long component name that must not widen the page")
        _fill(page, "dt-a", "99.99999999999")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


# ---------------------------------------------------------------- performance and loading

CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({ type: "layout-shift", buffered: true });
"""


@pytest.mark.parametrize("width", [1280, 360])
def test_no_layout_shift_when_results_appear(browser: Browser, served_site: str, width: int) -> None:
    context = browser.new_context(base_url=served_site, viewport={"width": width, "height": 900})
    context.add_init_script(CLS_OBSERVER)
    page = context.new_page()
    try:
        page.goto(URL)
        expect(page.locator("form.calc--ready")).to_have_count(len(KINDS))
        page.wait_for_timeout(800)
        assert _out(page, "downtime", "down-year") != "—"
        assert page.evaluate("window.__cls") < 0.001
    finally:
        context.close()


def _own_errors(page: Page) -> list[str]:
    """Console errors, less "failed to load resource" (other pages' assets are checked by their own tests)."""
    return [e for e in page.console_errors if not e.startswith("Failed to load resource")]


def test_no_request_leaves_the_local_host(calc: Page) -> None:
    responses: dict[str, int] = {}
    calc.on("response", lambda r: responses.__setitem__(r.url, r.status))
    calc.reload()
    expect(calc.locator("form.calc--ready")).to_have_count(len(KINDS))
    _fill(calc, "est-dau", "1B")
    calc.locator("[data-action='add-row']").click()
    calc.wait_for_load_state("networkidle")
    hosts = {urlparse(u).hostname for u in calc.requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, calc.requests_seen
    ours = {u: s for u, s in responses.items() if "/calculators." in u}
    assert len(ours) == 1 and set(ours.values()) == {200}, ours  # the script (its styles are in playbook.css)
    assert not _own_errors(calc), calc.console_errors


def test_script_loads_only_on_pages_with_a_calculator(page: Page, html_pages: dict[str, str]) -> None:
    page.goto("/back-of-envelope/")
    page.wait_for_load_state("networkidle")
    assert not any("calculators.js" in u for u in page.requests_seen)
    assert page.evaluate("typeof window.playbookCalc") == "undefined"
    assert "data-calc=" in html_pages[URL]


def _serve_local_sitemap(page: Page, served_site: str) -> None:
    """Material navigates instantly only to URLs in sitemap.xml, which holds the published site_url;
    answer it with the same pages at the local address, as a deployed site would have them."""

    def handle(route) -> None:
        body = route.fetch().text()
        locs = re.findall(r"<loc>([^<]+)</loc>", body)
        home = min(locs, key=len)
        route.fulfill(body=body.replace(home, served_site + "/"), content_type="application/xml")

    page.route("**/sitemap.xml", handle)


def test_instant_navigation_starts_the_calculators(page: Page, served_site: str) -> None:
    _serve_local_sitemap(page, served_site)
    page.goto("/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")  # survives only if navigation stays instant
    assert page.evaluate("typeof window.playbookCalc") == "undefined"
    page.locator(f"nav.md-nav--primary a[href$='{URL.strip('/')}/']").first.click()
    expect(page.locator("form.calc--ready")).to_have_count(len(KINDS), timeout=10_000)
    assert page.evaluate("window.__sameDocument") is True, "the navigation was not instant"
    assert _out(page, "downtime", "down-year") == availability.downtime(0.999, "year")
    _fill(page, "dt-a", "99.99")
    assert _out(page, "downtime", "down-year") == availability.downtime(0.9999, "year")
    # away and back again: mounted afresh, once, still working
    page.locator("nav.md-nav--primary a[href$='conventions/']").first.click()
    expect(page.locator("form[data-calc]")).to_have_count(0)
    page.locator(f"nav.md-nav--primary a[href$='{URL.strip('/')}/']").first.click()
    expect(page.locator("form.calc--ready")).to_have_count(len(KINDS), timeout=10_000)
    _fill(page, "fo-n", "10")
    assert _out(page, "fanout", "slow") == tail.fanout_slow(0.99, 10)
    assert page.evaluate("window.__sameDocument") is True
    assert sum("calculators.js" in u for u in page.requests_seen) == 1
    assert not _own_errors(page), page.console_errors


def test_a_second_copy_of_a_block_on_one_page_works_on_its_own(calc: Page) -> None:
    calc.evaluate("""() => {
      const copy = document.querySelector("form[data-calc='downtime']").cloneNode(true);
      copy.removeAttribute('data-calc-ready'); copy.classList.remove('calc--ready');
      document.querySelector('article').appendChild(copy);
      window.playbookCalc.mountAll();
    }""")
    forms = calc.locator("form[data-calc='downtime']")
    expect(forms.nth(1)).to_have_class("calc calc--ready")
    second = forms.nth(1).locator("input[name='dt-a']")
    second.fill("99.99")
    assert forms.nth(1).locator("[data-out='down-year']").inner_text() == availability.downtime(0.9999, "year")
    assert forms.nth(0).locator("[data-out='down-year']").inner_text() == availability.downtime(0.999, "year")
    assert second.get_attribute("id") != forms.nth(0).locator("input[name='dt-a']").get_attribute("id")
    label_for = forms.nth(1).locator("label", has_text="Availability").first.get_attribute("for")
    assert label_for == second.get_attribute("id")


def test_capacity_defaults_are_the_reference_card_low_ends(calc: Page) -> None:
    from macros.capacity_card import capacity_range

    for name, key in (("est-app", "app-server"), ("est-dbread", "postgres-reads"), ("est-dbwrite", "postgres-writes")):
        shown = Decimal(calc.locator(f"[name='{name}']").input_value().replace(",", ""))
        assert shown == Decimal(repr(capacity_range(key)[0])), name
