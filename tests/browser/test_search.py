"""Search finds the jargon of system design, and never breaks on hostile input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

QUERIES: dict[str, list[str]] = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text("utf-8"))
REQUIRED_HIT_RATE = 0.95


def _results(page: Page, query: str) -> list[str]:
    """The first three sections a query finds in the site's own search box, as 'page/#id'.

    Material groups results by page, each group headed by a link to the page itself;
    the sections are the anchored links, in the order shown.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim() === 'Type to start searching'"
    )
    box.fill(query)  # one query, as if pasted: keystroke-by-keystroke answers could arrive out of order
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        "q => /matching document|No matching/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.querySelector('input.md-search__input').value === q",
        arg=query,
    )
    previous: list[str] = []
    for _ in range(20):  # the worker answers each keystroke: wait until the list stops changing
        page.wait_for_timeout(100)
        hrefs = page.evaluate("[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)")
        if hrefs == previous:
            break
        previous = hrefs
    sections = []
    for href in previous:
        path = re.sub(r"\?h=[^#]*", "", re.sub(r"^https?://[^/]+/", "", href))
        if "#" in path:
            sections.append(path)
    return sections[:3]


def test_search_quality_hit_rate(page: Page) -> None:
    page.goto("/")
    misses = []
    for query, targets in QUERIES.items():
        top = _results(page, query)
        if not any(t in top for t in targets):
            misses.append(f"{query!r}: expected one of {targets}, got {top}")
    rate = 1 - len(misses) / len(QUERIES)
    print(f"\nsearch quality: {len(QUERIES) - len(misses)}/{len(QUERIES)} queries hit ({rate:.1%})")
    for miss in misses:
        print("  miss:", miss)
    assert len(QUERIES) >= 50
    assert rate >= REQUIRED_HIT_RATE, f"hit rate {rate:.1%} below {REQUIRED_HIT_RATE:.0%}:\n" + "\n".join(misses)
    assert not page.console_errors, page.console_errors


HOSTILE = [
    "*", "~", "^", ":", "+", "-", '"', "a*b", "cache~", "^boost", "title:", "+must -not", '"unclosed',
    "R+W>N~2^3", "x" * 2000, "🙂🚀", "مرحبا بالعالم", "שלום", "<script>alert(1)</script>", "\\", "((()))",
]


def test_hostile_queries_give_results_or_no_results_without_errors(page: Page) -> None:
    page.goto("/")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("!/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)")
    for query in HOSTILE:
        box.click()
        box.fill(query)  # fill, not typing: a 2,000-character query typed key by key takes minutes
        box.press("End")
        page.wait_for_timeout(200)
        meta = page.locator(".md-search-result__meta").text_content() or ""
        assert re.search(r"No matching documents|matching document|Type to start searching", meta), (query, meta)
    assert not page.console_errors, page.console_errors
    assert page.evaluate("document.title")  # the page is still alive
