"""The chapter map (``data/chapters.yml``) and cross-references between chapters.

``ref("caching", "cache-invalidation")`` renders ``[§12.5 Invalidation](caching.md#cache-invalidation)``,
reading the section's number and title from the target page's heading, so link texts
follow renumbering. A chapter that is not written yet renders as plain text; a
section id that does not exist in a written chapter stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from .data import DATA_DIR, load
from .errors import MacroInputError

__all__ = ["chapter_map", "chapter_title", "ref"]

DOCS_DIR = DATA_DIR.parent / "docs"
HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*\{[^}]*#(?P<id>[A-Za-z0-9_-]+)[^}]*\}\s*$", re.M)
NUMBERED = re.compile(r"^(?P<number>\d+(?:\.\d+)*) ")


def chapters() -> list[dict]:
    """The chapter map in reading order."""
    return load("chapters")["chapters"]


def chapter(slug: object) -> dict:
    """One chapter's entry, by slug."""
    for c in chapters():
        if c["slug"] == slug:
            return c
    raise MacroInputError("slug", slug, "a chapter slug from data/chapters.yml is accepted")


def written(slug: str, docs_dir: Path = DOCS_DIR) -> bool:
    """Whether the chapter's page exists yet."""
    return (docs_dir / f"{slug}.md").is_file()


def section_headings(slug: str, docs_dir: Path = DOCS_DIR) -> dict[str, str]:
    """{id: link text} for every heading with an explicit id on a page.

    A numbered heading gives "12.5 Invalidation"; an unnumbered sub-heading borrows the
    number of the section it sits in: "12.5 Invalidation: The delete/repopulate race".
    """
    text = (docs_dir / f"{slug}.md").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    parent = ""
    for m in HEADING.finditer(text):
        if NUMBERED.match(m["text"]):
            parent = m["text"]
            out[m["id"]] = m["text"]
        else:
            out[m["id"]] = f"{parent}: {m['text']}" if parent else m["text"]
    return out


def chapter_title(slug: object) -> str:
    """'§12 Caching' for a slug."""
    c = chapter(slug)
    return f"§{c['number']} {c['title']}"


def ref(slug: object, section: object = None) -> str:
    """A Markdown link to a chapter or one of its sections, with number and title as text."""
    c = chapter(slug)
    if not written(c["slug"]):
        if section is not None:
            raise MacroInputError(
                "slug", slug, "a written chapter is needed to link a section; link the chapter alone until it exists"
            )
        return chapter_title(slug)
    if section is None:
        return f"[{chapter_title(slug)}]({c['slug']}.md)"
    headings = section_headings(c["slug"])
    if section not in headings:
        raise MacroInputError("section", section, f"a section id of {c['slug']}.md is accepted: " + ", ".join(headings))
    return f"[§{headings[section]}]({c['slug']}.md#{section})"


def chapter_map() -> str:
    """The chapter map as a Markdown table; unwritten chapters are listed without a link.

    Each link carries ``data-chapter="<slug>"`` (attr_list), which the reading-progress script uses.
    """
    lines = ["| § | Chapter | Part |", "|--:|:--|:--|"]
    for c in chapters():
        title = (
            f"[{c['title']}]({c['slug']}.md){{ data-chapter=\"{c['slug']}\" }}"
            if written(c["slug"])
            else f"{c['title']} *(in preparation)*"
        )
        lines.append(f"| {c['number']} | {title} | {c['part']} |")
    return "\n".join(lines) + "\n"
