"""/print/ holds every chapter in order, as one valid page: unique ids, links that land, no search duplicates."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from hooks.print_page import prefixed, rewrite
from hooks.print_links import mark
from tests.conftest import ROOT


def _chapters() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))["chapters"]


@functools.cache
def _parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _print_soup(html_pages: dict[str, str]) -> BeautifulSoup:
    """The parsed /print/ page (parsed once: it is the whole playbook)."""
    assert "/print/" in html_pages, "docs/print.md exists, so /print/ must be built"
    return _parse(html_pages["/print/"])


def test_print_page_holds_every_written_chapter_in_order(html_pages: dict[str, str]) -> None:
    soup = _print_soup(html_pages)
    slugs = [s["data-pb-slug"] for s in soup.select("article section.pb-print-chapter")]
    written = [c["slug"] for c in sorted(_chapters(), key=lambda c: c["number"]) if (ROOT / "docs" / f"{c['slug']}.md").exists()]
    assert slugs[: len(written)] == written
    for chapter in _chapters():
        if chapter["slug"] in written:
            h1 = soup.select_one(f"section[data-pb-slug='{chapter['slug']}'] h1")
            assert h1 is not None and h1.get("id") == chapter["slug"]
            assert " ".join(h1.get_text("").split()).startswith(f"{chapter['number']} {chapter['title']}")


def test_print_page_ids_are_unique(html_pages: dict[str, str]) -> None:
    ids = Counter(tag["id"] for tag in _print_soup(html_pages).find_all(id=True))
    assert ids, "no ids at all"
    assert not [i for i, n in ids.items() if n > 1], [i for i, n in ids.items() if n > 1][:20]


def test_print_page_in_page_links_and_label_targets_resolve(html_pages: dict[str, str]) -> None:
    soup = _print_soup(html_pages)
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    article = soup.select_one("article")
    fragments = [a["href"][1:] for a in article.select("a[href^='#']") if len(a["href"]) > 1]
    assert len(fragments) > 100, "chapters link to each other a lot; the print page must keep those links"
    broken = sorted({f for f in fragments if f not in ids})
    assert not broken, broken[:20]
    labels = [label["for"] for label in article.select("label[for]")]
    assert not [f for f in labels if f not in ids]


def test_links_between_chapters_become_in_page_links(html_pages: dict[str, str]) -> None:
    article = _print_soup(html_pages).select_one("article")
    chapter_page = re.compile(r"^\.\./(" + "|".join(c["slug"] for c in _chapters()) + r")/")
    to_chapter_pages = [a["href"] for a in article.select("a[href]") if chapter_page.match(a["href"])]
    assert not to_chapter_pages, to_chapter_pages[:10]


def test_print_page_is_not_in_the_search_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("caching/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith("print/")]


def test_rewrite_prefixes_ids_and_turns_chapter_links_into_anchors() -> None:
    html = (
        '<h1 id="caching">12 Caching</h1><h2 id="eviction">x</h2><a href="#eviction">e</a>'
        '<sup id="fnref:1"><a href="#fn:1">1</a></sup><input id="__tabbed_1_1" name="__tabbed_1">'
        '<label for="__tabbed_1_1">t</label><a href="../databases/#pick">p</a><a href="../databases/">d</a>'
        '<a href="../glossary/#ttl">g</a><img src="../diagrams/a.svg#only-light">'
        '<a href="https://example.org/#x">ext</a><code>&lt;a href="#raw"&gt;</code>'
    )
    targets = {"/caching/": "caching", "/databases/": "databases"}
    out = rewrite("caching", "caching/", html, "print/", targets)
    assert '<h1 id="caching">' in out and 'id="caching--eviction"' in out and 'href="#caching--eviction"' in out
    assert 'href="#caching--fn:1"' in out and 'id="caching--fnref:1"' in out
    assert 'name="caching--__tabbed_1"' in out and 'for="caching--__tabbed_1_1"' in out
    assert 'href="#databases--pick"' in out and 'href="#databases"' in out
    assert 'href="../glossary/#ttl"' in out and 'src="../diagrams/a.svg#only-light"' in out
    assert 'href="https://example.org/#x"' in out and '&lt;a href="#raw"&gt;' in out
    assert prefixed("caching", "caching") == "caching"


def test_rewrite_handles_offline_file_urls() -> None:
    out = rewrite("caching", "caching.html", '<a href="databases.html#pick">p</a><a href="conventions.html">c</a>',
                  "print.html", {"/caching.html": "caching", "/databases.html": "databases"})
    assert 'href="#databases--pick"' in out and 'href="conventions.html"' in out


def test_external_links_are_marked_for_print_unless_their_text_is_the_address() -> None:
    out = mark('<a href="https://a.org/p">A paper</a> <a href="https://b.org/">https://b.org</a> <a href="#x">in</a>')
    assert 'data-pb-url="https://a.org/p"' in out
    assert out.count("data-pb-url") == 1


def test_print_page_lays_out_every_table_with_the_page(html_pages: dict[str, str]) -> None:
    """hooks/print_page.py: no table of the book is left to be drawn later (pb-table--below), while chapters have some."""
    printed = html_pages["/print/"]
    assert printed.count('class="pb-table"') > 100
    assert "pb-table--below" not in printed
    assert "pb-table--below" in html_pages["/interview-problems/"]
