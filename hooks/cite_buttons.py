"""Citation buttons: each numbered H1/H2 gets its "copy a Markdown citation" button in the HTML itself.

One job. The button is part of the built page, not added by the script, so the heading has its final
width at first paint: a button inserted after load made long headings wrap to a second line and pushed
the text below them down (a layout shift Lighthouse counts). It is `disabled` until
docs/assets/javascripts/playbook.js (section 1) wires it up, so without JavaScript it is inert.
"""

from __future__ import annotations

import html
import re

HEADING = re.compile(r'<h(?P<level>[12]) id="(?P<id>[^"]+)"(?P<attrs>[^>]*)>(?P<body>.*?)</h(?P=level)>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)?)\s+(.+)$")  # the same rule as the script's NUMBERED
ICON = ('<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        '<path d="M14 17h3l2-4V7h-6v6h3M6 17h3l2-4V7H5v6h3z"/></svg>')


def heading_title(body: str) -> str:
    """A heading's text without its permalink, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub("", HEADERLINK.sub("", body))).split())


def add_buttons(page_html: str) -> str:
    def one(m: re.Match[str]) -> str:
        if 'class="pb-cite"' in m["body"]:
            return m.group(0)
        number = NUMBERED.match(heading_title(m["body"]))
        if not number:
            return m.group(0)
        label = html.escape(f"Copy a Markdown citation of §{number[1]} {number[2]}")
        button = (f'<button type="button" class="pb-cite" disabled aria-label="{label}" '
                  f'title="Copy a citation in Markdown">{ICON}</button>')
        return f'<h{m["level"]} id="{m["id"]}"{m["attrs"]}>{m["body"]}{button}</h{m["level"]}>'

    return HEADING.sub(one, page_html)


def on_page_content(html_text, **_):
    return add_buttons(html_text)
