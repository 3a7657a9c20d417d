"""hooks/table_wrap.py: each table of a page's content sits in a plain <div class="pb-table"> from the start."""

from __future__ import annotations

import re

from hooks.table_wrap import wrap_tables


def test_each_attribute_less_table_gets_its_own_div() -> None:
    html = (
        "<p>a</p><table>\n<thead><tr><th>x</th></tr></thead>\n</table><p>b</p>"
        "<table><tr><td>1</td></tr></table><table class=\"own\"><tr><td>2</td></tr></table>"
    )
    assert wrap_tables(html) == (
        '<p>a</p><div class="pb-table"><table>\n<thead><tr><th>x</th></tr></thead>\n</table></div><p>b</p>'
        '<div class="pb-table"><table><tr><td>1</td></tr></table></div><table class="own"><tr><td>2</td></tr></table>'
    )


def test_text_without_tables_is_unchanged() -> None:
    html = "<p>a <code>&lt;table&gt;</code> tag</p>"
    assert wrap_tables(html) == html


def test_every_table_of_the_built_site_has_its_div(html_pages: dict[str, str]) -> None:
    total = 0
    for url, html in html_pages.items():
        tables = re.findall(r"(.{0,24})<table\b", html)
        total += len(tables)
        bare = [before for before in tables if not before.endswith('<div class="pb-table">')]
        assert bare == [], f"{url}: a table outside its <div class=\"pb-table\">"
    assert total > 300  # the chapters' tables, and the print page's copies of them
