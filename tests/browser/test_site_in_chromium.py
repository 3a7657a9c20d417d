"""The built site in a real Chromium: it renders, searches, switches palettes, and stays local."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]


def test_chapter_page_renders_with_title_nav_and_tables(page: Page) -> None:
    page.goto("/back-of-envelope/")
    expect(page.locator("article h1")).to_contain_text("Back-of-envelope math")
    expect(page.locator("nav.md-nav--primary")).to_contain_text("Back-of-envelope math")
    assert page.locator("article table").count() >= 3
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("PACELC", "mental-models/?h=pacelc#pacelc"),
        ("sizing Twitter", "back-of-envelope/?h=sizing+twitter#twitter-sizing"),
    ],
)
def test_search_finds_a_section_by_its_jargon(page: Page, query: str, expected: str) -> None:
    page.goto("/")
    hrefs = _search(page, query)
    assert any(h.endswith(expected) for h in hrefs[:3]), hrefs


def test_palette_toggle_switches_between_light_and_dark(page: Page) -> None:
    page.emulate_media(color_scheme="light")
    page.goto("/back-of-envelope/")
    body = page.locator("body")
    start = body.get_attribute("data-md-color-scheme")
    assert start == "default"
    seen = {start}
    for _ in range(2):  # auto → light → dark cycle: at most two clicks to reach slate
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        seen.add(body.get_attribute("data-md-color-scheme"))
    assert "slate" in seen, seen
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.locator("body").get_attribute("data-md-color-scheme") != "slate" or bg != "rgb(255, 255, 255)"


def test_starting_a_page_recomputes_no_style_for_the_palette(page: Page) -> None:
    """Material sets and removes data-md-color-switching on <body> at every page load. No rule may select on it
    (hooks/palette_switch.py removes Material's): otherwise each change restyles every element of the page."""
    page.goto("/glossary/")
    selectors = page.evaluate(
        """() => [...document.styleSheets].flatMap((sheet) => {
             const walk = (rules) => [...rules].flatMap(
                 (r) => r.selectorText !== undefined ? [r.selectorText] : walk(r.cssRules || []));
             return walk(sheet.cssRules);
           })"""
    )
    assert len(selectors) > 1000, "the stylesheets did not load"
    assert not [s for s in selectors if "data-md-color-switching" in s]
    assert any("data-pb-switching" in s for s in selectors)


def test_a_palette_switch_recolours_at_once_then_transitions_return(page: Page) -> None:
    """While a reader switches palettes, no element fades on its own (transitions off for two frames)."""
    page.emulate_media(color_scheme="light")
    page.goto("/caching/")
    link = "document.querySelector('article a:not(.headerlink)')"
    assert page.evaluate(f"getComputedStyle({link}).transitionDuration") != "0s"
    during = page.evaluate(
        f"""() => {{
             document.querySelector("form[data-md-component='palette'] label:not([hidden])").click();
             const root = document.documentElement;
             return [root.hasAttribute("data-pb-switching"), getComputedStyle({link}).transitionDuration,
                     document.body.getAttribute("data-md-color-scheme")];
           }}"""
    )
    assert during[0] and during[1] == "0s", during
    page.wait_for_function("!document.documentElement.hasAttribute('data-pb-switching')", timeout=5_000)
    assert page.evaluate(f"getComputedStyle({link}).transitionDuration") != "0s"
    assert not page.console_errors, page.console_errors


def test_follows_the_system_dark_preference(page: Page) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto("/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"


def test_no_request_leaves_the_local_host(page: Page, html_pages: dict[str, str]) -> None:
    for path in html_pages:  # every page, loaded fresh
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.goto("/")
    for link in ("back-of-envelope/", "conventions/"):  # and an instant-navigation walk
        page.locator(f"nav.md-nav--primary a[href$='{link}']").first.click()
        page.wait_for_load_state("networkidle")
    _search(page, "latency")
    page.wait_for_load_state("networkidle")
    hosts = {urlparse(u).hostname for u in page.requests_seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(u for u in page.requests_seen if urlparse(u).hostname != "127.0.0.1")


@pytest.mark.parametrize(("scheme", "visible", "hidden"), [("light", "light", "dark"), ("dark", "dark", "light")])
def test_section_5_diagram_is_an_svg_in_each_palette(page: Page, scheme: str, visible: str, hidden: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto("/back-of-envelope/")
    shown = page.locator(f"img[src*='request-path-budget.{visible}.svg']")
    expect(shown).to_be_visible()
    expect(page.locator(f"img[src*='request-path-budget.{hidden}.svg']")).to_be_hidden()
    shown.scroll_into_view_if_needed()  # diagrams load lazily (hooks/diagram_images.py)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=shown.element_handle(), timeout=5_000)
    assert len(shown.get_attribute("alt") or "") > 40
    assert page.locator("script[src*='mermaid']").count() == 0
