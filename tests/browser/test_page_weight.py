"""Gates 3 and 5: no request leaves 127.0.0.1, and every page's first visit stays within its budget.

Every page (short-link redirects aside) is opened in a fresh browser context (empty cache) with
Lighthouse's mobile viewport, served with gzip; every request the page, its workers and its images make
is recorded with the bytes it transferred (headers and gzip body). Budgets are in tests/budgets.json.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT
from tests.reporting import REPORTS

pytestmark = pytest.mark.browser

BUDGETS = json.loads((ROOT / "tests" / "budgets.json").read_text(encoding="utf-8"))
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
MERMAID = re.compile(r"mermaid", re.I)
# The calculators' script loads only where a calculator is; their styles (about 1.3 KiB gzip, in
# playbook.css) are on every page, so that a calculator reached by instant navigation is styled before it is shown.
CALCULATOR_CODE = re.compile(r"/calculators?(?:[.-][\w.-]*)?\.(?:js|mjs)(?:$|\?)")
HAS_CALCULATOR = re.compile(r"<form\b[^>]*\bdata-calc=")


@dataclass
class Visit:
    path: str
    requests: list[tuple[str, str, int]] = field(default_factory=list)  # (url, resource type, bytes)
    html_bytes: int = 0  # the page's own HTML as transferred (gzip)
    html_raw: int = 0  # the page's own HTML file

    @property
    def total(self) -> int:
        return sum(size for _, _, size in self.requests)


def first_visit(browser: Browser, base: str, path: str, raw_size: int) -> Visit:
    context = browser.new_context(base_url=base, color_scheme="light", **MOBILE)
    page = context.new_page()
    seen = []  # every request of the page, its frames and its workers
    context.on("request", lambda r: seen.append(r))
    response = page.goto(path, wait_until="load")
    assert response is not None and response.ok, path
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.mermaid") == "undefined", f"{path}: Mermaid's JavaScript ran"
    visit = Visit(path, html_raw=raw_size)
    for request in seen:
        if request.url.startswith(("data:", "blob:")):
            continue
        size = body = 0
        if request.failure is None and request.response() is not None:
            sizes = request.sizes()
            body, size = sizes["responseBodySize"], sizes["responseBodySize"] + sizes["responseHeadersSize"]
        visit.requests.append((request.url, request.resource_type, size))
        if request.url == response.url:
            visit.html_bytes = body
    context.close()
    return visit


@pytest.fixture(scope="module")
def visits(browser: Browser, served_site: str, html_pages: dict[str, str], site_dir) -> dict[str, Visit]:
    result = {}
    for path in html_pages:
        raw = (site_dir / path.strip("/") / "index.html").stat().st_size
        result[path] = first_visit(browser, served_site, path, raw)
    totals = [v.total for v in result.values()]
    lines = [
        "| page | first visit (B) | HTML gzip (B) | HTML raw (B) | requests | budget (B) |",
        "|---|---|---|---|---|---|",
    ]
    for path, v in sorted(result.items(), key=lambda kv: -kv[1].total):
        lines.append(
            f"| {path} | {v.total:,} | {v.html_bytes:,} | {v.html_raw:,} | {len(v.requests)} | {budget_for(path):,} |"
        )
    lines.append(f"median {statistics.median(totals):,.0f} B, max {max(totals):,} B over {len(totals)} pages")
    REPORTS["First-visit transfer per page (gzip, empty cache, mobile viewport)"] = "\n".join(lines)
    return result


def budget_for(path: str) -> int:
    return BUDGETS["first_visit_bytes"]["pages"].get(path, BUDGETS["first_visit_bytes"]["default"])


def test_budgets_are_within_the_ceiling() -> None:
    """No budget may exceed the default Material first visit plus 10 % (see tests/budgets.json)."""
    ceiling = BUDGETS["ceiling_bytes"]
    assert ceiling <= round(BUDGETS["reference"]["default_material_first_visit_bytes"] * 1.10)
    fv = BUDGETS["first_visit_bytes"]
    assert fv["default"] <= ceiling
    assert all(v <= ceiling for v in fv["pages"].values()), fv["pages"]


def test_every_page_was_measured(visits: dict[str, Visit], html_pages: dict[str, str]) -> None:
    assert visits.keys() == html_pages.keys()
    assert all(v.html_bytes > 0 and v.total > v.html_bytes for v in visits.values()), {
        p: (v.html_bytes, v.total) for p, v in visits.items()
    }


def test_no_request_leaves_127_0_0_1(visits: dict[str, Visit]) -> None:
    outside = {p: [u for u, _, _ in v.requests if urlparse(u).hostname != "127.0.0.1"] for p, v in visits.items()}
    outside = {p: u for p, u in outside.items() if u}
    assert not outside, outside


EXEMPT = BUDGETS["first_visit_bytes"].get("exempt", {})


def test_exemptions_are_few_and_explained(html_pages: dict[str, str]) -> None:
    assert set(EXEMPT) <= {"/print/"}, "only the whole-book print page may be exempt from the budget"
    assert all(path in html_pages and len(reason) > 40 for path, reason in EXEMPT.items()), EXEMPT


def test_first_visit_fits_the_budget(visits: dict[str, Visit]) -> None:
    over = {p: (v.total, budget_for(p)) for p, v in visits.items() if v.total > budget_for(p) and p not in EXEMPT}
    assert not over, "first visit over budget (bytes, budget): " + json.dumps(over)


def test_no_page_loads_mermaid_javascript(visits: dict[str, Visit]) -> None:
    loaded = {p: [u for u, kind, _ in v.requests if kind == "script" and MERMAID.search(u)] for p, v in visits.items()}
    assert not {p: u for p, u in loaded.items() if u}


def test_calculator_code_loads_only_where_there_is_a_calculator(visits: dict[str, Visit], html_pages) -> None:
    wrong = {}
    for path, v in visits.items():
        calc_requests = [u for u, _, _ in v.requests if CALCULATOR_CODE.search(urlparse(u).path)]
        if calc_requests and not HAS_CALCULATOR.search(html_pages[path]):
            wrong[path] = calc_requests
    assert not wrong, wrong


def test_the_search_index_is_not_part_of_a_first_visit(visits: dict[str, Visit]) -> None:
    """Material fetches search/search_index.json on load; overrides/partials/search-on-demand.html defers it."""
    fetched = [p for p, v in visits.items() if any("search_index.json" in u for u, _, _ in v.requests)]
    assert not fetched, fetched


def test_instant_navigation_across_every_chapter_stays_local(page: Page, html_pages: dict[str, str]) -> None:
    """Gate 3, the walk: one page load, then every page of the navigation by instant navigation, then search."""
    page.goto("/")
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = {h for h in links.evaluate_all("els => els.map(a => a.getAttribute('href'))") if h and "#" not in h}
    assert len(hrefs) >= len(html_pages) - 5, hrefs
    for href in sorted(hrefs):
        page.locator(f"nav.md-nav--primary a.md-nav__link[href='{href}']").first.dispatch_event("click")
        page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("latency", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    seen = [u for u in page.requests_seen if not u.startswith(("data:", "blob:"))]
    assert any("search_index.json" in u for u in seen), "the walk never loaded the search index"
    fetched_pages = sum(1 for u in seen if urlparse(u).path.endswith("/"))
    assert fetched_pages >= len(hrefs) // 2, "instant navigation fetched no page"
    outside = sorted({u for u in seen if urlparse(u).hostname != "127.0.0.1"})
    assert not outside, outside
