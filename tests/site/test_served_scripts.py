"""The scripts the site serves say what their sources say: every string, template and regex literal intact.

The build minifies the project's scripts (hooks/minify_assets.py); rJSmin once collapsed the spaces inside
template literals nested in a substitution, and the calculators showed "2of 3replicas needed" while the
source, which the browser tests then exercised, was right. This reads the files readers download.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import minify_assets
from hooks.js_literals import literals

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCRIPTS = [rel for rel in minify_assets.ASSETS if rel.endswith(".js")]


@pytest.mark.parametrize("rel", SCRIPTS)
def test_served_script_keeps_every_literal_of_its_source(site_dir: Path, rel: str) -> None:
    source = (DOCS / rel).read_text(encoding="utf-8")
    served = (site_dir / rel).read_text(encoding="utf-8")
    assert served != source, f"{rel} is served unminified: the hook did not run"
    want = [(lit.kind, lit.text) for lit in literals(source)]
    got = [(lit.kind, lit.text) for lit in literals(served)]
    assert len(got) == len(want), (rel, len(want), len(got))
    diff = [(w, g) for w, g in zip(want, got, strict=True) if w != g]
    assert not diff, f"{rel}: literals changed by the build: {diff[:5]}"


def test_the_calculators_messages_keep_their_spaces(site_dir: Path) -> None:
    served = (site_dir / "assets/javascripts/calculators.js").read_text(encoding="utf-8")
    for text in ('" of "', '" replicas needed"', '": "'):
        assert text in served, text
