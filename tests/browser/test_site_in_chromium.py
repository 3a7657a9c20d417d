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


@pytest.mark.parametrize("path", ["/back-of-envelope/", "/observability/"])
def test_tables_keep_their_place_in_their_own_div(page: Page, path: str) -> None:
    """hooks/table_wrap.py, playbook.css and playbook.js: tables below the first screen are skipped while the
    page loads and drawn one by one once it has started; Material's scrolling wrapper lands inside each
    table's <div class="pb-table">, which takes the wrapper's space above and below."""
    page.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => {
             window.__skipped = [...document.querySelectorAll("article .pb-table")].map((el) =>
               [el.classList.contains("pb-table--below"), getComputedStyle(el).contentVisibility]);
           });"""
    )
    page.goto(path)
    skipped = page.evaluate("window.__skipped")
    assert skipped[0] == [False, "visible"], "a table of the first screen is drawn in the first frame"
    assert [True, "auto"] in skipped and all(v == ("auto" if below else "visible") for below, v in skipped)
    page.wait_for_function("!document.querySelector('.pb-table--below')", timeout=5_000)
    boxes = page.eval_on_selector_all(
        "article table",
        """(tables) => tables.map((t) => {
             const div = t.closest(".pb-table"), wrap = t.closest(".md-typeset__scrollwrap");
             if (!div || !wrap || wrap.parentElement !== div) return null;
             const [d, w] = [div, wrap].map((el) => el.getBoundingClientRect());
             return {top: Math.abs(d.top - w.top), height: Math.abs(d.height - w.height),
                     margins: getComputedStyle(wrap).marginTop + " " + getComputedStyle(wrap).marginBottom,
                     space: parseFloat(getComputedStyle(div).marginTop) > 0,
                     visibility: getComputedStyle(div).contentVisibility}; })""",
    )
    assert len(boxes) >= 3 and None not in boxes
    for box in boxes:
        assert box["top"] < 0.5 and box["height"] < 0.5 and box["margins"] == "0px 0px" and box["space"], box
        assert box["visibility"] == "visible", box


def test_code_blocks_get_their_copy_button_as_they_come_into_view(page: Page) -> None:
    """content.lazy (mkdocs.yml): Material sets up each code block when it first comes into view. A block far
    down has no copy button when the page has started, gets one once scrolled to, and its <nav> is no
    landmark (playbook.js), like those set up at the start; the button copies the block."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/interview-problems/")
    blocks = page.locator("article .highlight")
    last = blocks.nth(blocks.count() - 1)
    assert blocks.count() >= 10
    assert last.locator(".md-code__button").count() == 0, "a block far down is set up only when it is reached"
    last.scroll_into_view_if_needed()
    expect(last.locator("nav.md-code__nav .md-code__button")).to_have_count(1)
    for i in range(blocks.count()):
        blocks.nth(i).scroll_into_view_if_needed()
    expect(page.locator("article nav.md-code__nav")).to_have_count(blocks.count())
    assert page.locator("article nav.md-code__nav:not([role='none'])").count() == 0
    last.hover()
    last.locator(".md-code__button").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.split()[0] in last.inner_text()
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
        page.locator("form[data-pb-palette] label:visible").first.click()
        seen.add(body.get_attribute("data-md-color-scheme"))
    assert "slate" in seen, seen
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert page.locator("body").get_attribute("data-md-color-scheme") != "slate" or bg != "rgb(255, 255, 255)"


def test_a_palette_switch_recolours_at_once_then_transitions_return(page: Page) -> None:
    """While a reader switches palettes, no element fades on its own (transitions off for two frames)."""
    page.emulate_media(color_scheme="light")
    page.goto("/caching/")
    link = "document.querySelector('article a:not(.headerlink)')"
    assert page.evaluate(f"getComputedStyle({link}).transitionDuration") != "0s"
    during = page.evaluate(
        f"""() => {{
             document.querySelector("form[data-pb-palette] label:not([hidden])").click();
             const root = document.documentElement;
             return [root.hasAttribute("data-pb-switching"), getComputedStyle({link}).transitionDuration,
                     document.body.getAttribute("data-md-color-scheme")];
           }}"""
    )
    assert during[0] and during[1] == "0s", during
    page.wait_for_function("!document.documentElement.hasAttribute('data-pb-switching')", timeout=5_000)
    assert page.evaluate(f"getComputedStyle({link}).transitionDuration") != "0s"
    assert not page.console_errors, page.console_errors


# When Material's bundle is added to the page, and every largest-contentful-paint candidate until then.
RECORD_START = """
window.pbStart = { lcp: [] };
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.pbStart.lcp.push(e.startTime); })
  .observe({ type: "largest-contentful-paint", buffered: true });
new MutationObserver(() => {
  if (!window.pbStart.bundle && document.querySelector("head > script[src*='bundle.']")) {
    window.pbStart.bundle = performance.now();
    window.pbStart.parsed = document.readyState !== "loading";
    window.pbStart.text = !!document.querySelector("article h1");
  }
}).observe(document, { childList: true, subtree: true });
"""


@pytest.mark.parametrize("path", ["/glossary/", "/interview-problems/", "/mindset/"])
def test_scripts_start_after_the_text_is_painted(browser, served_site: str, path: str) -> None:
    """hooks/script_loader.py: no script of the page's end runs before the text is on the screen (so neither
    a reader nor Lighthouse waits for them), and they still start, in order, once it is."""
    context = browser.new_context(base_url=served_site, viewport={"width": 412, "height": 823}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(RECORD_START)
    page.goto(path)
    start = page.evaluate("window.pbStart")
    assert start["parsed"] and start["text"], start
    assert start["lcp"] and max(start["lcp"]) < start["bundle"], start
    srcs = page.evaluate("[...document.head.querySelectorAll('script[src]')].map((s) => s.src.split('/').pop())")
    assert [s.split(".")[0] for s in srcs] == ["search-typos", "bundle", "playbook"], srcs
    assert page.evaluate("typeof document$.subscribe") == "function"
    assert page.evaluate("!!document.querySelector('.md-search__form')")
    context.close()


# Every change of a data-md-color-* attribute of <body>, and whether the article had been read by then.
RECORD_PALETTE = """
window.pbPaletteChanges = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target === document.body && r.attributeName.startsWith("data-md-color-")) {
      window.pbPaletteChanges.push([r.attributeName, document.body.getAttribute(r.attributeName),
                                    !!document.querySelector("article")]);
    }
  }
}).observe(document, { attributes: true, subtree: true });
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_is_set_before_the_article_is_read(browser, served_site: str, scheme: str) -> None:
    """The palette switch runs just after the header is read (partials/javascripts/palette-switch.html), not
    from Material's bundle: no body attribute changes once the article is there (data-md-color-switching
    included, which Material's stylesheet selects on), on a first visit or with a saved palette."""
    context = browser.new_context(base_url=served_site, color_scheme=scheme)
    page = context.new_page()
    page.add_init_script(RECORD_PALETTE)
    expected = "slate" if scheme == "dark" else "default"
    for visit in ("first", "saved"):
        page.goto("/caching/")
        changes = page.evaluate("window.pbPaletteChanges")
        assert not [c for c in changes if c[2]], f"{visit} visit: the palette changed after the article was read"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected, visit
        assert page.evaluate("!!localStorage.length"), "the palette is saved where Material keeps it"
    assert page.evaluate("document.querySelector('[data-md-component=palette]')") is None
    metas = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map((m) => m.content)")
    assert metas == [scheme], "one color-scheme meta, in step with the palette (Material adds none)"
    theme = page.evaluate("document.querySelector('meta[name=theme-color]').content")
    header = page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
    assert header == "rgb({}, {}, {})".format(*(int(theme[i:i + 2], 16) for i in (1, 3, 5))), (theme, header)
    context.close()


def test_the_palette_switch_works_from_the_keyboard_and_follows_the_system(page: Page) -> None:
    page.emulate_media(color_scheme="light")
    page.goto("/caching/")
    scheme = "document.body.dataset.mdColorScheme"
    visible = "[...document.querySelectorAll('form[data-pb-palette] label')].findIndex((l) => !l.hidden)"
    assert page.evaluate(visible) == 0  # automatic: its label switches to light
    page.emulate_media(color_scheme="dark")  # automatic follows the system
    page.wait_for_function(f"{scheme} === 'slate'")
    page.emulate_media(color_scheme="light")
    page.wait_for_function(f"{scheme} === 'default'")
    page.focus("#__palette_0")
    page.keyboard.press("Enter")  # to the fixed light palette
    assert page.evaluate(visible) == 1
    page.keyboard.press("Enter")  # to the fixed dark palette
    assert page.evaluate(f"[{scheme}, {visible}, document.activeElement.id]") == ["slate", 2, "__palette_2"]
    page.emulate_media(color_scheme="light")  # a fixed palette stays
    page.wait_for_timeout(200)
    assert page.evaluate(scheme) == "slate"
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    page.goto("/mindset/")  # and is kept on the next page
    assert page.evaluate(scheme) == "slate"
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
