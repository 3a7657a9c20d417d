"""hooks/read_toggle.py writes the "Mark as read" button into chapter pages only, above the footnotes."""

from __future__ import annotations

from hooks import read_toggle

H1 = '<h1 id="caching">12 Caching<a class="headerlink" href="#caching" aria-label="Link" data-pb-tip>&para;</a></h1>'
FOOTNOTES = '<div class="footnote"><hr /><ol><li id="fn:1"><p>Source.</p></li></ol></div>'
SOURCE = '<aside class="md-source-file">Last update: 2026-11-29</aside>'


def page(body: str) -> str:
    return f'<html><body><nav>Menu</nav><article class="md-content__inner md-typeset">{body}</article></body></html>'


def test_a_chapter_gets_one_disabled_toggle_above_its_footnotes() -> None:
    out = read_toggle.add_toggle(page(H1 + "<p>Text.</p>" + FOOTNOTES + SOURCE), "caching/")
    assert out.count("pb-read-toggle") == 1
    assert ('<p>Text.</p><p class="pb-read"><button type="button" class="md-button pb-read-toggle" '
            'data-chapter="caching" aria-pressed="false" disabled>Mark as read</button></p>' + FOOTNOTES) in out


def test_without_footnotes_it_goes_above_the_revision_date_or_at_the_end() -> None:
    out = read_toggle.add_toggle(page(H1 + "<p>Text.</p>" + SOURCE), "caching/")
    assert "Mark as read</button></p>" + SOURCE in out
    out = read_toggle.add_toggle(page(H1 + "<p>Text.</p>"), "caching/")
    assert out.endswith("Mark as read</button></p></article></body></html>")


def test_adding_twice_adds_one() -> None:
    once = read_toggle.add_toggle(page(H1 + FOOTNOTES), "caching/")
    assert read_toggle.add_toggle(once, "caching/") == once


def test_pages_that_are_not_chapters_get_none() -> None:
    for html, url in (
        (page('<h1 id="glossary">Glossary</h1>' + FOOTNOTES), "glossary/"),  # not numbered
        (page(H1 + FOOTNOTES), "print/"),  # the H1 is another page's
        (page("<p>No heading.</p>"), "tags/"),
        (page('<h1 id="index">Home</h1>'), ""),
    ):
        assert read_toggle.add_toggle(html, url) == html, url


def test_the_chapter_rule_ignores_the_permalink_and_citation_button() -> None:
    body = ('12 Caching<a class="headerlink" href="#caching">&para;</a>'
            '<button type="button" class="pb-cite" disabled aria-label="Copy">x</button>')
    assert read_toggle.heading_title(body) == "12 Caching"
    assert read_toggle.chapter_slug(page(f'<h1 id="caching">{body}</h1>'), "/caching/") == "caching"
