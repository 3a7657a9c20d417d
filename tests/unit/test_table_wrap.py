"""hooks/table_wrap.py: each table of a page's content sits in a plain <div class="pb-table"> from the start."""

from __future__ import annotations

import re

from hooks.table_wrap import BELOW, wrap_tables


def test_each_attribute_less_table_gets_its_own_div() -> None:
    html = (
        "<p>a</p><table>\n<thead><tr><th>x</th></tr></thead>\n</table><p>b</p>"
        "<table><tr><td>1</td></tr></table><table class=\"own\"><tr><td>2</td></tr></table>"
    )
    assert wrap_tables(html) == (
        '<p>a</p><div class="pb-table"><table>\n<thead><tr><th>x</th></tr></thead>\n</table></div><p>b</p>'
        '<div class="pb-table"><table><tr><td>1</td></tr></table></div><table class="own"><tr><td>2</td></tr></table>'
    )


def test_a_table_after_a_screenful_of_text_is_marked_below() -> None:
    words = "<p>" + "word " * (BELOW // 5) + "</p>"
    html = f"<h1>T</h1><table><tr><td>1</td></tr></table>{words}<table><tr><td>2</td></tr></table>"
    assert wrap_tables(html) == (
        f'<h1>T</h1><div class="pb-table"><table><tr><td>1</td></tr></table></div>{words}'
        '<div class="pb-table pb-table--below"><table><tr><td>2</td></tr></table></div>'
    )


def test_text_without_tables_is_unchanged() -> None:
    html = "<p>a <code>&lt;table&gt;</code> tag</p>"
    assert wrap_tables(html) == html


def test_every_table_of_the_built_site_has_its_div(html_pages: dict[str, str]) -> None:
    total = 0
    for url, html in html_pages.items():
        tables = re.findall(r"(.{0,40})<table\b", html)
        total += len(tables)
        bare = [before for before in tables if not re.search(r'<div class="pb-table( pb-table--below)?">$', before)]
        assert bare == [], f"{url}: a table outside its <div class=\"pb-table\">"
    assert total > 300  # the chapters' tables, and the print page's copies of them
    below = sum(html.count("pb-table--below") for html in html_pages.values())
    assert 0.3 * total < below < total
