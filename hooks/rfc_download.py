"""The RFC template as a download: publish the outline of rfc-template.md as downloads/rfc-template.md.

One job. The page is the single source: the outline is the block inside
``<div class="pb-rfc-template" markdown>`` of docs/rfc-template.md, taken after the
macros have run, with heading ids removed and links to chapters made absolute
(they must work from a document outside this site). A page without the block
stops the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

SOURCE = "rfc-template.md"
OUTPUT = "downloads/rfc-template.md"
BLOCK = re.compile(r'^<div class="pb-rfc-template" markdown>\n(?P<body>.*?)\n</div>\s*$', re.M | re.S)
HEADING_ATTRS = re.compile(r"^(?P<heading>#{1,6} .*?)[ \t]*\{[^}]*\}[ \t]*$", re.M)
DOC_LINK = re.compile(r"\]\((?P<path>[A-Za-z0-9_/-]+)\.md(?P<fragment>#[A-Za-z0-9_-]+)?\)")

TEMPLATE: dict[str, str] = {}


def to_download(body: str, site_url: str, page_url: str) -> str:
    """The outline as a stand-alone Markdown document."""
    base = (site_url or "/").rstrip("/") + "/"

    def absolute(m: re.Match) -> str:
        path = "" if m["path"] == "index" else m["path"] + "/"
        return f"]({base}{path}{m['fragment'] or ''})"

    text = HEADING_ATTRS.sub(lambda m: m["heading"], body.strip())
    text = DOC_LINK.sub(absolute, text)
    header = (
        "# RFC: *title*\n\n"
        f"<!-- Outline from the System Design Playbook, {base}{page_url}. "
        "Replace each prompt in italics; keep the links to the guidance or delete them. -->\n\n"
    )
    return header + text + "\n"


def on_config(config, **_):
    TEMPLATE.clear()
    return config


def on_page_markdown(markdown, page, config, **_):
    if page.file.src_uri != SOURCE:
        return markdown
    m = BLOCK.search(markdown)
    if not m:
        raise PluginError(f'{SOURCE}: no <div class="pb-rfc-template" markdown> block to publish as {OUTPUT}')
    TEMPLATE["text"] = to_download(m["body"], config["site_url"], page.url)
    return markdown


def on_post_build(config, **_):
    if "text" not in TEMPLATE:
        if (Path(config["docs_dir"]) / SOURCE).is_file():
            raise PluginError(f"{SOURCE} was not rendered, so {OUTPUT} cannot be written")
        return
    out = Path(config["site_dir"]) / OUTPUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(TEMPLATE["text"], encoding="utf-8")
