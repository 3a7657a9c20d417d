"""The page's start-up changes nothing that restyles the whole page once the body is there.

Material's bundle, as it starts, marks <html> ("js", the focus-visible polyfill) and makes every relative
URL absolute (instant navigation). Done once the body exists, each of these makes the browser check the
style of every element again. The head script (overrides/partials/javascripts/head.html) does the head's
part before the body exists, and the script loader (hooks/script_loader.py) does the body's URLs two frames
before the scripts, so the bundle finds nothing left to change.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


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
    scripts (the links' restyle is then a task of its own), with the rule the head script defined and used on
    the head, so instant navigation's start changes none."""
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
    assert page.evaluate("window.__pb_absolute") is None, "the loader did not call the head script's rule"
    relative = page.evaluate(
        """() => [...document.querySelectorAll('[href],[src]')].filter((el) => ['href', 'src'].some((k) => {
             const v = el.getAttribute(k); return v && !/^(?:[a-z]+:)?\\/\\//i.test(v); })).length"""
    )
    assert relative == 0
