"""The Corrections log: every entry complete, dated, linked by section and short link."""

from __future__ import annotations

import datetime as dt

import pytest

from macros import corrections
from macros.errors import MacroInputError

SITE = "https://example.org/playbook/"


def _with(monkeypatch: pytest.MonkeyPatch, entries: list[dict]) -> None:
    monkeypatch.setattr(corrections, "load", lambda name: {"corrections": entries})


ENTRY = {"date": dt.date(2026, 12, 2), "page": "caching", "section": "12.5", "id": "cache-invalidation",
         "said": "old | text", "says": "new text", "why": "a source"}


def test_each_entry_links_its_section_and_its_short_link(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, [ENTRY, {**ENTRY, "date": dt.date(2026, 11, 1), "section": "12.4"}])
    log = corrections.corrections_log(SITE)
    assert "[§12.5](caching.md#cache-invalidation)" in log
    assert "[/s/12.5/](https://example.org/playbook/s/12.5/)" in log
    assert "old \\| text" in log  # a pipe cannot break the table
    assert log.index("### 2026-12-02") < log.index("### 2026-11-01")  # newest date first
    assert corrections.corrections_count() == "2"


def test_a_date_has_one_table_per_page_in_reading_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short tables, each under its page's title with an id of its own: the glossary after the chapters."""
    glossary = {"date": ENTRY["date"], "page": "glossary", "title": "Token bucket", "id": "token-bucket",
                "said": "a", "says": "b", "why": "c"}
    _with(monkeypatch, [glossary, {**ENTRY, "section": "12.4"}, {**ENTRY, "page": "mindset", "section": "2.1"}, ENTRY])
    log = corrections.corrections_log(SITE)
    headings = [line for line in log.splitlines() if line.startswith("#")]
    assert headings == [
        "### 2026-12-02 { #corrections-2026-12-02 }",
        "#### §2 The system design mindset { #corrections-2026-12-02-mindset }",
        "#### §12 Caching { #corrections-2026-12-02-caching }",
        "#### Glossary { #corrections-2026-12-02-glossary }",
    ]
    assert "4 corrections on 3 pages." in log
    caching = log.split("{ #corrections-2026-12-02-caching }")[1].split("####")[0]
    assert caching.index("§12.4") < caching.index("§12.5")  # by section within a page
    assert log.count("| Section |") == 3


def test_an_entry_on_an_unknown_page_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, [{**ENTRY, "page": "no-such-page"}])
    with pytest.raises(MacroInputError, match="no-such-page"):
        corrections.corrections_log(SITE)


@pytest.mark.parametrize("field", ["date", "page", "section", "id", "said", "says", "why"])
def test_an_incomplete_entry_stops_the_build(monkeypatch: pytest.MonkeyPatch, field: str) -> None:
    _with(monkeypatch, [{**ENTRY, field: ""}])
    with pytest.raises(MacroInputError, match=field):
        corrections.corrections_log(SITE)


def test_a_section_must_be_a_number_and_the_site_url_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    _with(monkeypatch, [{**ENTRY, "section": "§12.5"}])
    with pytest.raises(MacroInputError, match="section"):
        corrections.corrections_log(SITE)
    _with(monkeypatch, [ENTRY])
    with pytest.raises(MacroInputError, match="site_url"):
        corrections.corrections_log(None)


def test_the_committed_log_is_complete() -> None:
    assert int(corrections.corrections_count()) >= 1
    assert "### " in corrections.corrections_log(SITE)


def test_every_committed_entry_names_a_real_section_by_its_number_and_id() -> None:
    """The number and id must be those of one `## N.M Title { #id }` heading of the page the entry names
    (or the chapter's `# N Title { #id }` for its introduction); an unnumbered entry's id must be one of the
    page's ids, a heading's or a glossary term's."""
    import re

    from tests.conftest import ROOT

    heading = re.compile(r"^#{1,2}\s+(\d+(?:\.\d+)*)\s.*\{\s*#([\w-]+)\s*\}\s*$", re.M)
    any_id = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
    pages: dict[str, dict[str, str]] = {}
    wrong = []
    for e in corrections.load("corrections")["corrections"]:
        if e["page"] not in pages:
            path = ROOT / "docs" / f"{e['page']}.md"
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            pages[e["page"]] = {m.group(1): "" for m in any_id.finditer(text)}
            pages[e["page"]].update({m.group(2): m.group(1) for m in heading.finditer(text)})
        if pages[e["page"]].get(e["id"]) != str(e.get("section", "")):
            wrong.append((e["page"], e["section"], e["id"]))
    assert not wrong, wrong


def test_an_unnumbered_page_is_linked_by_title_and_anchor(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = {k: v for k, v in ENTRY.items() if k != "section"} | {"page": "glossary", "id": "mvcc", "title": "MVCC"}
    _with(monkeypatch, [entry])
    log = corrections.corrections_log(SITE)
    assert "[MVCC](glossary.md#mvcc)" in log and "[/glossary/#mvcc](https://example.org/playbook/glossary/#mvcc)" in log
    _with(monkeypatch, [{k: v for k, v in entry.items() if k != "title"}])
    with pytest.raises(MacroInputError, match="title"):
        corrections.corrections_log(SITE)


def test_no_entry_is_logged_twice() -> None:
    seen = [(e["page"], e["id"], e["said"]) for e in corrections.load("corrections")["corrections"]]
    assert len(seen) == len(set(seen))
