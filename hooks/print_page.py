"""The whole playbook on one page: /print/ gets every chapter's rendered HTML, in chapter order.

One job. MkDocs converts every page's Markdown (on_page_content) before it renders any page into
its template (on_page_context), so each chapter's HTML is kept as it is converted, and the print
page's content is completed just before the print page is rendered: its own introduction, then the
chapters in the order of data/chapters.yml, then the appendices (glossary, conventions) that exist.

On the combined page every id must stay unique and every link must still land:
- each id of a page is prefixed with the page's slug (`caching--cache-invalidation`), except an id
  equal to the slug itself (a chapter's H1), so `#caching` is the chapter;
- `for`, `name` and the `aria-*` id references are prefixed the same way;
- its tables are laid out with the page, not drawn later (no `pb-table--below`, hooks/table_wrap.py): the
  book is read to print it, and checkers reading it as it loads saw some tables still undrawn;
- the light diagrams (the ones print shows) lose the `loading="lazy"` that hooks/diagram_images.py
  gives them (on_post_page, run last), so a printout never misses one;
- an in-page link `#x` becomes `#<slug>--x`; a link to a page that is on the print page becomes an
  in-page link; any other relative link or image is made relative to the print page.
The print page is excluded from search (front matter), so its text never doubles a chapter's hits.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import AnchorLink

PRINT_SLUG = "print"
BELOW = "pb-table pb-table--below"  # hooks/table_wrap.py
APPENDICES = ("glossary", "conventions")  # printed after the chapters, when their page exists

CONTENT: dict[str, str] = {}  # slug -> rendered HTML of the page's Markdown
URLS: dict[str, str] = {}  # slug -> page url ("caching/" or "caching.html")
TITLES: dict[str, str] = {}  # slug -> title for the print page's table of contents

ID_ATTR = re.compile(r'(\s)(id|for|name|aria-labelledby|aria-describedby|aria-controls|aria-owns)="([^"]*)"')
LINK_ATTR = re.compile(r'(\s)(href|src)="([^"]*)"')
DETAILS = re.compile(r"<details(?![^>]*\bopen\b)")
LAZY_LIGHT = re.compile(
    r'<img\b[^>]*#only-light"[^>]*\sloading="lazy"[^>]*>|<img\b[^>]*\sloading="lazy"[^>]*#only-light"[^>]*>'
)
TAG = re.compile(r"<[A-Za-z][^<>]*>")  # a start tag; escaped markup in code (&lt;a href=…) is not one


def order(config) -> list[tuple[str, str]]:
    """[(slug, title)] of what the print page holds: chapters in number order, then appendices."""
    data = yaml.safe_load((Path(config["config_file_path"]).parent / "data" / "chapters.yml").read_text("utf-8"))
    chapters = [(c["slug"], f"{c['number']} {c['title']}") for c in sorted(data["chapters"], key=lambda c: c["number"])]
    extras = {e["slug"]: e["title"] for e in data["extras"]}
    return chapters + [(slug, extras.get(slug, slug.title())) for slug in APPENDICES]


def prefixed(slug: str, value: str) -> str:
    """The id `value` of page `slug` on the print page."""
    return value if value == slug else f"{slug}--{value}"


def _absolute(page_url: str, href: str) -> str:
    """The site-root path of a relative `href` found on the page at `page_url`."""
    base = posixpath.dirname("/" + page_url) if not page_url.endswith("/") else "/" + page_url
    return posixpath.normpath(posixpath.join(base, href)) + ("/" if href.endswith("/") else "")


def rewrite(slug: str, page_url: str, html: str, print_url: str, targets: dict[str, str]) -> str:
    """A page's HTML made fit for the print page (see the module docstring).

    `targets` maps the site-root path of each page on the print page ("/caching/") to its slug.
    """

    def ids(m: re.Match[str]) -> str:
        space, attr, value = m.groups()
        new = " ".join(prefixed(slug, v) for v in value.split()) if attr.startswith("aria-") else prefixed(slug, value)
        return f'{space}{attr}="{new}"'

    def links(m: re.Match[str]) -> str:
        space, attr, value = m.groups()
        if value.startswith("#"):
            return f'{space}{attr}="#{prefixed(slug, value[1:])}"' if len(value) > 1 else m.group(0)
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/") or not parts.path:
            return m.group(0)  # external, site-absolute, mailto:, data: … stay as they are
        path = _absolute(page_url, parts.path)
        target = targets.get(path)
        if attr == "href" and target:
            return f'{space}href="#{prefixed(target, parts.fragment) if parts.fragment else target}"'
        new = posixpath.relpath(path, _absolute(print_url, "."))
        new += "/" if parts.path.endswith("/") and not new.endswith("/") else ""
        new += f"?{parts.query}" if parts.query else ""
        new += f"#{parts.fragment}" if parts.fragment else ""
        return f'{space}{attr}="{new}"'

    html = TAG.sub(lambda tag: LINK_ATTR.sub(links, ID_ATTR.sub(ids, tag.group(0))), html)
    return DETAILS.sub("<details open", html)  # collapsed blocks print open


def on_config(config, **_):
    CONTENT.clear()
    URLS.clear()
    TITLES.clear()
    return config


def on_page_content(html, page, config, **_):
    slug = page.file.src_uri.removesuffix(".md")
    if slug in dict(order(config)):
        CONTENT[slug] = html
        URLS[slug] = page.url
    return html


def on_page_context(context, page, config, **_):
    if page.file.src_uri != f"{PRINT_SLUG}.md":
        return context
    included = [(slug, title) for slug, title in order(config) if slug in CONTENT]
    targets = {"/" + URLS[slug]: slug for slug, _ in included}  # "/caching/", or "/caching.html" offline
    parts = [page.content]
    for slug, _title in included:
        html = rewrite(slug, URLS[slug], CONTENT[slug], page.url, targets).replace(BELOW, "pb-table")
        anchor = "" if f'id="{slug}"' in html else f' id="{slug}"'
        parts.append(f'<section class="pb-print-chapter"{anchor} data-pb-slug="{slug}">\n{html}\n</section>')
    page.content = "\n".join(parts)
    if page.toc.items:
        page.toc.items[0].children.extend(AnchorLink(title, slug, 2) for slug, title in included)
    return context


@event_priority(-100)  # after hooks/diagram_images.py has made the diagrams lazy
def on_post_page(output, page, **_):
    if page.file.src_uri != f"{PRINT_SLUG}.md":
        return output
    return LAZY_LIGHT.sub(lambda m: m.group(0).replace(' loading="lazy"', ""), output)
