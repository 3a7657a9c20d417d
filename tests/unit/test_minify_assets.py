"""hooks/minify_assets.py: the built site's copies of the project's scripts and stylesheet are minified."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from hooks import minify_assets

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture()
def copied(tmp_path: Path) -> Path:
    for rel in minify_assets.ASSETS:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DOCS / rel, tmp_path / rel)
    return tmp_path


def test_each_asset_gets_smaller_and_stays_valid(copied: Path) -> None:
    sizes = minify_assets.minify(copied)
    assert set(sizes) == set(minify_assets.ASSETS)
    for rel, (before, after) in sizes.items():
        assert after < 0.8 * before, (rel, before, after)
        text = (copied / rel).read_text()
        assert "/*" not in text.replace("/*!", ""), f"{rel}: a comment is left"
        if rel.endswith(".js"):
            # The minified script still parses (Node is a dependency of the suite: Lighthouse, axe, vnu).
            subprocess.run(["node", "--check", str(copied / rel)], check=True, capture_output=True)
        else:
            assert text.count("{") == text.count("}") and text.count("{") > 100


def test_strings_and_regular_expressions_are_kept(tmp_path: Path) -> None:
    for rel in minify_assets.ASSETS:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("a { b: c }\n" if rel.endswith(".css") else "x();\n")
    js = tmp_path / "assets/javascripts/playbook.js"
    js.write_text('const s = "a  /* not a comment */  b"; // gone\nconst r = /\\/\\/ x/g; const t = `  ${s}  `;\n')
    minify_assets.minify(tmp_path)
    out = js.read_text()
    assert '"a  /* not a comment */  b"' in out and "/\\/\\/ x/g" in out and "`  ${s}  `" in out
    assert "gone" not in out


def test_a_missing_asset_stops_the_build(copied: Path) -> None:
    (copied / "assets/javascripts/calculators.js").unlink()
    with pytest.raises(minify_assets.AssetNotMinified, match=r"calculators\.js is not in the built site"):
        minify_assets.minify(copied)


def test_the_built_site_serves_the_minified_copies(site_dir: Path) -> None:
    for rel in minify_assets.ASSETS:
        built, source = (site_dir / rel).read_text(), (DOCS / rel).read_text()
        assert len(built) < 0.8 * len(source), rel
        assert "/*" not in built.replace("/*!", ""), rel
