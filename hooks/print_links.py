"""Printed links: each external link whose text is not already its address is marked for print.

One job. The print rules (the "print" section of docs/assets/stylesheets/playbook.css) follow a marked
link with its address, `a[data-pb-url]::after { content: " (" attr(data-pb-url) ")" }`. The mark is made at build
time because in the browser every link's href is absolute (Material rewrites them), so CSS alone
cannot tell `https://…/caching/` on this site from a paper on another host.
"""

from __future__ import annotations

import html
import re

LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\shref="(?P<href>https?://[^"]+)"(?P<rest>[^>]*)>(?P<text>.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def _bare(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def mark(page_html: str) -> str:
    """`page_html` with `data-pb-url` on every external link whose text differs from its address."""

    def one(m: re.Match[str]) -> str:
        text = html.unescape(TAG.sub("", m["text"])).strip()
        href = html.unescape(m["href"])
        if _bare(text) == _bare(href) or "data-pb-url" in m["attrs"] + m["rest"]:
            return m.group(0)
        return f'<a{m["attrs"]} href="{m["href"]}" data-pb-url="{m["href"]}"{m["rest"]}>{m["text"]}</a>'

    return LINK.sub(one, page_html)


def on_page_content(html_text, **_):
    return mark(html_text)
