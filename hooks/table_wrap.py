"""Each table of a page's content is in Material's scrolling wrapper from the build, not moved there as the page starts.

One job. As a page starts, Material's bundle finds every table without a class (`table:not([class])`),
takes it out of the page and puts it back inside a scrolling wrapper (`.md-typeset__scrollwrap >
.md-typeset__table`). Each move makes the browser drop the table's layout and restyle it: on the interview
problems, with ten tables, the moves were about half of the start-up task that Lighthouse counts as
blocking (85-185 ms at 4x CPU slowdown). Here every table is written inside that wrapper, with the class
`pb-data`, which Material's bundle does not select: nothing is moved. Material styles tables by the same
`table:not([class])` selector; playbook.css gives `table.pb-data` a copy of each of those rules, and
`tests/site/test_table_styles.py` fails if a rule of Material's served stylesheet has no copy there.

The wrapper sits in a `<div class="pb-table">`, which takes the wrapper's space above and below
(playbook.css). A table that comes after BELOW characters of the page's text is also marked
`pb-table--below`, as it is below the first screen even on a large one; playbook.css has the browser skip
it while the page loads, and playbook.js draws it, one table per task, once the page has started. One within
the first screen must be drawn in the first frame, or what follows it moves when it is (a layout shift).
Only attribute-less `<table>`s are wrapped: those are the ones Material would move. Without these hooks
(another builder reading mkdocs.yml), tables stay classless and Material wraps them as usual.
"""

from __future__ import annotations

import re

TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
TAG = re.compile(r"<[^>]*>")
# About three screens of text on a phone, and more than a large desktop screen shows above its first table.
BELOW = 4000
CLASS = "pb-data"
OPEN = '<div class="{css}"><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CLOSE = "</div></div></div>"


def text_length(html: str) -> int:
    return len(" ".join(TAG.sub(" ", html).split()))


def wrap_tables(html: str) -> str:
    """`html` with each attribute-less `<table>` classed `pb-data` inside Material's scrolling wrapper, in a
    `<div class="pb-table">` (and `pb-table--below` far down)."""
    out, last, text = [], 0, 0
    for m in TABLE.finditer(html):
        text += text_length(html[last:m.start()])
        css = "pb-table pb-table--below" if text >= BELOW else "pb-table"
        out += [html[last:m.start()], OPEN.format(css=css), f'<table class="{CLASS}">', m["body"], "</table>", CLOSE]
        text += text_length(m.group(0))
        last = m.end()
    out.append(html[last:])
    return "".join(out)


def on_page_content(html: str, **_) -> str:
    return wrap_tables(html)
