"""Gate 2: axe-core finds no violation on any page, in the light and the dark palette.

Every page of the built site (short-link redirects aside) and the 404 page, each in both palettes, with
every axe rule that axe-core runs by default (WCAG A/AA and best practices); the search dialog is checked
open, with results, once per palette. axe-core comes from node_modules (pinned in package-lock.json).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import NOT_FOUND_PATH, ROOT

pytestmark = pytest.mark.browser

AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}


def axe_source() -> str:
    assert AXE_JS.is_file(), f"{AXE_JS} is missing: run 'make test' (it runs npm ci) or 'npm ci'"
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: Page, context: str = "document") -> list[dict]:
    """The violations axe-core reports for the page as it is now (a short form, for the failure message)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    return page.evaluate(
        """async (ctx) => {
            const result = await axe.run(ctx === 'document' ? document : ctx, {resultTypes: ['violations']});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n')[1]),
            }));
        }""",
        context,
    )


def _scheme(page: Page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)  # the palette follows the system preference by default
    # /print/ (the whole playbook, ~19,000 elements) needs seconds to restyle after a switch under load
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[scheme], timeout=30_000)


@pytest.fixture(scope="module")
def axe_page(browser: Browser, served_site: str):
    context = browser.new_context(base_url=served_site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def _all_pages(html_pages: dict[str, str]) -> list[str]:
    return [*html_pages, NOT_FOUND_PATH]


def test_axe_finds_no_violation_on_any_page_in_either_palette(axe_page: Page, html_pages: dict[str, str]) -> None:
    found = {}
    pages = _all_pages(html_pages)
    for path in pages:
        response = axe_page.goto(path, wait_until="load")
        assert response is not None and response.status == (404 if path == NOT_FOUND_PATH else 200), path
        for scheme in SCHEMES:
            _scheme(axe_page, scheme)
            violations = run_axe(axe_page)
            if violations:
                found[f"{path} ({scheme})"] = violations
    assert len(pages) >= 3
    assert not found, "axe-core violations:\n" + "\n".join(f"{k}: {v}" for k, v in found.items())


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violation_with_the_search_dialog_open(axe_page: Page, scheme: str) -> None:
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.goto("/")
    _scheme(axe_page, scheme)
    box = axe_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("latency", delay=20)
    expect(axe_page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    expect(axe_page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", "Search")
    violations = run_axe(axe_page)
    assert not violations, violations


def test_axe_runs_and_would_report_a_violation(browser: Browser, served_site: str) -> None:
    """The gate can fail: a nameless dialog and low-contrast text added to a page are reported."""
    context = browser.new_context(base_url=served_site, viewport={"width": 1280, "height": 900})
    axe_page = context.new_page()
    axe_page.goto("/conventions/")
    axe_page.evaluate(
        """() => {
            const d = document.createElement('div'); d.setAttribute('role', 'dialog'); d.textContent = 'x';
            const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#eeeeee';
            document.querySelector('article').append(d, p);
        }"""
    )
    ids = {v["id"] for v in run_axe(axe_page)}
    context.close()
    assert {"aria-dialog-name", "color-contrast"} <= ids, ids


def test_axe_source_is_pinned() -> None:
    lock = Path(ROOT / "package-lock.json").read_text(encoding="utf-8")
    assert '"node_modules/axe-core"' in lock
