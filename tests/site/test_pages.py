"""Checks over every page of the built site."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

LOCAL_HOSTS = {"", "127.0.0.1", "localhost"}
# What a macro must never leave in a page: unrendered Jinja, Python's None, float specials, e-notation.
BAD_NUMBER = re.compile(r"\b(?:nan|NaN|inf|Infinity|None)\b|\d(?:\.\d+)?e[+-]\d+\b|(?<![\d./])\d\.\d{7,}(?![\d\s\u00a0]*%)")


def _main_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for code in article.select("pre, code"):
        code.decompose()
    return article.get_text(" ")


def test_site_has_the_expected_pages(html_pages: dict[str, str]) -> None:
    assert {"/", "/back-of-envelope/", "/conventions/"} <= html_pages.keys()


def test_no_unrendered_template_syntax(html_pages: dict[str, str]) -> None:
    leftovers = {url: m.group(0) for url, html in html_pages.items() if (m := re.search(r"\{\{|\{%|%\}|\}\}", _main_text(html)))}
    assert not leftovers, leftovers


def test_no_unformatted_numbers(html_pages: dict[str, str]) -> None:
    bad = {url: m.group(0) for url, html in html_pages.items() if (m := BAD_NUMBER.search(_main_text(html)))}
    assert not bad, bad


def test_every_page_has_title_and_meta_description(html_pages: dict[str, str]) -> None:
    for url, html in html_pages.items():
        soup = BeautifulSoup(html, "html.parser")
        title = soup.title.get_text(strip=True) if soup.title else ""
        assert title and title != "System Design Playbook - System Design Playbook", url
        desc = soup.select_one('meta[name="description"]')
        assert desc and len(desc["content"].strip()) >= 30, url


def test_no_third_party_urls_in_src_or_stylesheets(html_pages: dict[str, str]) -> None:
    offenders = []
    for url, html in html_pages.items():
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(src=True):
            if urlparse(tag["src"]).hostname not in LOCAL_HOSTS | {None}:
                offenders.append((url, tag["src"]))
        for link in soup.find_all("link", href=True):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "preload", "preconnect", "dns-prefetch", "modulepreload", "icon"}:
                if urlparse(link["href"]).hostname not in LOCAL_HOSTS | {None}:
                    offenders.append((url, link["href"]))
    assert not offenders, offenders


def test_no_third_party_urls_in_built_css_and_js(site_dir) -> None:
    """Material's bundles may mention hosts in comments; what matters is fetchable url()/import()."""
    offenders = []
    for path in site_dir.rglob("*.css"):
        for m in re.finditer(r"(?:url\(|@import\s+)['\"]?(https?:)?//([^/'\")]+)", path.read_text(errors="ignore")):
            offenders.append((path.name, m.group(2)))
    assert not offenders, offenders


def _chapters() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))["chapters"]


@pytest.mark.parametrize("chapter", _chapters(), ids=lambda c: c["slug"])
def test_written_chapter_is_at_its_slug_with_numbered_unique_ids(chapter: dict, html_pages: dict[str, str]) -> None:
    source = ROOT / "docs" / f"{chapter['slug']}.md"
    if not source.exists():
        assert f"/{chapter['slug']}/" not in html_pages
        return
    html = html_pages[f"/{chapter['slug']}/"]
    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.select_one("article h1")
    assert h1 and h1.get("id") == chapter["slug"], h1
    assert h1.get_text(" ", strip=True).startswith(f"{chapter['number']} ")
    sections = soup.select("article h2")
    assert sections, "a chapter has numbered sections"
    for h2 in sections:
        text = h2.get_text(" ", strip=True)
        assert re.match(rf"{chapter['number']}\.\d+ ", text), text
        assert h2.get("id") and not re.match(r"^_?\d", h2["id"]), f"{text}: id must be hand-chosen"


def test_section_ids_are_unique_site_wide() -> None:
    seen: dict[str, str] = {}
    dupes = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        if md.name == "glossary.md":  # glossary terms may share an id with the section that explains them
            continue
        for m in re.finditer(r"^#{1,6} .*\{[^}]*#([A-Za-z0-9_-]+)", md.read_text(encoding="utf-8"), re.M):
            if m.group(1) in seen:
                dupes.append((m.group(1), seen[m.group(1)], md.name))
            seen[m.group(1)] = md.name
    assert not dupes, dupes


def test_chapter_sections_are_numbered_in_order() -> None:
    for c in _chapters():
        md = ROOT / "docs" / f"{c['slug']}.md"
        if not md.exists():
            continue
        numbers = [int(n) for n in re.findall(rf"^## {c['number']}\.(\d+) ", md.read_text(encoding="utf-8"), re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), (c["slug"], numbers)
