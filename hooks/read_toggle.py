"""The "Mark as read" button of each chapter page is in the built HTML, not added by the script.

One job. Inserted by playbook.js once the page had started, its paragraph made the browser restyle the
whole article once more: a child inserted into the article invalidates the style of every element in it
(Material's stylesheet has structural selectors). Written into the page, below the chapter's text and
above its footnotes, it costs nothing. It is `disabled` until docs/assets/javascripts/playbook.js
(reading progress) wires it up, and playbook.css hides it without JavaScript. The hook runs on the
finished page (on_post_page), after the search index and the print page have taken the content, so
neither of them holds the button.

A chapter page is one whose H1 carries the page's slug as its id and starts with the chapter number
("12 Caching"); the script trusts the button's data-chapter and does not decide again.
"""

from __future__ import annotations

import html
import re

H1 = re.compile(r'<h1 id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</h1>', re.S)
CONTROLS = re.compile(r'<(a|button) [^>]*class="(?:headerlink|pb-cite)".*?</\1>', re.S)
TAG = re.compile(r"<[^>]+>")
CHAPTER_TITLE = re.compile(r"^\d+ \S")


def heading_title(body: str) -> str:
    """A heading's text without its permalink and citation button, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub("", CONTROLS.sub("", body))).split())


def chapter_slug(page_html: str, url: str) -> str | None:
    h1 = H1.search(page_html)
    slug = url.strip("/")
    if not h1 or not slug or h1["id"] != slug or not CHAPTER_TITLE.match(heading_title(h1["body"])):
        return None
    return slug


def add_toggle(page_html: str, url: str) -> str:
    slug = chapter_slug(page_html, url)
    start = page_html.find("<article")
    if slug is None or start < 0 or "pb-read-toggle" in page_html:
        return page_html
    end = page_html.find("</article>", start)
    article = page_html[start:end]
    at = next((article.find(mark) for mark in ('<div class="footnote">', '<aside class="md-source-file">')
               if mark in article), len(article))
    toggle = (f'<p class="pb-read"><button type="button" class="md-button pb-read-toggle" '
              f'data-chapter="{html.escape(slug)}" aria-pressed="false" disabled>Mark as read</button></p>')
    return page_html[:start + at] + toggle + page_html[start + at:]


def on_post_page(output: str, page, **_) -> str:
    return add_toggle(output, page.url)
