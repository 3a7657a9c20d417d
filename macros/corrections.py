"""The Corrections page: the dated log of corrections to the playbook itself (``data/corrections.yml``).

Each entry names the section by its number and id; the log links it by its short link ``/s/<number>/``,
the address a reader cites. Corrections of the seed text are on the conventions page.
"""

from __future__ import annotations

import datetime as dt
import re

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


def corrections_count() -> str:
    """How many corrections the log holds."""
    return f"{len(_entries()):,}"


def corrections_log(site_url: object) -> str:
    """The log as one table per date, newest date first; each row links its section and its short link.

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
        rows = [[*_where(e, base), _cell(e["said"]), _cell(e["says"]), _cell(e["why"])] for e in by_date[date]]
        parts.append(f"### {date.isoformat()} {{ #corrections-{date.isoformat()} }}\n\n"
                     + md_table(["Section", "Short link", "It said", "It says now", "Why (source)"], rows))
    return "\n\n".join(parts)
