"""Templates copied from Material to change one thing stay Material's in everything else.

overrides/partials/palette.html is Material's palette partial less `data-md-component="palette"` (the project
runs the switch itself: partials/javascripts/palette.html). On an upgrade of Material, this test fails if
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
