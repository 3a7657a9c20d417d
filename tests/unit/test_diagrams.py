"""Pre-rendered Mermaid diagrams: committed SVGs are current and self-contained.

These tests only hash and read files; they need neither Node nor Chromium.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCRIPT = ROOT / "tools" / "render_diagrams.py"
FIX_HINT = "run `python tools/render_diagrams.py` and commit the SVGs"


def _load_renderer() -> ModuleType:
    name = "playbook_render_diagrams"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve annotations via sys.modules
    spec.loader.exec_module(module)
    return module


rd = _load_renderer()
SOURCES = rd.find_sources(DOCS)
SVGS = sorted(p for p in DOCS.rglob("*.svg") if p.parent.name == "diagrams")


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_are_diagrams() -> None:
    assert SOURCES, "expected at least one docs/**/diagrams/*.mmd"


@pytest.mark.parametrize("source", SOURCES, ids=_rel)
def test_svgs_exist_and_match_source(source: Path) -> None:
    current = hashlib.sha256(source.read_bytes()).hexdigest()
    for variant in rd.VARIANTS:
        svg = rd.svg_path(source, variant)
        assert svg.is_file(), f"{_rel(svg)} is missing: {FIX_HINT}"
        stamp = rd.read_stamp(svg.read_text(encoding="utf-8"))
        assert stamp is not None, f"{_rel(svg)} has no playbook stamp: {FIX_HINT}"
        assert stamp.get("source-sha256") == current, (
            f"{_rel(svg)} is stale: it was rendered from an older {source.name} ({FIX_HINT})"
        )
        assert stamp.get("theme") == variant.name
        assert stamp.get("mermaid-cli"), f"{_rel(svg)} does not record mermaid-cli"
    # Everything else the renderer considers stale (render settings changed,
    # mermaid-cli bumped in package.json, ...).
    reasons = rd.stale_reasons(source)
    assert reasons == [], f"{_rel(source)} is stale: {'; '.join(reasons)} ({FIX_HINT})"


def test_check_mode_passes_on_committed_svgs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert rd.main(["--check"]) == 0, capsys.readouterr()


@pytest.mark.parametrize("svg", SVGS, ids=_rel)
def test_svg_has_no_external_references(svg: Path) -> None:
    text = svg.read_text(encoding="utf-8")
    urls = re.findall(r"""https?://[^\s"'<>)]+""", text)
    allowed = {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
        "http://www.w3.org/1999/xhtml",
    }
    assert set(urls) <= allowed, f"{_rel(svg)} references {set(urls) - allowed}"
    assert "@import" not in text, f"{_rel(svg)} imports a stylesheet or font"
    assert rd.find_external_urls(text) == []


@pytest.mark.parametrize("svg", SVGS, ids=_rel)
def test_svg_is_static_plain_svg(svg: Path) -> None:
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg"), f"{_rel(svg)} is not an SVG"
    assert "<script" not in text.lower(), f"{_rel(svg)} contains a script"
    # htmlLabels: false -> labels are SVG <text>, not embedded HTML.
    assert "<foreignObject" not in text, f"{_rel(svg)} embeds HTML labels"
    # The SVG is shown through <img>; fixed width/height give it an intrinsic
    # size instead of stretching to the column.
    root = re.match(r"\s*<svg\b[^>]*>", text)
    assert root is not None
    assert re.search(r'\swidth="[0-9.]+"', root.group(0)), "root <svg> needs a width"
    assert re.search(r'\sheight="[0-9.]+"', root.group(0)), "root <svg> needs a height"


def test_svg_ids_are_unique() -> None:
    ids: dict[str, Path] = {}
    for svg in SVGS:
        root = re.match(r'\s*<svg\b[^>]*\sid="([^"]+)"', svg.read_text("utf-8"))
        assert root is not None, f"{_rel(svg)} root <svg> has no id"
        assert root.group(1) not in ids, f"{_rel(svg)} reuses id of {ids[root.group(1)]}"
        ids[root.group(1)] = svg


def test_every_svg_has_a_source() -> None:
    expected = {rd.svg_path(s, v) for s in SOURCES for v in rd.VARIANTS}
    orphans = [_rel(p) for p in SVGS if p not in expected]
    assert not orphans, f"SVGs without a .mmd source (delete them): {orphans}"


@pytest.fixture
def diagram_copy(tmp_path: Path) -> Path:
    """Copy one committed diagram (source + both SVGs) into tmp/docs/diagrams.

    The copied SVGs are re-stamped as current so that this test checks the
    detection logic, independent of whether the committed SVGs are fresh.
    """
    source = SOURCES[0]
    dest_dir = tmp_path / "docs" / "diagrams"
    dest_dir.mkdir(parents=True)
    copy = dest_dir / source.name
    shutil.copy2(source, copy)
    version = rd.pinned_mermaid_cli_version() or "0.0.0"
    for variant in rd.VARIANTS:
        svg = rd.svg_path(source, variant)
        if not svg.is_file():
            pytest.skip(f"{_rel(svg)} missing (covered by test_svgs_exist_and_match_source)")
        stamp = rd.make_stamp(rd.source_sha256(copy), variant, version)
        rd.svg_path(copy, variant).write_text(rd.postprocess(svg.read_text("utf-8"), stamp), "utf-8")
    return copy


def test_staleness_detection(diagram_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs_dir = diagram_copy.parent.parent
    assert rd.stale_reasons(diagram_copy) == []
    assert rd.check_all(rd.find_sources(docs_dir)) == {}
    assert rd.main(["--check", "--docs-dir", str(docs_dir)]) == 0

    diagram_copy.write_text(diagram_copy.read_text(encoding="utf-8") + "%% edited\n", encoding="utf-8")
    reasons = rd.stale_reasons(diagram_copy)
    assert len(reasons) == len(rd.VARIANTS), reasons
    assert all("older version" in r for r in reasons), reasons
    assert rd.check_all(rd.find_sources(docs_dir)) == {diagram_copy: reasons}

    capsys.readouterr()
    assert rd.main(["--check", "--docs-dir", str(docs_dir)]) == 1
    captured = capsys.readouterr()
    assert "stale:" in captured.out
    assert "python tools/render_diagrams.py" in captured.err


def test_missing_svg_is_reported(diagram_copy: Path) -> None:
    rd.svg_path(diagram_copy, rd.VARIANTS[-1]).unlink()
    reasons = rd.stale_reasons(diagram_copy)
    assert reasons == [f"{rd.svg_path(diagram_copy, rd.VARIANTS[-1]).name}: missing"]


def test_unstamped_svg_is_reported(diagram_copy: Path) -> None:
    svg = rd.svg_path(diagram_copy, rd.VARIANTS[0])
    svg.write_text(re.sub(r"<!--.*?-->", "", svg.read_text("utf-8")), "utf-8")
    assert any("no playbook-diagram stamp" in r for r in rd.stale_reasons(diagram_copy))


@pytest.mark.parametrize(
    ("snippet", "bad"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"/>', False),
        ('<svg xmlns:xlink="http://www.w3.org/1999/xlink"/>', False),
        ("<style>@import url(fonts.css);</style>", True),
        ("<style>@font-face{src:url(https://fonts.gstatic.com/x.woff2)}</style>", True),
        ('<image href="//cdn.example.com/logo.png"/>', True),
        ('<a href="http://example.org/">x</a>', True),
    ],
)
def test_find_external_urls(snippet: str, bad: bool) -> None:
    assert bool(rd.find_external_urls(snippet)) is bad
