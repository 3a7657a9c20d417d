"""Flashcards flip by keyboard, on a fresh load and after instant navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _flip_first_card_by_keyboard(page: Page) -> None:
    card = page.locator("li.pb-card").first
    back = card.locator(".pb-card__back")
    expect(back).to_be_hidden()
    summary = card.locator("summary")
    summary.focus()
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    expect(back).to_be_visible()
    assert card.locator("details").evaluate("d => d.open")
    page.keyboard.press("Space")  # and back again
    expect(back).to_be_hidden()


def test_card_flips_by_keyboard(page: Page) -> None:
    page.goto("/flashcards/")
    _flip_first_card_by_keyboard(page)
    card = page.locator("#card-term-2pc")
    card.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(card.locator(".pb-card__back")).to_contain_text("Two-phase commit")
    assert not page.console_errors, page.console_errors


def test_tab_reaches_the_cards_in_order(page: Page) -> None:
    page.goto("/flashcards/")
    first = page.locator("li.pb-card summary").nth(0)
    second = page.locator("li.pb-card summary").nth(1)
    first.focus()
    page.keyboard.press("Tab")
    expect(second).to_be_focused()


def test_cards_work_after_instant_navigation(page: Page) -> None:
    page.goto("/")
    page.locator("nav.md-nav--primary a[href$='flashcards/']").first.click()
    page.wait_for_url("**/flashcards/")
    _flip_first_card_by_keyboard(page)
