"""Short links land on their section; the citation button copies a ready-to-paste reference."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("short", "landing"),
    [("/s/5.4/", "/back-of-envelope/#availability-in-numbers"), ("/s/5/", "/back-of-envelope/")],
)
def test_short_link_lands_on_the_section(page: Page, short: str, landing: str) -> None:
    page.goto(short)
    page.wait_for_url(f"**{landing}")
    if "#" in landing:
        target = page.locator(f"#{landing.split('#')[1]}")
        expect(target).to_be_in_viewport()


def test_short_link_page_has_canonical_and_visible_link(short_links: dict[str, str]) -> None:
    html = short_links["/s/5.4/"]
    assert 'rel="canonical" href="https://' in html and "back-of-envelope/#availability-in-numbers" in html
    assert '<a href="../../back-of-envelope/#availability-in-numbers">§5.4 Availability in numbers</a>' in html


def _context_page(browser: Browser, served_site: str) -> Page:
    context = browser.new_context(base_url=served_site)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    return context.new_page()


def test_citation_button_copies_markdown_by_keyboard_and_announces(browser: Browser, served_site: str) -> None:
    page = _context_page(browser, served_site)
    page.goto("/back-of-envelope/")
    button = page.locator("#availability-in-numbers .pb-cite")
    expect(button).to_have_attribute("aria-label", "Copy a Markdown citation of §5.4 Availability in numbers")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#pb-announce")).to_have_text("Copied citation: §5.4 Availability in numbers")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        "[§5.4 Availability in numbers]"
        "(https://system-design-playbook.github.io/playbook/back-of-envelope/#availability-in-numbers)"
    )
    page.context.close()


def test_citation_buttons_survive_instant_navigation(browser: Browser, served_site: str) -> None:
    page = _context_page(browser, served_site)
    page.goto("/")
    page.locator("nav.md-nav--primary a[href$='back-of-envelope/']").first.click()
    page.wait_for_url("**/back-of-envelope/")
    expect(page.locator("#latency-numbers .pb-cite")).to_have_count(1)
    assert page.locator("article h2 .pb-cite").count() == page.locator("article h2").count()
    page.context.close()
