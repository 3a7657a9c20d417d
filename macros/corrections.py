"""The Corrections page: the dated log of corrections to the playbook itself (``data/corrections.yml``).

Each entry names the section by its number and id; the log links it by its short link ``/s/<number>/``,
the address a reader cites. Corrections of the seed text are on the conventions page.
"""

from __future__ import annotations

import datetime as dt
import re

from .chapters import DOCS_DIR, chapter_title, chapters
from .data import load
from .errors import MacroInputError
from .tables import md_table

__all__ = ["corrections_count", "corrections_log"]

NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
FIELDS = ("date", "page", "section", "id", "said", "says", "why")
# Pages without numbered sections (the glossary, the conventions, the tool pages) name the entry or heading
# by its title instead of a section number; their link is the page's own anchor.
UNNUMBERED_FIELDS = ("date", "page", "title", "id", "said", "says", "why")


def _sort_key(e: dict) -> tuple:
    if "section" not in e:
        return (e["date"], [10_000], e["page"], e["title"])
    return (e["date"], [int(x) for x in str(e["section"]).split(".")], e["page"], "")


def _entries() -> list[dict]:
    entries = load("corrections")["corrections"]
    for i, e in enumerate(entries):
        fields = FIELDS if "section" in e else UNNUMBERED_FIELDS
        missing = [f for f in fields if not str(e.get(f, "")).strip()]
        if missing:
            raise MacroInputError(f"corrections[{i}]", e, f"every entry needs {', '.join(fields)}; missing {missing}")
        if "section" in e and not NUMBER.match(str(e["section"])):
            raise MacroInputError(f"corrections[{i}].section", e["section"], "a section number such as 9.2 is accepted")
        if not isinstance(e["date"], dt.date):
            raise MacroInputError(f"corrections[{i}].date", e["date"], "a date YYYY-MM-DD is accepted")
    return sorted(entries, key=_sort_key)


def _cell(text: object) -> str:
    return " ".join(str(text).split())  # md_table escapes "|"


def _where(e: dict, base: str) -> list[str]:
    """The Section and Short link cells: §N.M and /s/N.M/, or the entry's title and its anchor address."""
    if "section" in e:
        return [f"[§{e['section']}]({e['page']}.md#{e['id']})", f"[/s/{e['section']}/]({base}/s/{e['section']}/)"]
    anchor = f"/{e['page']}/#{e['id']}"
    return [f"[{_cell(e['title'])}]({e['page']}.md#{e['id']})", f"[{anchor}]({base}{anchor})"]


FRONT_TITLE = re.compile(r"^title:\s*(?P<title>.+?)\s*$", re.M)


def _page_title(page: str) -> str:
    """'§12 Caching' for a chapter; the page's own title (its front matter's) for the others."""
    if any(c["slug"] == page for c in chapters()):
        return chapter_title(page)
    if page == "index":
        return "Home page"
    path = DOCS_DIR / f"{page}.md"
    if not path.is_file():
        raise MacroInputError("page", page, "a page of docs/ (a chapter slug or a tool page's file name) is accepted")
    m = FRONT_TITLE.search(path.read_text(encoding="utf-8").split("\n---", 1)[0])
    if not m:
        raise MacroInputError("page", page, "a page whose front matter has a title: is accepted")
    return m["title"].strip("\"'")


def corrections_count() -> str:
    """How many corrections the log holds."""
    return f"{len(_entries()):,}"


def corrections_log(site_url: object) -> str:
    """The log by date, newest first, and within a date one table per page, the chapters in order and then the
    other pages by name (its heading the page's title, its id ``corrections-<date>-<page>``); each row links
    its section and its short link.

    A table per page keeps each one short: a reader looks up the page they cite, and the page's tables below
    the first screen are drawn after it starts (hooks/table_wrap.py) instead of one long table at once.

    ``site_url`` is the site's published address (``config.site_url``), which short links are cited by.
    """
    if not isinstance(site_url, str) or not site_url.startswith("https://"):
        raise MacroInputError("site_url", site_url, "the site's https:// address (config.site_url) is accepted")
    base = site_url.rstrip("/")
    by_date: dict[dt.date, list[dict]] = {}
    for e in _entries():
        by_date.setdefault(e["date"], []).append(e)
    parts = []
    for date in sorted(by_date, reverse=True):
        day = date.isoformat()
        by_page: dict[str, list[dict]] = {}
        for e in by_date[date]:  # already in that order (_sort_key)
            by_page.setdefault(e["page"], []).append(e)
        n, pages = len(by_date[date]), len(by_page)
        parts.append(f"### {day} {{ #corrections-{day} }}\n\n"
                     f"{n:,} correction{'s' if n != 1 else ''} on {pages:,} page{'s' if pages != 1 else ''}.")
        for page, entries in by_page.items():
            rows = [[*_where(e, base), _cell(e["said"]), _cell(e["says"]), _cell(e["why"])] for e in entries]
            parts.append(f"#### {_page_title(page)} {{ #corrections-{day}-{page} }}\n\n"
                         + md_table(["Section", "Short link", "It said", "It says now", "Why (source)"], rows))
    return "\n\n".join(parts)
