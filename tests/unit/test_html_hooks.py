"""The HTML hooks that shape every page: whitespace compaction and build-time citation buttons."""

from __future__ import annotations

from hooks.cite_buttons import add_buttons, heading_title
from hooks.compact_html import compact


def test_compact_collapses_runs_outside_whitespace_sensitive_elements() -> None:
    page = (
        "<p>one\n   two\t three</p>\n\n<ul>\n  <li>a</li>\n</ul>"
        "<pre><code>x  =  1\n    y</code></pre><p>in <code>a  b</code> line</p>"
        "<textarea>keep\n  this</textarea><script>let s = 'a  b';\n</script>"
        "<style>a  { }\n</style><!-- a\n  comment -->"
    )
    assert compact(page) == (
        "<p>one two three</p> <ul> <li>a</li> </ul>"
        "<pre><code>x  =  1\n    y</code></pre><p>in <code>a  b</code> line</p>"
        "<textarea>keep\n  this</textarea><script>let s = 'a  b';\n</script>"
        "<style>a  { }\n</style><!-- a\n  comment -->"
    )


def test_compact_keeps_no_break_spaces_and_single_spaces() -> None:
    page = "<p>99.9\u00a0%  of\u00a0\u00a0time</p> <span>a b</span>"
    assert compact(page) == "<p>99.9\u00a0% of\u00a0\u00a0time</p> <span>a b</span>"


def test_compact_is_idempotent_and_keeps_every_tag() -> None:
    page = '<div class="a">\n  <pre class="x">\n a\n</pre>\n  <p title="t  t">b</p>\n</div>\n'
    once = compact(page)
    assert compact(once) == once
    assert once.count("<") == page.count("<") and "\n a\n" in once


def test_cite_button_only_on_numbered_headings_with_the_title_as_label() -> None:
    page = (
        '<h2 id="x">5.4 Availability &amp; nines<a class="headerlink" href="#x" title="Link">&para;</a></h2>'
        '<h2 id="y">Related<a class="headerlink" href="#y">&para;</a></h2>'
        '<h3 id="z">5.4.1 Deeper<a class="headerlink" href="#z">&para;</a></h3>'
    )
    out = add_buttons(page)
    assert out.count('class="pb-cite"') == 1
    assert 'aria-label="Copy a Markdown citation of §5.4 Availability &amp; nines"' in out
    assert out.index('class="pb-cite"') < out.index("</h2>") and " disabled " in out
    assert add_buttons(out) == out  # never twice
    assert heading_title('<span>24</span>  Interview <em>problems</em><a class="headerlink">¶</a>') == (
        "24 Interview problems"
    )
