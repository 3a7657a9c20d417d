"""Report a problem: each numbered section ends with a link that opens a prefilled issue on the repository.

One job. The link is plain HTML from the build: nothing is fetched and no script runs before the reader
clicks. It opens GitHub's issue form `.github/ISSUE_TEMPLATE/report-a-problem.yml`; the query string
fills the form's fields by their ids (GitHub's documented "?template=…&<field id>=…" parameters): the
section's number and title, its short link (/s/<number>/, hooks/shortlinks.py) and the page's revision
date (hooks/revision_date.py, which runs before this hook). Runs after hooks/print_page.py has kept each
page's content, so the printed book carries no such links.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode

TEMPLATE = "report-a-problem.yml"
SECTION = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</h2>', re.S)
NEXT = re.compile(r"<h[12][\s>]")
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>|<button[^>]*>.*?</button>', re.S)
TAG = re.compile(r"<[^>]+>")
NUMBERED = re.compile(r"^(\d+\.\d+)\s+(.+)$")

SETTINGS: dict[str, str] = {}


def heading_title(body: str) -> str:
    """A heading's text without its permalink and buttons, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub("", HEADERLINK.sub("", body))).split())


def report_url(repo_url: str, site_url: str, number: str, title: str, revision: str) -> str:
    """The URL of a new issue, its form filled for section ``number``."""
    fields = {
        "template": TEMPLATE,
        "title": f"§{number} {title}: ",
        "section": f"§{number} {title}",
        "link": f"{site_url.rstrip('/')}/s/{number}/",
        "revision": revision or "unknown",
    }
    return f"{repo_url.rstrip('/')}/issues/new?" + urlencode(fields, quote_via=quote)


def add_links(page_html: str, repo_url: str, site_url: str, revision: str) -> str:
    """``page_html`` with a report link at the end of every numbered section (before the next H1/H2)."""
    sections = []
    for m in SECTION.finditer(page_html):
        number = NUMBERED.match(heading_title(m["body"]))
        if number:
            sections.append((m.end(), number[1], number[2]))
    if not sections:
        return page_html
    out, last = [], 0
    for start, number, title in sections:
        nxt = NEXT.search(page_html, start)
        end = nxt.start() if nxt else len(page_html)
        url = html.escape(report_url(repo_url, site_url, number, title, revision))
        label = html.escape(f"Report a problem with §{number} {title}")
        link = (f'<p class="pb-report"><a href="{url}" aria-label="{label}" rel="nofollow">'
                f"Report a problem with §{number}</a></p>\n")
        out.append(page_html[last:end])
        out.append(link)
        last = end
    out.append(page_html[last:])
    return "".join(out)


def on_config(config, **_):
    SETTINGS["repo_url"] = config.get("repo_url") or ""
    SETTINGS["site_url"] = config.get("site_url") or ""
    return config


def on_page_content(html_text, page, **_):
    if not SETTINGS.get("repo_url"):
        return html_text
    return add_links(html_text, SETTINGS["repo_url"], SETTINGS["site_url"], page.meta.get("revision_date", ""))
