"""Each table of a page's content sits in a `<div class="pb-table">` from the start.

One job. As the page starts, Material's bundle moves every table (`table:not([class])`) into a scrolling
wrapper: it takes the table out of its parent and puts the wrapper in its place. Material's stylesheet
has a rule on whatever follows a table (`.md-typeset table:not([class]) + *`), so taking a child out of
the article makes the browser check the style of the whole article again: about 2,100 elements on the
interview problems, the largest single piece of the page's start-up. In a `<div>` of its own, the table
is moved inside that `<div>`, and only the table's own elements are checked again.

The `<div>` takes the wrapper's space above and below (playbook.css), so the page looks the same. A table
that comes after BELOW characters of the page's text is also marked `pb-table--below`, as it is below the
first screen even on a large one; playbook.css has the browser skip it while the page loads, and
playbook.js draws it, one table per task, once the page has started. One within the first screen must be
drawn in the first frame, or what follows it moves when it is (a layout shift). Only attribute-less
`<table>`s are wrapped: those are the ones Material moves.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table>.*?</table>", re.S)
TAG = re.compile(r"<[^>]*>")
# About three screens of text on a phone, and more than a large desktop screen shows above its first table.
BELOW = 4000


def text_length(html: str) -> int:
    return len(" ".join(TAG.sub(" ", html).split()))


def wrap_tables(html: str) -> str:
    """`html` with each attribute-less `<table>` in a `<div class="pb-table">` (and `pb-table--below` far down)."""
    out, last, text = [], 0, 0
    for m in TABLE.finditer(html):
        text += text_length(html[last:m.start()])
        css = "pb-table pb-table--below" if text >= BELOW else "pb-table"
        out += [html[last:m.start()], f'<div class="{css}">', m.group(0), "</div>"]
        text += text_length(m.group(0))
        last = m.end()
    out.append(html[last:])
    return "".join(out)


def on_page_content(html: str, **_) -> str:
    return wrap_tables(html)
