"""hooks/table_wrap.py: each table of a page's content is in Material's scrolling wrapper from the build."""

from __future__ import annotations

import re

from hooks.table_wrap import BELOW, wrap_tables

WRAP = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'


def test_each_attribute_less_table_gets_the_wrapper_and_its_class() -> None:
    html = (
        "<p>a</p><table>\n<thead><tr><th>x</th></tr></thead>\n</table><p>b</p>"
        "<table><tr><td>1</td></tr></table><table class=\"own\"><tr><td>2</td></tr></table>"
    )
    assert wrap_tables(html) == (
        f'<p>a</p><div class="pb-table">{WRAP}<table class="pb-data">\n<thead><tr><th>x</th></tr></thead>\n'
        "</table></div></div></div><p>b</p>"
        f'<div class="pb-table">{WRAP}<table class="pb-data"><tr><td>1</td></tr></table></div></div></div>'
        '<table class="own"><tr><td>2</td></tr></table>'
    )


def test_a_table_after_a_screenful_of_text_is_marked_below() -> None:
    words = "<p>" + "word " * (BELOW // 5) + "</p>"
    html = f"<h1>T</h1><table><tr><td>1</td></tr></table>{words}<table><tr><td>2</td></tr></table>"
    assert wrap_tables(html) == (
        f'<h1>T</h1><div class="pb-table">{WRAP}<table class="pb-data"><tr><td>1</td></tr></table></div></div></div>'
        f'{words}<div class="pb-table pb-table--below">{WRAP}<table class="pb-data"><tr><td>2</td></tr></table>'
        "</div></div></div>"
    )


def test_text_without_tables_is_unchanged() -> None:
    html = "<p>a <code>&lt;table&gt;</code> tag</p>"
    assert wrap_tables(html) == html


def test_every_table_of_the_built_site_has_its_wrapper(html_pages: dict[str, str]) -> None:
    total = 0
    wrapped = re.compile(r'<div class="pb-table( pb-table--below)?">' + re.escape(WRAP) + "$")
    for url, html in html_pages.items():
        tables = re.findall(r'(.{0,200})<table class="pb-data">', html)
        total += len(tables)
        bare = [b for b in tables if not wrapped.search(b)]
        assert bare == [], f"{url}: a table outside its wrapper"
    assert total > 300  # the chapters' tables, and the print page's copies of them
    below = sum(html.count("pb-table--below") for html in html_pages.values())
    assert 0.3 * total < below < total
