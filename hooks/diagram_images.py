"""Diagram images load lazily and reserve their space.

One job. Each diagram is embedded twice (light and dark SVG, one hidden by CSS). Without
`loading="lazy"` a browser fetches both, hidden or not, before the page is done; with it, only the
one shown, when it nears the viewport. `height` (from the SVG's viewBox and the `width` the chapter
chose) lets the browser reserve the box before the file arrives, so nothing shifts.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

IMG = re.compile(r'<img (?P<attrs>[^>]*\bsrc="(?P<src>[^"]*?diagrams/(?P<name>[^"/#]+\.svg))[^"]*"[^>]*?)\s*/?>')
VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+(?P<w>[\d.]+)[\s,]+(?P<h>[\d.]+)\s*"')
WIDTH = re.compile(r'\bwidth="(?P<w>\d+)"')

DOCS: Path | None = None


def on_config(config, **_):
    global DOCS
    DOCS = Path(config["docs_dir"])
    ratio.cache_clear()


@cache
def ratio(name: str) -> float | None:
    """Height / width of docs/diagrams/<name> from its viewBox, or None when it has none."""
    path = (DOCS or Path("docs")) / "diagrams" / name
    if not path.is_file():
        return None
    m = VIEWBOX.search(path.read_text(encoding="utf-8")[:4000])
    return float(m["h"]) / float(m["w"]) if m and float(m["w"]) else None


def size_and_defer(html: str) -> str:
    def fix(m: re.Match[str]) -> str:
        attrs = m["attrs"]
        extra = []
        width = WIDTH.search(attrs)
        r = ratio(m["name"])
        if width and r and " height=" not in f" {attrs}":
            extra.append(f'height="{round(int(width["w"]) * r)}"')
        if "loading=" not in attrs:
            extra.append('loading="lazy"')
        if "decoding=" not in attrs:
            extra.append('decoding="async"')
        return f"<img {' '.join([attrs, *extra])}>"

    return IMG.sub(fix, html)


def on_post_page(output: str, **_) -> str:
    return size_and_defer(output)
