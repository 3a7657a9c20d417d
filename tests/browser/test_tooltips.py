"""Content tooltips come from one delegated listener (playbook.js, hosts marked by hooks/tooltips.py), not from
one Material component per element; they look like Material's and behave as WCAG 1.4.13 asks."""

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
