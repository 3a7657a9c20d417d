"""Each table of a page's content sits in a plain `<div class="pb-table">` from the start.

One job. As the page starts, Material's bundle moves every table (`table:not([class])`) into a scrolling
wrapper: it takes the table out of its parent and puts the wrapper in its place. Material's stylesheet
has a rule on whatever follows a table (`.md-typeset table:not([class]) + *`), so taking a child out of
the article makes the browser check the style of the whole article again: about 2,100 elements on the
interview problems, the largest single piece of the page's start-up. In a `<div>` of its own, the table
is moved inside that `<div>`, and only the table's own elements are checked again.

The `<div>` has no style of its own (margins collapse through it), so the page looks the same; without
JavaScript, playbook.css gives what follows it the space Material gives what follows a table.
Only attribute-less `<table>`s are wrapped: those are the ones Material moves.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table>.*?</table>", re.S)
OPEN = '<div class="pb-table">'


def wrap_tables(html: str) -> str:
    """`html` with each attribute-less `<table>` in a `<div class="pb-table">`."""
    return TABLE.sub(lambda m: f"{OPEN}{m.group(0)}</div>", html)


def on_page_content(html: str, **_) -> str:
    return wrap_tables(html)
