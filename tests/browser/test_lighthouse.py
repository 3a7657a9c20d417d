"""Gate 1: Lighthouse scores every page (CI) or a sample (local `make test`) of the built site.

Served on 127.0.0.1 with gzip, mobile preset, simulated throttling with the CPU slowdown calibrated to
the host (tools/lighthouse.py: Lighthouse's default 4x on a host at benchmark index 1,750 or more,
proportionally less on a slower one), median of PLAYBOOK_LIGHTHOUSE_RUNS runs per page (3 by default; a
page below the performance gate gets 2 more and is judged on the median of 5):
accessibility, best practices and SEO must be 1.00, performance at least 0.98 (tests/budgets.json,
"lighthouse", with the metric limits and the one page exempt from speed), and the report lists every
page's runs, metrics, CPU benchmark and CPU slowdown. PLAYBOOK_FULL=1 (set by
.ci/run) runs every page, the longest part of CI; without it, SAMPLE runs (home, a chapter
with diagrams, the conventions, the calculators and the glossary).
"""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import ROOT
from tests.reporting import REPORTS
from tools import lighthouse

pytestmark = [pytest.mark.browser, pytest.mark.lighthouse]

RUNS = int(os.environ.get("PLAYBOOK_LIGHTHOUSE_RUNS", "3"))
EXTRA_RUNS = 2  # for a page whose median of RUNS is below the performance gate
SAMPLE = ["/", "/back-of-envelope/", "/conventions/", "/calculators/", "/glossary/"]
LIMITS = json.loads((ROOT / "tests" / "budgets.json").read_text(encoding="utf-8"))["lighthouse"]
MIN_SCORE = {"performance": LIMITS["performance_min"], "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# Pages whose loading speed is not gated (each with its reason in budgets.json); their accessibility,
# best practices and SEO still are.
SPEED_EXEMPT = LIMITS["performance_exempt"]


def pages_to_audit(html_pages: dict[str, str], full: bool) -> list[str]:
    if full:
        return list(html_pages)
    sample = [p for p in SAMPLE if p in html_pages]
    assert {"/", "/back-of-envelope/", "/conventions/"} <= set(sample), sample
    return sample


@pytest.fixture(scope="module")
def lighthouse_results(html_pages: dict[str, str], served_site: str, full_run: bool, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("lighthouse")
    paths = pages_to_audit(html_pages, full_run)
    results = []
    for path in paths:
        r = lighthouse.audit_page(served_site + path, RUNS, workdir)
        perf = r.median("performance")
        if path not in SPEED_EXEMPT and perf is not None and perf < MIN_SCORE["performance"]:
            # Below the gate on 3 runs: 2 more, and the gate reads the median of 5, the aggregate Lighthouse's
            # variability guide recommends ("twice as stable as 1 run"). The report shows every run.
            r = lighthouse.audit_page(served_site + path, EXTRA_RUNS, workdir, result=r)
        results.append(r)
    for r in results:
        r.url = r.url.removeprefix(served_site)
    REPORTS[f"Lighthouse, median of {RUNS} ({'every page' if full_run else 'sample'})"] = lighthouse.table(results)
    return results


def test_lighthouse_ran_every_selected_page(lighthouse_results, html_pages, full_run) -> None:
    assert [r.url for r in lighthouse_results] == pages_to_audit(html_pages, full_run)
    broken = {r.url: r.errors for r in lighthouse_results if r.errors or len(r.runs) not in (RUNS, RUNS + EXTRA_RUNS)}
    assert not broken, broken


@pytest.mark.parametrize("category", list(MIN_SCORE))
def test_lighthouse_category_meets_its_minimum_on_every_page(lighthouse_results, category: str) -> None:
    low = {
        r.url: (r.median(category), r.failing_audits.get(category, []))
        for r in lighthouse_results
        if not (category == "performance" and r.url in SPEED_EXEMPT)
        and (r.median(category) is None or r.median(category) < MIN_SCORE[category])
    }
    assert not low, f"{category} below {MIN_SCORE[category]} (median score, audits below 1):\n" + "\n".join(
        f"  {url}: {score} {audits}" for url, (score, audits) in low.items()
    )


def test_every_run_used_the_calibrated_cpu_slowdown(lighthouse_results) -> None:
    """Each run's multiplier (read back from its report) is Lighthouse's default or a calibrated lower one."""
    fixed = lighthouse.fixed_cpu_slowdown()
    odd = {}
    for r in lighthouse_results:
        assert len(r.cpu_slowdown) == len(r.runs) == len(r.benchmark_index), r.url
        for used in r.cpu_slowdown:
            if (fixed is not None and used != fixed) or (fixed is None and not 1 <= used <= 4):
                odd[r.url] = r.cpu_slowdown
        if fixed is None:
            # each multiplier is the calibration of the host index it was chosen from (a median of recent runs)
            for host, used in zip(r.calibrated_with, r.cpu_slowdown, strict=True):
                if host is None or used != lighthouse.cpu_slowdown(host):
                    odd[r.url] = (r.calibrated_with, r.cpu_slowdown)
    assert not odd, odd


def test_the_performance_gate_is_not_below_the_target() -> None:
    """0.98 is what the site promises (gate 1); lowering it in budgets.json is a decision this test makes visible."""
    assert 0.98 <= LIMITS["performance_min"] <= 1.0


def test_speed_exemptions_are_few_and_explained(html_pages: dict[str, str]) -> None:
    assert len(SPEED_EXEMPT) <= 1
    for path, reason in SPEED_EXEMPT.items():
        assert path in html_pages and len(reason.split()) >= 12, path


def test_no_layout_shift_and_a_fast_first_paint_on_every_page(lighthouse_results) -> None:
    bad = {}
    for r in lighthouse_results:
        if r.url in SPEED_EXEMPT:
            continue
        cls = r.median_metric("cumulative-layout-shift")
        fcp = r.median_metric("first-contentful-paint")
        if cls is None or cls > LIMITS["max_cumulative_layout_shift"]:
            bad[r.url] = f"cumulative layout shift {cls}"
        elif fcp is None or fcp > LIMITS["max_first_contentful_paint_ms"]:
            bad[r.url] = f"first contentful paint {fcp} ms"
    assert not bad, bad
