"""Short links: /s/<chapter>/ and /s/<chapter>.<section>/ land on that chapter or section.

One job. The targets are read from the rendered headings (a numbered H1 is a
chapter, a numbered H2 a section), never from a hand-kept list, and written as
static redirect pages, which work on any static host: a meta refresh to the full
URL with its fragment, a canonical link, and a visible link for browsers that do
not follow refreshes.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

HEADING = re.compile(r'<h([12]) id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")
NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d+)?) (?P<title>.+)$")

TARGETS: dict[str, dict[str, str]] = {}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>§{number} {title} · {site}</title>
<meta name="description" content="Short link to §{number} {title} in the {site}.">
<meta name="robots" content="noindex">
<link rel="canonical" href="{absolute}">
<meta http-equiv="refresh" content="0; url={relative}">
</head>
<body>
<p>This short link leads to <a href="{relative}">§{number} {title}</a>.</p>
</body>
</html>
"""


def heading_text(body: str) -> str:
    """The visible text of a heading, without its permalink anchors."""
    body = re.sub(r'<a class="headerlink".*?</a>', "", body, flags=re.S)
    return html.unescape(TAG.sub("", body)).strip()


def targets_in(page_html: str, page_url: str) -> dict[str, dict[str, str]]:
    """{number: target} for every numbered H1/H2 of a rendered page."""
    found: dict[str, dict[str, str]] = {}
    for m in HEADING.finditer(page_html):
        numbered = NUMBER.match(heading_text(m["body"]))
        if not numbered:
            continue
        level, number = m.group(1), numbered["number"]
        if (level == "1") != ("." not in number):
            continue  # H1 carries a chapter number, H2 a section number
        fragment = "" if level == "1" else f"#{m['id']}"
        found[number] = {"url": page_url + fragment, "title": numbered["title"]}
    return found


def on_config(config, **_):
    TARGETS.clear()
    return config


def on_page_content(html_text, page, **_):
    for number, target in targets_in(html_text, page.url).items():
        if number in TARGETS and TARGETS[number]["url"] != target["url"]:
            raise ValueError(f"short link /s/{number}/ claimed by {TARGETS[number]['url']} and {target['url']}")
        TARGETS[number] = target
    return html_text


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    base = config["site_url"] or "/"
    for number, target in TARGETS.items():
        out = site / "s" / number / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            PAGE.format(
                number=number,
                title=html.escape(target["title"]),
                site=html.escape(config["site_name"]),
                absolute=html.escape(base.rstrip("/") + "/" + target["url"]),
                relative=html.escape("../../" + target["url"]),
            ),
            encoding="utf-8",
        )
