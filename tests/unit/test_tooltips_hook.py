"""hooks/tooltips.py marks the content's tooltip hosts so that Material mounts no tooltip component on them,
keeps what readers and screen readers get from each, and stops the build when Material's selector moves."""

from __future__ import annotations

import pytest

from hooks import tooltips

PERMALINK = '<h2 id="x">5.4 Nines<a class="headerlink" href="#x" title="Link to this section">&para;</a></h2>'
BACKREF = '<a class="footnote-backref" href="#fnref:a" title="Jump back to footnote 1 in the text">&#8617;</a>'
CITE = ('<button type="button" class="pb-cite" disabled aria-label="Copy a Markdown citation of §5.4 Nines" '
        'title="Copy a citation in Markdown"><svg></svg></button>')


def test_an_abbreviation_keeps_its_title_and_is_skipped_by_material() -> None:
    out = tooltips.mark_tooltips('<p>An <abbr title="Service level objective">SLO</abbr> of 99.9 %.</p>')
    assert out == '<p>An <abbr title="Service level objective" data-preview>SLO</abbr> of 99.9 %.</p>'


def test_marking_twice_changes_nothing() -> None:
    once = tooltips.mark_tooltips('<abbr title="Time to live">TTL</abbr>' + PERMALINK + BACKREF + CITE)
    assert tooltips.mark_tooltips(once) == once


def test_an_abbreviation_without_a_title_is_left_alone() -> None:
    assert tooltips.mark_tooltips("<abbr>TTL</abbr>") == "<abbr>TTL</abbr>"


def test_a_permalink_names_itself_and_keeps_its_tip_as_data() -> None:
    out = tooltips.mark_tooltips(PERMALINK)
    assert 'title="' not in out
    assert '<a class="headerlink" href="#x" aria-label="Link to this section" data-pb-tip>&para;</a>' in out


def test_a_footnote_back_link_names_itself() -> None:
    out = tooltips.mark_tooltips(BACKREF)
    assert 'title="' not in out
    assert 'aria-label="Jump back to footnote 1 in the text"' in out
    assert out.count("Jump back") == 1 and " data-pb-tip>" in out


def test_a_citation_button_keeps_its_own_name() -> None:
    out = tooltips.mark_tooltips(CITE)
    assert 'title="' not in out
    assert out.count("aria-label=") == 1
    assert 'aria-label="Copy a Markdown citation of §5.4 Nines"' in out
    assert 'data-pb-tip="Copy a citation in Markdown"' in out


@pytest.mark.parametrize("html", [
    '<a href="../caching/" title="12 Caching">§12</a>',
    '<a class="md-button" href="#" title="Download">Download</a>',
    '<span class="md-icon" title="Last update"></span>',
    '<p title="Not a host">text</p>',
])
def test_other_elements_with_titles_are_untouched(html: str) -> None:
    assert tooltips.mark_tooltips(html) == html


def test_the_selector_check_passes_on_a_bundle_that_has_it() -> None:
    tooltips.check_bundle('...M("[title]:not([data-preview])",e).filter(()=>V("content.tooltips"))...')


def test_a_bundle_without_the_selector_stops_the_build(tmp_path) -> None:
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0123abcd.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('M("[title]",e).map(i=>Xe(i))', encoding="utf-8")
    with pytest.raises(tooltips.TooltipSelectorMissing, match=r"bundle\.0123abcd\.min\.js"):
        tooltips.on_post_build({"site_dir": str(tmp_path)})


def test_a_build_without_material_bundle_stops(tmp_path) -> None:
    with pytest.raises(tooltips.TooltipSelectorMissing, match="no assets/javascripts"):
        tooltips.on_post_build({"site_dir": str(tmp_path)})
