"""The flashcard deck is generated from the glossary and the rules of thumb: page, CSV for Anki, and growth."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from bs4 import BeautifulSoup

from hooks.flashcards import csv_text, glossary_cards, rule_cards
from tests.conftest import ROOT, run_build

TERM = re.compile(r"^### (?P<term>.+?) \{ *#(?P<id>[A-Za-z0-9_-]+) *\}\s*$", re.M)
ANKI_HEADERS = ["#separator:Comma", "#html:true", "#notetype:Basic", "#columns:Front,Back,Tags", "#tags column:3"]


def _glossary_terms(project: Path = ROOT) -> list[tuple[str, str]]:
    return [(m["term"], m["id"]) for m in TERM.finditer((project / "docs" / "glossary.md").read_text(encoding="utf-8"))]


def _rows(csv_path: Path) -> tuple[list[str], list[list[str]]]:
    lines = csv_path.read_text(encoding="utf-8").splitlines(keepends=True)
    headers = [line.strip() for line in lines if line.startswith("#")]
    rows = list(csv.reader(line for line in lines if not line.startswith("#")))
    return headers, rows


def test_csv_parses_with_three_columns_and_anki_headers(site_dir: Path) -> None:
    raw = (site_dir / "flashcards" / "playbook.csv").read_bytes()
    raw.decode("utf-8")  # UTF-8, or this raises
    headers, rows = _rows(site_dir / "flashcards" / "playbook.csv")
    for header in ANKI_HEADERS:
        assert header in headers
    assert rows and {len(r) for r in rows} == {3}
    assert all(front.strip() and back.strip() for front, back, _ in rows)
    assert all("playbook" in tags.split() for _, _, tags in rows)
    assert all('href="https://' in back for _, back, _ in rows), "links in the deck are absolute"


def test_every_glossary_term_is_a_card(site_dir: Path) -> None:
    terms = _glossary_terms()
    assert len(terms) > 50
    _, rows = _rows(site_dir / "flashcards" / "playbook.csv")
    assert len(rows) >= len(terms)
    glossary_rows = [r for r in rows if "playbook::glossary" in r[2].split()]
    assert len(glossary_rows) == len(terms)
    for _, term_id in terms:
        assert any(f"/glossary/#{term_id}\"" in back for _, back, _ in glossary_rows), term_id


def test_every_rule_of_thumb_is_a_card(site_dir: Path, html_pages: dict[str, str]) -> None:
    tips = sum((ROOT / "docs").joinpath(p).read_text(encoding="utf-8").count('!!! tip "Rule of thumb"')
               for p in (ROOT / "docs").glob("*.md"))
    _, rows = _rows(site_dir / "flashcards" / "playbook.csv")
    assert len([r for r in rows if "playbook::rule-of-thumb" in r[2].split()]) == tips


def test_flashcards_page_shows_every_card_with_a_working_link(site_dir: Path, html_pages: dict[str, str]) -> None:
    soup = BeautifulSoup(html_pages["/flashcards/"], "html.parser")
    cards = soup.select("article li.pb-card details")
    _, rows = _rows(site_dir / "flashcards" / "playbook.csv")
    assert len(cards) == len(rows)
    assert all(card.select_one("summary") and card.select_one(".pb-card__back a[href]") for card in cards)
    ids = [li["id"] for li in soup.select("article li.pb-card")]
    assert len(ids) == len(set(ids))
    # A term's card links to its chapter; its glossary entry is named in the Anki deck, not on the page.
    assert soup.select_one("#card-term-2pc .pb-card__back a")["href"].startswith("../consistency-transactions/#")
    assert soup.select_one("#card-term-2pc .pb-card__source") is None
    rule = soup.select_one("article li.pb-card[id^='card-rule-'] .pb-card__source a")
    assert rule is not None and rule["href"].startswith("../") and rule.get_text().startswith("§")
    assert soup.select_one("article a[download]")["href"] == "playbook.csv"


def test_adding_a_glossary_term_adds_a_card(project_copy: Path, tmp_path: Path) -> None:
    glossary = project_copy / "docs" / "glossary.md"
    before = len(_glossary_terms(project_copy))
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + "\n### Zebra sharding { #zebra-sharding-test }\n\nA made-up term, to prove that a new term becomes a card."
        " See [§12.5](caching.md#cache-invalidation).\n",
        encoding="utf-8",
    )
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    _, rows = _rows(tmp_path / "out" / "flashcards" / "playbook.csv")
    glossary_rows = [r for r in rows if "playbook::glossary" in r[2].split()]
    assert len(glossary_rows) == before + 1
    card = next(r for r in glossary_rows if r[0] == "Zebra sharding")
    assert "a new term becomes a card" in card[1] and "/caching/#cache-invalidation" in card[1]
    page = (tmp_path / "out" / "flashcards" / "index.html").read_text(encoding="utf-8")
    assert 'id="card-term-zebra-sharding-test"' in page


def test_extraction_from_html() -> None:
    glossary = (
        '<h2 id="glossary-a">A</h2><h3 id="acid">ACID<a class="headerlink" href="#acid">¶</a></h3>\n'
        '<p>Atomicity, consistency. See <a href="../consistency-transactions/#acid">§11.1</a>.</p>\n'
        '<h3 id="empty">Empty</h3><h3 id="b-tree"><abbr title="x">B</abbr>-tree</h3><p>A tree, "quoted", with a, comma.</p>'
    )
    cards = glossary_cards(glossary, "glossary/")
    assert [c.front for c in cards] == ["ACID", "B-tree"]
    assert 'href="/consistency-transactions/#acid"' in cards[0].back
    chapter = (
        '<h1 id="caching">12 Caching</h1><div class="admonition tip"><p class="admonition-title">Rule of thumb</p>'
        '<p>Top.</p></div><h2 id="cache-invalidation">12.5 Invalidation</h2><div class="admonition tip">\n'
        '<p class="admonition-title">Rule of thumb</p>\n<div class="x"><p>Delete the key.</p></div>\n</div><p>after</p>'
        '<div class="admonition tip"><p class="admonition-title">Pitfall</p><p>not a rule</p></div>'
    )
    rules = rule_cards(chapter, "caching/", "caching")
    assert [r.front for r in rules] == ["§12 Caching: the rule of thumb?", "§12.5 Invalidation: the rule of thumb?"]
    assert "Delete the key." in rules[1].back and "after" not in rules[1].back
    assert 'href="/caching/#cache-invalidation"' in rules[1].source and 'href="/caching/"' in rules[0].source
    assert cards[0].source.endswith('<a href="/glossary/#acid">Glossary: ACID</a></p>')
    assert rules[0].source_on_page and not cards[0].source_on_page
    rows = list(csv.reader(line for line in csv_text(cards, "https://x.org/p/").splitlines() if not line.startswith("#")))
    assert rows[1][1].count('"quoted", with a, comma') == 1 and 'href="https://x.org/p/consistency' in rows[0][1]
    assert 'href="https://x.org/p/glossary/#acid">Glossary: ACID' in rows[0][1]  # the deck names its source
