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
