"""Content tooltips come from one delegated listener (playbook.js, hosts marked by hooks/tooltips.py), not from
one Material component per element; they look like Material's and behave as WCAG 1.4.13 asks. And the page's
start-up changes nothing on <html> once the body is there (each such change restyles the whole page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TIP = "#pb-tooltip.md-tooltip2--active"
MATERIAL_TIPS = "document.querySelectorAll('[id^=\"__tooltip2_\"]').length"


def test_pointing_at_an_abbreviation_shows_one_tooltip_with_its_expansion(page: Page) -> None:
    page.goto("/caching/")
    abbr = page.locator("article abbr[data-preview]").first  # not [title]: it is lifted while the tip shows
    expansion = abbr.get_attribute("title")
    assert expansion
    abbr.hover()
    tip = page.locator(TIP)
    expect(tip).to_have_text(expansion)
    assert page.locator(".md-tooltip2").count() == 1
    assert page.evaluate(MATERIAL_TIPS) == 0, "Material mounted its own tooltip as well"
    # The browser's own tooltip is not shown on top: the title is lifted while ours shows.
    assert abbr.get_attribute("title") is None
    assert abbr.get_attribute("aria-describedby") == "pb-tooltip"
    host, box = abbr.bounding_box(), tip.locator(".md-tooltip2__inner").bounding_box()
    assert host and box
    assert box["y"] >= host["y"] + host["height"], (host, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box
    page.locator("article h1").hover()
    expect(page.locator(".md-tooltip2")).to_have_count(0)
    assert abbr.get_attribute("title") == expansion
    assert abbr.get_attribute("aria-describedby") is None
    assert not page.console_errors, page.console_errors


def test_a_focused_permalink_shows_its_tooltip_until_escape(page: Page) -> None:
    page.goto("/caching/")
    link = page.locator("article h2 .headerlink").first
    assert link.get_attribute("title") is None
    expect(link).to_have_accessible_name("Link to this section")
    link.focus()
    expect(page.locator(TIP)).to_have_text("Link to this section")
    # The tip repeats the link's name: no description that says it twice.
    assert link.get_attribute("aria-describedby") is None
    page.keyboard.press("Escape")
    expect(page.locator(".md-tooltip2")).to_have_count(0)


def test_the_glossary_mounts_no_tooltip_per_element(page: Page) -> None:
    """Hundreds of hosts, each with its tooltip on demand, and none of Material's."""
    page.goto("/glossary/")
    hosts = page.locator("article abbr[title][data-preview], article [data-pb-tip]")
    assert hosts.count() > 500
    assert page.locator("article [title]:not([data-preview])").count() < 10, "elements left for Material to mount"
    for i in (0, 1, 100, 400):  # 0 then 1: the second tooltip appears while the first still fades out
        host = hosts.nth(i)
        host.scroll_into_view_if_needed()
        host.hover()
        expect(page.locator(TIP)).to_have_count(1)
        assert page.locator("[id='pb-tooltip']").count() == 1, "two elements share the tooltip's id"
    assert page.evaluate(MATERIAL_TIPS) == 0


def test_a_citation_button_keeps_its_name_and_shows_its_tip(page: Page) -> None:
    page.goto("/caching/")
    button = page.locator("article h2 .pb-cite").first
    expect(button).to_be_enabled()
    name = button.get_attribute("aria-label")
    button.hover()
    expect(page.locator(TIP)).to_have_text("Copy a citation in Markdown")
    assert button.get_attribute("aria-label") == name
    assert button.get_attribute("aria-describedby") == "pb-tooltip"


def test_tooltips_work_after_instant_navigation(page: Page) -> None:
    page.goto("/caching/")
    page.locator("article a[href$='/databases/']").first.click()
    page.wait_for_url("**/databases/")
    abbr = page.locator("article abbr[data-preview]").first
    expansion = abbr.get_attribute("title")
    abbr.hover()
    expect(page.locator(TIP)).to_have_text(expansion or "")
    assert page.evaluate(MATERIAL_TIPS) == 0


def test_nothing_on_html_changes_once_the_body_is_there(page: Page) -> None:
    """Material's bundle swaps "no-js" for "js" and its focus-visible polyfill marks <html>; the head script
    does both first, so these later writes change nothing instead of restyling every element of the page."""
    page.add_init_script(
        """window.__htmlWrites = [];
           new MutationObserver((records) => {
             for (const r of records) {
               if (r.target !== document.documentElement) continue;
               window.__htmlWrites.push([r.attributeName, r.oldValue, document.body !== null]);
             }
           }).observe(document, {attributes: true, attributeOldValue: true, subtree: true,
                                 attributeFilter: ["class", "data-js-focus-visible"]});"""
    )
    page.goto("/glossary/")
    page.wait_for_function("document.readyState === 'complete'")
    writes = page.evaluate("window.__htmlWrites")
    final = page.evaluate("Object.fromEntries([...document.documentElement.attributes].map((a) => [a.name, a.value]))")
    assert {"js", "js-focus-visible"} <= set(final["class"].split()) and "no-js" not in final["class"].split()
    assert "data-js-focus-visible" in final
    # Each write's new value is the next write's old value (or the final value): list the writes that changed it.
    changes = []
    for i, (name, old, body) in enumerate(writes):
        new = next((w[1] for w in writes[i + 1:] if w[0] == name), final.get(name))
        if old != new:
            changes.append((name, old, new, body))
    assert any(not body for *_, body in changes), f"the head script changed nothing: {writes}"
    assert [c for c in changes if c[3] and c[0] in ("class", "data-js-focus-visible")] == []


def test_stylesheets_are_read_once(page: Page) -> None:
    """Instant navigation makes every relative URL of the page absolute as it starts; on a stylesheet's <link>
    that makes the browser parse the stylesheet again and restyle the whole page. The head script does it
    before the body exists, so the bundle finds nothing to change, and an instant navigation finds the same
    <link>s in the next page's head and keeps them."""
    page.add_init_script(
        """window.__sheetWrites = [];
           new MutationObserver((records) => {
             for (const r of records) {
               const body = document.body !== null;
               if (r.type === "attributes" && r.target.matches("link[rel=stylesheet]"))
                 window.__sheetWrites.push(["href", r.oldValue, r.target.getAttribute("href"), body]);
               for (const [what, nodes] of [["added", r.addedNodes], ["removed", r.removedNodes]])
                 for (const n of nodes)
                   if (n.nodeType === 1 && n.matches("link[rel=stylesheet]"))
                     window.__sheetWrites.push([what, null, n.getAttribute("href"), body]);
             }
           }).observe(document, {attributes: true, attributeOldValue: true, attributeFilter: ["href"],
                                 childList: true, subtree: true});"""
    )
    page.goto("/caching/")
    origin = page.evaluate("location.origin")
    sheets = "(els) => els.map((el) => el.getAttribute('href'))"
    hrefs = page.eval_on_selector_all("link[rel=stylesheet]", sheets)
    assert len(hrefs) >= 3 and all(h.startswith(origin + "/") for h in hrefs), hrefs
    writes = page.evaluate("window.__sheetWrites")
    resolved = [w for w in writes if w[0] == "href" and not w[3]]
    assert len(resolved) == len(hrefs) and all(not w[1].startswith(origin) for w in resolved), writes
    assert [w for w in writes if w[3]] == [], "a stylesheet <link> changed once the body was there"
    page.locator("article a[href$='/databases/']").first.click()
    page.wait_for_url("**/databases/")
    page.wait_for_function("document.querySelector('article h1')?.textContent.includes('atabase')")
    assert [w for w in page.evaluate("window.__sheetWrites") if w[3]] == [], "instant navigation swapped a stylesheet"
    assert page.eval_on_selector_all("link[rel=stylesheet]", sheets) == hrefs


def test_the_pages_urls_are_absolute_before_the_bundle_starts(page: Page) -> None:
    """hooks/script_loader.py: the loader makes the body's relative URLs absolute two frames before the
    scripts (the links' restyle is then a task of its own), so instant navigation's start changes none."""
    page.add_init_script(
        """window.__urlWrites = [];
           new MutationObserver((records) => {
             const bundle = !!document.querySelector("script[src*='bundle.']");
             for (const r of records)
               if (r.oldValue && !/^(?:[a-z]+:)?\\/\\//i.test(r.oldValue)
                   && r.oldValue !== r.target.getAttribute(r.attributeName)
                   && new URL(r.oldValue, document.baseURI).href === r.target.getAttribute(r.attributeName))
                 window.__urlWrites.push([r.target.tagName, r.attributeName, r.oldValue,
                                          r.target.getAttribute(r.attributeName), bundle]);
           }).observe(document, {attributes: true, attributeOldValue: true, attributeFilter: ["href", "src"],
                                 subtree: true});"""
    )
    page.goto("/glossary/")
    writes = page.evaluate("window.__urlWrites")
    origin = page.evaluate("location.origin")
    links = [w for w in writes if w[0] == "A"]
    assert len(links) > 500, len(links)  # the glossary's links, each made absolute once
    assert [w for w in writes if not (w[3] or "").startswith(origin + "/")] == []
    assert [w for w in writes if w[4]] == [], "URLs made absolute once the bundle was there"
    relative = page.evaluate(
        """() => [...document.querySelectorAll('[href],[src]')].filter((el) => ['href', 'src'].some((k) => {
             const v = el.getAttribute(k); return v && !/^(?:[a-z]+:)?\\/\\//i.test(v); })).length"""
    )
    assert relative == 0
