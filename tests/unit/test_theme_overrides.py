"""Templates copied from Material to change one thing stay Material's in everything else.

overrides/partials/palette.html is Material's palette partial less `data-md-component="palette"` (the project
runs the switch itself: partials/javascripts/palette-switch.html). On an upgrade of Material, this test fails if
Material's partial changed, so the copy is brought up to date instead of drifting.
"""

from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
LEADING_COMMENT = re.compile(r"\A\{#-?.*?-?#\}\s*", re.S)


def body(path: Path) -> str:
    return LEADING_COMMENT.sub("", path.read_text(encoding="utf-8"))


def test_the_palette_partial_is_materials_less_its_component() -> None:
    ours, theirs = body(ROOT / "overrides/partials/palette.html"), body(MATERIAL / "partials/palette.html")
    assert 'data-md-component="palette"' in theirs, "Material's palette partial changed: review the copy"
    assert 'data-md-component="palette"' not in ours
    assert ours == theirs.replace('data-md-component="palette"', "data-pb-palette")


def test_no_script_runs_inside_the_header(html_pages: dict[str, str]) -> None:
    """The browser may paint where the parser stops after a script: inside the header, that paint showed it
    without its search box, which then pushed the title and the palette switch aside (a layout shift).
    Material's header includes its palette script (partials/javascripts/palette.html, empty here); the
    project's switch runs just after </header> (main.html), before the article."""
    assert '{% include "partials/javascripts/palette.html" %}' in (MATERIAL / "partials/header.html").read_text(
        encoding="utf-8"
    ), "Material's header no longer includes its palette script there: review the overrides"
    assert body(ROOT / "overrides/partials/javascripts/palette.html").strip() == ""
    for url, html in html_pages.items():
        start, end = html.index("<header"), html.index("</header>")
        assert "<script" not in html[start:end], f"{url}: a script inside the header"
        after = html[end:html.index("<main")]
        assert after.count("<script") == 1 and "form[data-pb-palette]" in after, f"{url}: the palette switch"
