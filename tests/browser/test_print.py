"""/print/ as Chromium prints it: a PDF of sane length holding every chapter, and a print layout that
shows only the text, in the light palette, with external addresses spelled out."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

# How many characters of article text one printed A4 sheet holds, at most and at least. A sheet of plain
# prose at Material's print size holds about 4,000; tables, diagrams, call-outs kept whole and a new
# sheet per chapter lower the average (about 1,900 when this was written: 610,000 characters, 314 sheets).
# Fewer sheets than text / MOST means text was lost or clipped; more than text / LEAST, blank sheets.
MOST_CHARS_PER_SHEET = 4_000
LEAST_CHARS_PER_SHEET = 800


@dataclass
class Printed:
    pages: int
    text: str
    seconds: float
    article_chars: int
    sections: int


def _written_chapters() -> list[dict]:
    chapters = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))["chapters"]
    return [c for c in sorted(chapters, key=lambda c: c["number"]) if (ROOT / "docs" / f"{c['slug']}.md").exists()]


@pytest.fixture(scope="module")
def printed(browser: Browser, served_site: str, site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """/print/ printed to PDF by Chromium (with a dark-mode preference, which print must ignore)."""
    context = browser.new_context(base_url=served_site, color_scheme="dark")
    page = context.new_page()
    out = tmp_path_factory.mktemp("pdf") / "playbook.pdf"
    start = time.monotonic()
    page.goto("/print/", wait_until="networkidle")
    page.pdf(path=str(out), format="A4", print_background=True)
    seconds = time.monotonic() - start
    context.close()
    reader = PdfReader(out)
    # NFKC: a font's ligatures come out of the PDF as one character ("ﬀ" in "Tradeoﬀs"); compare letters
    text = unicodedata.normalize("NFKC", " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split()))
    soup = BeautifulSoup((site_dir / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    return Printed(
        pages=len(reader.pages),
        text=text,
        seconds=seconds,
        article_chars=len(" ".join(article.get_text(" ").split())),
        sections=len(article.select("section.pb-print-chapter")),
    )


def test_pdf_page_count_fits_the_amount_of_text(printed: Printed) -> None:
    low = max(printed.sections + 1, printed.article_chars // MOST_CHARS_PER_SHEET)
    high = printed.article_chars // LEAST_CHARS_PER_SHEET
    print(f"\n/print/ → {printed.pages} A4 pages in {printed.seconds:.1f} s ({printed.article_chars} characters)")
    assert low <= printed.pages <= high, (printed.pages, low, high)


def test_pdf_renders_in_reasonable_time(printed: Printed) -> None:
    assert printed.seconds < 180, printed.seconds


def test_every_chapter_title_is_in_the_pdf_text(printed: Printed) -> None:
    titles = [f"{c['number']} {c['title']}" for c in _written_chapters()]
    missing = [title for title in titles if title not in printed.text]
    assert not missing, missing


def test_pdf_has_no_site_chrome(printed: Printed) -> None:
    assert "Copy a Markdown citation" not in printed.text
    assert "Made with Material for MkDocs" not in printed.text
    assert not re.search(r"\bSearch\b\s+Initializing search", printed.text)


@pytest.fixture()
def print_view(browser: Browser, served_site: str) -> Iterator[Page]:
    """/print/ laid out for print, by a reader whose system prefers dark mode."""
    context = browser.new_context(base_url=served_site, color_scheme="dark", viewport={"width": 1000, "height": 1400})
    page = context.new_page()
    page.emulate_media(media="print", color_scheme="dark")
    page.goto("/print/", wait_until="networkidle")
    yield page
    context.close()


def test_print_forces_the_light_palette_and_the_light_diagrams(print_view: Page) -> None:
    expect(print_view.locator("body")).to_have_attribute("data-md-color-scheme", "slate")  # dark on screen …
    assert print_view.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    light = print_view.locator("article img[src*='.light.svg']")
    dark = print_view.locator("article img[src*='.dark.svg']")
    assert light.count() > 5 and light.count() == dark.count()
    assert light.first.is_visible() and not dark.first.is_visible()
    loaded = light.evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
    assert loaded, "a printed diagram did not load"


def test_print_hides_navigation_search_footer_and_buttons(print_view: Page) -> None:
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".md-path"):
        assert not print_view.locator(selector).first.is_visible(), selector
    buttons = print_view.locator("article .pb-cite")
    assert buttons.count() > 0  # the page has them …
    assert not buttons.first.is_visible()  # … and print hides them


def test_print_spells_out_external_addresses_only(print_view: Page) -> None:
    external = print_view.locator("article a[data-pb-url]").first
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert after.startswith('" (https://') and after.endswith(')"'), after
    internal = print_view.locator("article a[href*='#back-of-envelope']").first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")


def test_each_chapter_starts_a_new_sheet_and_blocks_stay_whole(print_view: Page) -> None:
    breaks = print_view.locator("section.pb-print-chapter").evaluate_all(
        "els => els.map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    for selector in ("article .admonition", "article table", "article img"):
        assert print_view.locator(selector).first.evaluate("e => getComputedStyle(e).breakInside") == "avoid", selector
