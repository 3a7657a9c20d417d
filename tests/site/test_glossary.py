"""The glossary (docs/glossary.md) and the site-wide abbreviation tooltips (includes/abbreviations.md).

Source checks read the Markdown directly; the last tests read the built HTML (``html_pages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from macros.chapters import section_headings
from tests.conftest import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"

LETTER_HEADING = re.compile(r"^## (?P<label>.+?) \{ #(?P<id>glossary-[a-z0-9-]+) \}$", re.M)
ENTRY_HEADING = re.compile(r"^### (?P<term>.+?) \{ #(?P<id>[^ }]+) \}$", re.M)
ABBR_LINE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]: (?P<title>.+)$")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<page>[a-z0-9-]+)\.md#(?P<anchor>[A-Za-z0-9_-]+)\)")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_ENTRIES = 120


@dataclass(frozen=True)
class Entry:
    term: str
    id: str
    letter: str  # id of the letter heading the entry sits under
    body: str


def sort_key(term: str) -> str:
    """Alphabetical order ignores case, spaces and punctuation: "L4 and L7" < "Lakehouse"."""
    return re.sub(r"[^a-z0-9]", "", term.lower())


@cache
def glossary_text() -> str:
    return GLOSSARY.read_text(encoding="utf-8")


@cache
def letters() -> list[tuple[str, str, int, int]]:
    """(label, id, start, end) of each letter section."""
    text = glossary_text()
    found = list(LETTER_HEADING.finditer(text))
    return [
        (m["label"], m["id"], m.end(), found[i + 1].start() if i + 1 < len(found) else len(text))
        for i, m in enumerate(found)
    ]


@cache
def entries() -> list[Entry]:
    text = glossary_text()
    out = []
    for _label, letter_id, start, end in letters():
        section = text[start:end]
        heads = list(ENTRY_HEADING.finditer(section))
        for i, m in enumerate(heads):
            body_end = heads[i + 1].start() if i + 1 < len(heads) else len(section)
            out.append(Entry(m["term"], m["id"], letter_id, section[m.end() : body_end].strip()))
    return out


@cache
def abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        m = ABBR_LINE.match(line)
        assert m, f"includes/abbreviations.md: not an abbreviation definition: {line!r}"
        assert m["abbr"] not in out, f"{m['abbr']} is defined twice"
        out[m["abbr"]] = m["title"]
    return out


@cache
def chapter_slugs() -> set[str]:
    data = yaml.safe_load((ROOT / "data" / "chapters.yml").read_text(encoding="utf-8"))
    return {c["slug"] for c in data["chapters"]}


def by_id(entry_id: str) -> Entry:
    matches = [e for e in entries() if e.id == entry_id]
    assert matches, f"no glossary entry with id #{entry_id}"
    return matches[0]


def whole_word(term: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


# (a) agreement between the tooltips and the glossary


def test_every_abbreviation_has_a_glossary_entry():
    """An abbreviation is covered by an entry whose id is its slug, whose heading names it, or that names it in bold."""
    missing = []
    for abbr in abbreviations():
        slug = re.sub(r"[^a-z0-9]+", "-", abbr.lower()).strip("-")
        if not any(e.id == slug or whole_word(abbr, e.term) or f"**{abbr}**" in e.body for e in entries()):
            missing.append(abbr)
    assert not missing, f"abbreviations with no glossary entry: {missing}"


def test_abbreviation_expansions_are_short_plain_text():
    for abbr, title in abbreviations().items():
        assert len(title) <= 100, f"{abbr}: tooltip of {len(title)} characters"
        assert not re.search(r"[*_`\[\]<>]", title), f"{abbr}: tooltip contains Markdown or HTML: {title!r}"
        assert title != abbr, f"{abbr}: tooltip repeats the abbreviation"


# (b) ids


def test_glossary_ids_are_unique_lower_case_slugs():
    ids = [e.id for e in entries()] + [letter_id for _, letter_id, _, _ in letters()] + ["glossary"]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"ids used more than once on the glossary page: {duplicates}"
    bad = [i for i in ids if not SLUG.match(i)]
    assert not bad, f"ids that are not lower-case slugs: {bad}"


def test_every_entry_heading_is_parsed():
    """No ### heading escapes the parser (a missing or malformed { #id } would hide an entry from these tests)."""
    headings = re.findall(r"^### .*$", glossary_text(), re.M)
    assert len(headings) == len(entries()), [h for h in headings if not ENTRY_HEADING.match(h)]


@pytest.mark.parametrize(
    "entry_id",
    [
        "cap",
        "pacelc",
        "acid",
        "base",
        "sli",
        "slo",
        "sla",
        "rpo",
        "rto",
        "cdc",
        "cqrs",
        "2pc",
        "3pc",
        "tcc",
        "lsm-tree",
        "sstable",
        "mvcc",
        "wal",
        "crdt",
        "hll",
        "dlq",
        "bff",
        "oidc",
        "pkce",
        "jwt",
        "mtls",
        "red",
        "use",
        "qps",
        "dau",
        "p50",
        "p99",
        "p999",
        "quorum",
        "idempotency",
        "fencing-token",
        "littles-law",
    ],
)
def test_published_glossary_ids_exist(entry_id):
    """Ids linked from outside (design docs, RFCs) must keep resolving."""
    by_id(entry_id)


# (c) size, order and letter index


def test_glossary_has_at_least_120_entries():
    assert len(entries()) >= MIN_ENTRIES, f"only {len(entries())} entries"


def test_entries_are_alphabetical_within_each_letter():
    for _label, letter_id, _, _ in letters():
        terms = [e.term for e in entries() if e.letter == letter_id]
        assert terms == sorted(terms, key=sort_key), f"{letter_id} out of order: {terms}"


def test_entries_sit_under_their_own_letter():
    for e in entries():
        first = sort_key(e.term)[0]
        expected = "glossary-0-9" if first.isdigit() else f"glossary-{first}"
        assert e.letter == expected, f"{e.term!r} is under #{e.letter}, expected #{expected}"


def test_letters_are_in_order_and_all_linked_from_the_jump_row():
    text = glossary_text()
    first_letter = LETTER_HEADING.search(text)
    jump_targets = re.findall(r"\]\(#(glossary-[a-z0-9-]+)\)", text[: first_letter.start()])
    letter_ids = [letter_id for _, letter_id, _, _ in letters()]
    assert letter_ids == sorted(letter_ids, key=lambda i: (i != "glossary-0-9", i))
    assert jump_targets == letter_ids, "the jump row must link every letter heading, in order, and nothing else"


# (d) every entry points at the section that explains it


def test_every_entry_links_to_a_chapter_section():
    for e in entries():
        links = [m for m in LINK.finditer(e.body) if m["page"] in chapter_slugs()]
        assert links, f"#{e.id} links to no chapter section"


def test_entry_links_name_the_target_section():
    """Link text is "§<number> <title>" exactly as the target heading reads, so renumbering shows up here."""
    for e in entries():
        for m in LINK.finditer(e.body):
            assert (ROOT / "docs" / f"{m['page']}.md").is_file(), f"#{e.id}: no page {m['page']}.md"
            headings = section_headings(m["page"], ROOT / "docs")
            assert m["anchor"] in headings, f"#{e.id}: {m['page']}.md has no section #{m['anchor']}"
            if m["page"] in chapter_slugs():
                expected = "§" + headings[m["anchor"]]
                assert " ".join(m["text"].split()) == expected, (
                    f"#{e.id}: link text {m['text']!r}, heading {expected!r}"
                )


# search aliases for symbolic terms


@pytest.mark.parametrize(
    ("entry_id", "phrases"),
    [
        ("quorum", ["quorum", "R + W > N", "R+W>N"]),
        ("p99", ["99th percentile"]),
        ("2pc", ["two-phase commit"]),
        ("idempotency", ["Idempotency-Key"]),
    ],
)
def test_symbolic_terms_carry_word_aliases(entry_id, phrases):
    text = " ".join(by_id(entry_id).body.split()).lower()
    for phrase in phrases:
        assert phrase.lower() in text, f"#{entry_id} should contain {phrase!r} so search finds it"


# built HTML


def test_built_glossary_has_every_entry_id(html_pages):
    page = html_pages["/glossary/"]
    for e in entries():
        assert f'id="{e.id}"' in page, f"#{e.id} missing from the built glossary"


def test_chapter_pages_show_abbreviation_tooltips(html_pages):
    """includes/abbreviations.md is appended to every page (pymdownx.snippets auto_append in mkdocs.yml)."""
    page = html_pages["/mental-models/"]
    assert (
        '<abbr title="If partitioned, availability or consistency; else, latency or consistency" data-preview>PACELC</abbr>'
        in page
    )
    chapters = {url: html for url, html in html_pages.items() if url.strip("/") in chapter_slugs()}
    with_tooltips = [url for url, html in chapters.items() if "<abbr title=" in html]
    assert len(with_tooltips) >= len(chapters) - 2, (
        f"only {len(with_tooltips)} of {len(chapters)} chapters have tooltips"
    )


def test_tooltips_never_touch_code_or_attributes(html_pages):
    for url, html in html_pages.items():
        for m in re.finditer(r"<(code|pre)\b[^>]*>(.*?)</\1>", html, re.S):
            assert "<abbr" not in m[2], f"{url}: an abbreviation was expanded inside code"
        assert not re.search(r'="[^"]*<abbr', html), f"{url}: an abbreviation landed inside an attribute"
        assert not re.search(r"^\*\[[^\]]+\]:", re.sub(r"<[^>]+>", "", html), re.M), f"{url}: a raw definition shows"


def test_the_database_conference_is_not_read_as_an_address_block(html_pages):
    """The abbreviation CIDR (Classless Inter-Domain Routing) would also catch the database conference CIDR:
    footnotes name the conference in full, so no tooltip on those pages calls it a routing scheme."""
    for url in ("/consistency-transactions/", "/data-engineering/"):
        html = html_pages[url]
        assert "Conference on Innovative Data Systems Research" in html, url
        assert "Classless Inter-Domain Routing" not in html, url
