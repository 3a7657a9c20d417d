"""Flashcards: a deck generated from the glossary and the chapters' rules of thumb, never kept by hand.

One job. Cards are read from the rendered HTML of the pages (on_page_content, which MkDocs runs for
every page before it renders any into its template), so macros, links and abbreviations are final:
- glossary (docs/glossary.md): each `### Term { #id }` is a card, term → the text up to the next heading;
- chapters: each `!!! tip "Rule of thumb"` is a card, "§n.k Section: rule of thumb?" → the tip's text and
  a link to the section (the H2 it sits under; the chapter when it sits above the first H2).
Adding a glossary term or a rule-of-thumb tip adds a card. The deck is written twice:
- into the /flashcards/ page (on_page_context), as keyboard-operable <details> flip cards;
- as /flashcards/playbook.csv (on_post_build) for Anki: UTF-8, comma-separated, RFC 4180 quoting, with
  Anki's file headers (#separator, #html, #notetype, #deck, #columns, #tags column; see
  https://docs.ankiweb.net/importing/text-files.html#file-headers); columns Front, Back, Tags; links absolute.
"""

from __future__ import annotations

import csv
import html
import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.structure.toc import AnchorLink

PAGE = "flashcards.md"
CSV_PATH = "flashcards/playbook.csv"
DECK = "System Design Playbook"

H3 = re.compile(r'<h3 id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</h3>', re.S)
HEADING = re.compile(r"<h[1-6]\b")
H12 = re.compile(r'<h(?P<level>[12]) id="(?P<id>[^"]+)"[^>]*>(?P<body>.*?)</h[12]>', re.S)
TIP = re.compile(r'<div class="admonition tip">\s*<p class="admonition-title">Rule of thumb</p>')
DIV = re.compile(r"<(/?)div\b")
TAG = re.compile(r"<[^>]+>")
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
HREF = re.compile(r'(\s(?:href|src))="([^"]*)"')
ABBR = re.compile(r"</?abbr\b[^>]*>")


@dataclass(frozen=True)
class Card:
    id: str  # unique on the page: "term-<glossary id>" or "rule-<section id>[-n]"
    front: str  # plain text
    back: str  # HTML, links relative to the site root ("/caching/#x")
    tags: tuple[str, ...]
    # Where the card comes from, as HTML: the section for a rule (shown everywhere); the glossary entry
    # for a term (in the Anki deck only: on the page the term's back already links to its chapter, and
    # 263 more links would take the page over its weight budget).
    source: str = ""
    source_on_page: bool = True


PAGES: dict[str, tuple[str, str]] = {}  # src_uri -> (page url, content html)


def text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub("", HEADERLINK.sub("", fragment))).split())


def rooted(fragment: str, page_url: str) -> str:
    """`fragment` with every relative link made site-absolute ("../caching/#x" on "glossary/" → "/caching/#x")."""
    base = "/" + (page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/").lstrip("/")

    def one(m: re.Match[str]) -> str:
        value = m.group(2)
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/"):
            return m.group(0)
        if value.startswith("#"):
            return f'{m.group(1)}="/{page_url.lstrip("/")}{value}"'
        path = posixpath.normpath(posixpath.join(base, parts.path)) + ("/" if parts.path.endswith("/") else "")
        return f'{m.group(1)}="{path}{"#" + parts.fragment if parts.fragment else ""}"'

    return HREF.sub(one, fragment)


def glossary_cards(content: str, page_url: str) -> list[Card]:
    """One card per H3 of the glossary: the term, and everything up to the next heading."""
    cards = []
    matches = list(H3.finditer(content))
    for m in matches:
        nxt = HEADING.search(content, m.end())
        body = content[m.end(): nxt.start() if nxt else len(content)].strip()
        if not body:
            continue
        back = rooted(ABBR.sub("", body), page_url)
        source = f'<a href="/{page_url}#{m["id"]}">Glossary: {html.escape(text(m["body"]))}</a>'
        cards.append(Card(f"term-{m['id']}", text(m["body"]), back, ("playbook", "playbook::glossary"),
                          source=f'<p class="pb-card__source">{source}</p>', source_on_page=False))
    return cards


def _div_end(content: str, start: int) -> int:
    """Index just past the </div> that closes the <div at `start`."""
    depth = 0
    for m in DIV.finditer(content, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return content.index(">", m.end()) + 1
    return len(content)


def rule_cards(content: str, page_url: str, slug: str) -> list[Card]:
    """One card per `!!! tip "Rule of thumb"`: its section as the question, its text as the answer."""
    headings = [(m.start(), m["id"], text(m["body"])) for m in H12.finditer(content)]
    cards: list[Card] = []
    for m in TIP.finditer(content):
        above = [h for h in headings if h[0] < m.start()]
        if not above:
            continue
        _, section_id, title = above[-1]
        body = content[m.end(): _div_end(content, m.start())].removesuffix("</div>").strip()
        number = re.match(r"^(\d+(?:\.\d+)?) (.+)$", title)
        label = f"§{number[1]} {number[2]}" if number else title
        link = f"/{page_url}" + ("" if section_id == slug else f"#{section_id}")
        back = rooted(ABBR.sub("", body), page_url)
        source = f'<p class="pb-card__source"><a href="{link}">{html.escape(label)}</a></p>'
        card_id = f"rule-{section_id}"
        n = sum(1 for c in cards if c.id == card_id or c.id.startswith(card_id + "-"))
        cards.append(Card(card_id if n == 0 else f"{card_id}-{n + 1}", f"{label}: the rule of thumb?", back,
                          ("playbook", "playbook::rule-of-thumb", f"playbook::{slug}"), source=source))
    return cards


def deck(config) -> list[Card]:
    """Every card: glossary terms in glossary order, then rules of thumb in chapter order."""
    chapters = yaml.safe_load((Path(config["config_file_path"]).parent / "data" / "chapters.yml").read_text("utf-8"))
    cards: list[Card] = []
    if "glossary.md" in PAGES:
        cards += glossary_cards(PAGES["glossary.md"][1], PAGES["glossary.md"][0])
    for c in sorted(chapters["chapters"], key=lambda c: c["number"]):
        if f"{c['slug']}.md" in PAGES:
            url, content = PAGES[f"{c['slug']}.md"]
            cards += rule_cards(content, url, c["slug"])
    return cards


def relative(fragment: str, page_url: str) -> str:
    """Site-absolute links made relative to the page at `page_url` (works from file:// too)."""
    base = "/" + (page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/").lstrip("/")

    def one(m: re.Match[str]) -> str:
        value = m.group(2)
        if not value.startswith("/") or value.startswith("//"):
            return m.group(0)
        path, _, fragment = value.partition("#")
        rel = posixpath.relpath(path, base) + ("/" if path.endswith("/") and path != "/" else "")
        return f'{m.group(1)}="{rel}{"#" + fragment if fragment else ""}"'

    return HREF.sub(one, fragment)


def absolute(fragment: str, site_url: str) -> str:
    """Site-absolute links made full URLs, for a deck that lives outside the site."""
    root = site_url.rstrip("/")
    return HREF.sub(lambda m: f'{m.group(1)}="{root}{m.group(2)}"' if m.group(2).startswith("/") and not
                    m.group(2).startswith("//") else m.group(0), fragment)


def page_html(cards: list[Card], page_url: str) -> str:
    """The deck as flip cards: <details> is a button that any keyboard opens with Enter or Space."""
    groups = [("Glossary", "playbook::glossary"), ("Rules of thumb", "playbook::rule-of-thumb")]
    csv_link = relative(f' href="/{CSV_PATH}"', page_url)
    out = [f'<p class="pb-flashcards__count">{len(cards)} cards. '
           f'<a{csv_link} download>Download the deck for Anki (CSV)</a>.</p>']
    for title, tag in groups:
        group = [c for c in cards if tag in c.tags]
        if not group:
            continue
        gid = "deck-" + tag.split("::")[1]
        out.append(f'<h2 id="{gid}">{title} <small>({len(group)} cards)</small></h2>')
        out.append(f'<ol class="pb-flashcards" aria-labelledby="{gid}">')
        for c in group:
            out.append(
                f'<li class="pb-card" id="card-{c.id}"><details>'
                f'<summary><span class="pb-card__front">{html.escape(c.front)}</span></summary>'
                f'<div class="pb-card__back">{relative(c.back + (c.source if c.source_on_page else ""), page_url)}'
                f"</div></details></li>"
            )
        out.append("</ol>")
    return "\n".join(out)


def csv_text(cards: list[Card], site_url: str) -> str:
    """The deck in Anki's CSV import format (file headers, then Front, Back, Tags)."""
    buf = io.StringIO()
    buf.write(
        "#separator:Comma\n#html:true\n#notetype:Basic\n"
        f"#deck:{DECK}\n#columns:Front,Back,Tags\n#tags column:3\n"
    )
    writer = csv.writer(buf, lineterminator="\n")
    for c in cards:
        # One line per note (HTML needs no newlines), with where it comes from.
        back = " ".join(absolute(f"{c.back}\n{c.source}", site_url).split())
        writer.writerow([html.escape(c.front, quote=False), back, " ".join(c.tags)])
    return buf.getvalue()


def on_config(config, **_):
    PAGES.clear()
    return config


def on_page_content(content, page, **_):
    PAGES[page.file.src_uri] = (page.url, content)
    return content


def on_page_context(context, page, config, **_):
    if page.file.src_uri == PAGE:
        cards = deck(config)
        page.content = page.content + "\n" + page_html(cards, page.url)
        if page.toc.items:
            groups = (("Glossary", "glossary"), ("Rules of thumb", "rule-of-thumb"))
            page.toc.items[0].children.extend(
                AnchorLink(title, f"deck-{tag}", 2) for title, tag in groups
                if any(f"playbook::{tag}" in c.tags for c in cards)
            )
    return context


def on_post_build(config, **_):
    if PAGE not in PAGES:
        return
    out = Path(config["site_dir"]) / CSV_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(csv_text(deck(config), config["site_url"] or "/"), encoding="utf-8")
