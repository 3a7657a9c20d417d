"""A page that hides its table of contents (`hide: [toc]`) does not ship it.

One job. Material renders a hidden table of contents anyway, twice: in the secondary sidebar (with the
`hidden` attribute) and inside the main navigation for the mobile drawer. On a page with hundreds of
headings, such as the glossary, that is over 100 KB of HTML nobody sees. While such a page is rendered,
its table of contents is only the page title (Material's skip link needs it); the full one is put back
afterwards for any hook that reads it.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents

FULL_TOC = "_playbook_full_toc"


def on_page_context(context, page, **_):
    hidden = (page.meta or {}).get("hide") or []
    if "toc" in hidden and page.toc.items:
        first = page.toc.items[0]
        setattr(page, FULL_TOC, page.toc)
        page.toc = TableOfContents([AnchorLink(first.title, first.id, first.level)])
    return context


def on_post_page(output: str, page, **_) -> str:
    full = getattr(page, FULL_TOC, None)
    if full is not None:
        page.toc = full
        delattr(page, FULL_TOC)
    return output
