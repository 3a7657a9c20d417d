"""Pre-render the playbook's Mermaid diagrams to static SVG files.

Diagram sources live next to the pages that use them, as
``docs/**/diagrams/<name>.mmd``.  For every source this script renders two
SVGs with mermaid-cli (``node_modules/.bin/mmdc``, driving a headless
Chromium):

* ``<name>.light.svg`` -- mermaid theme ``default`` for Material's light
  (``default``) palette;
* ``<name>.dark.svg`` -- mermaid theme ``dark``, tuned for Material's
  ``slate`` palette (page background ``#1e2129``).

Both have a transparent background, plain SVG ``<text>`` labels (no
``<foreignObject>``), a system font stack and no reference to any external
host.  Pages reference them as images::

    ![Request path](diagrams/request-path-budget.light.svg#only-light)
    ![Request path](diagrams/request-path-budget.dark.svg#only-dark)

The SVGs are committed, so building or serving the site never needs Node or
a browser, and no Mermaid JavaScript ships on any page.  Each SVG carries a
stamp right after its opening ``<svg>`` tag::

    <!-- playbook-diagram source-sha256=... theme=light config-sha256=...
         mermaid-cli=X.Y.Z -->

An SVG is *stale* when its stamp is missing, its ``source-sha256`` differs
from the sha256 of the current ``.mmd`` file, its ``config-sha256`` differs
from the render settings in this file, or its ``mermaid-cli`` differs from the
version pinned in ``package.json``.  Stale or missing SVGs are
re-rendered; up-to-date ones are skipped unless ``--force`` is given.

Usage (from the project root)::

    PUPPETEER_SKIP_DOWNLOAD=1 npm ci        # once: installs mermaid-cli
    python tools/render_diagrams.py         # render stale/missing SVGs
    python tools/render_diagrams.py --force # re-render everything
    python tools/render_diagrams.py --check # exit 1 if anything is stale

``--check`` only hashes files; it needs neither Node nor Chromium.  The
browser is ``$PLAYBOOK_CHROMIUM`` if set, else the ``executablePath`` in
``tools/puppeteer-config.json`` (``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
MMDC = ROOT / "node_modules" / ".bin" / "mmdc"
PACKAGE_JSON = ROOT / "package.json"
MERMAID_CLI_PACKAGE_JSON = ROOT / "node_modules" / "@mermaid-js" / "mermaid-cli" / "package.json"
PUPPETEER_CONFIG = ROOT / "tools" / "puppeteer-config.json"
CHROMIUM_ENV = "PLAYBOOK_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
JOBS = 2
# Bump when postprocess() changes so committed SVGs count as stale.
RENDER_REVISION = 2
RENDER_TIMEOUT_S = 120

FONT_STACK = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif'

# Settings shared by both variants.  ``htmlLabels: false`` makes mermaid emit
# plain SVG <text> instead of <foreignObject> HTML, which prints, scales and
# renders inside <img> reliably.  ``useMaxWidth: false`` gives the root <svg>
# fixed width/height (instead of width="100%"), so an <img> gets an intrinsic
# size and small diagrams are not blown up to the full column width.
_COMMON_CONFIG: dict[str, object] = {
    "htmlLabels": False,
    "securityLevel": "strict",
    "fontFamily": FONT_STACK,
    "flowchart": {
        "htmlLabels": False,
        "useMaxWidth": False,
        "curve": "basis",
        "padding": 12,
    },
    "sequence": {"useMaxWidth": False},
    "class": {"htmlLabels": False, "useMaxWidth": False},
    "state": {"useMaxWidth": False},
    "er": {"useMaxWidth": False},
    "gantt": {"useMaxWidth": False},
    "journey": {"useMaxWidth": False},
    "pie": {"useMaxWidth": False},
    "timeline": {"useMaxWidth": False},
    "mindmap": {"useMaxWidth": False},
    "gitGraph": {"useMaxWidth": False},
    "quadrantChart": {"useMaxWidth": False},
    "xyChart": {"useMaxWidth": False},
    "block": {"useMaxWidth": False},
}


@dataclass(frozen=True)
class Variant:
    """One rendering of a diagram: output suffix, mermaid theme and variables."""

    name: str
    mermaid_theme: str
    background: str
    theme_variables: dict[str, str]

    def mermaid_config(self) -> dict[str, object]:
        """Return the full mermaid configuration for this variant."""
        config = dict(_COMMON_CONFIG)
        config["theme"] = self.mermaid_theme
        config["themeVariables"] = {"fontFamily": FONT_STACK, **self.theme_variables}
        return config


VARIANTS: tuple[Variant, ...] = (
    Variant(
        name="light",
        mermaid_theme="default",
        background="transparent",
        theme_variables={},
    ),
    Variant(
        name="dark",
        mermaid_theme="dark",
        background="transparent",
        # Material "slate" page background is #1e2129.  Lift node fills off it
        # and keep text and lines light so everything reads on that colour.
        theme_variables={
            "darkMode": "true",
            "background": "#1e2129",
            "primaryColor": "#2e3447",
            "primaryBorderColor": "#8c9eff",
            "primaryTextColor": "#e8eaf0",
            "secondaryColor": "#2a3040",
            "tertiaryColor": "#262b38",
            "lineColor": "#b4bccf",
            "textColor": "#e8eaf0",
            "mainBkg": "#2e3447",
            "nodeBorder": "#8c9eff",
            "clusterBkg": "#252a36",
            "clusterBorder": "#6b7387",
            "titleColor": "#e8eaf0",
            "edgeLabelBackground": "#2a2f3c",
            "noteBkgColor": "#3a3f52",
            "noteTextColor": "#f0f2f7",
            "noteBorderColor": "#8c9eff",
            "actorBkg": "#2e3447",
            "actorBorder": "#8c9eff",
            "actorTextColor": "#e8eaf0",
            "signalColor": "#b4bccf",
            "signalTextColor": "#e8eaf0",
            "labelTextColor": "#e8eaf0",
        },
    ),
)

STAMP_PREFIX = "playbook-diagram"
_STAMP_RE = re.compile(r"<!--\s*" + STAMP_PREFIX + r"\s+(?P<fields>[^>]*?)\s*-->")
_SVG_OPEN_RE = re.compile(r"<svg\b[^>]*>")
# Geometry attributes whose numbers are rounded (mermaid writes ~17 digits).
_GEOMETRY_ATTR_RE = re.compile(r'(\s(?:d|points|transform)=")([^"]*)(")')
_FLOAT_RE = re.compile(r"-?(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?|-?\d+[eE][-+]?\d+")
# Any absolute http(s) URL, or a protocol-relative one inside url(...)/@import.
_URL_RE = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'<>)]*""")
_IMPORT_RE = re.compile(r"@import\b", re.IGNORECASE)
# Namespace URIs are identifiers, never fetched.
ALLOWED_URL_PREFIXES: tuple[str, ...] = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/XML/1998/namespace",
)


class RenderError(RuntimeError):
    """Rendering could not be done (missing tools or a failed mmdc run)."""


def config_sha256(variant: Variant) -> str:
    """Return a short hash of the render settings for *variant*."""
    blob = json.dumps(variant.mermaid_config(), sort_keys=True)
    blob += f"|bg={variant.background}|rev={RENDER_REVISION}"
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def source_sha256(source: Path) -> str:
    """Return the hex sha256 of a diagram source file's bytes."""
    return hashlib.sha256(source.read_bytes()).hexdigest()


def find_sources(docs_dir: Path = DOCS_DIR) -> list[Path]:
    """Return every ``**/diagrams/*.mmd`` under *docs_dir*, sorted."""
    return sorted(p for p in docs_dir.rglob("*.mmd") if p.parent.name == "diagrams" and p.is_file())


def svg_path(source: Path, variant: Variant) -> Path:
    """Return the SVG output path of *source* for *variant*."""
    return source.with_name(f"{source.stem}.{variant.name}.svg")


def svg_id(source: Path, variant: Variant, docs_dir: Path = DOCS_DIR) -> str:
    """Return a document-unique id for the root ``<svg>`` of a rendering."""
    try:
        rel = source.relative_to(docs_dir)
    except ValueError:
        rel = Path(source.name)
    parts = [*rel.parent.parts, rel.stem]
    parts = [p for p in parts if p != "diagrams"]
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(parts)).strip("-")
    return f"d-{slug}-{variant.name}"


def read_stamp(svg_text: str) -> dict[str, str] | None:
    """Return the key=value fields of an SVG's playbook stamp, or None."""
    match = _STAMP_RE.search(svg_text[:4096])
    if match is None:
        return None
    fields: dict[str, str] = {}
    for token in match.group("fields").split():
        key, sep, value = token.partition("=")
        if sep:
            fields[key] = value
    return fields


def make_stamp(source_hash: str, variant: Variant, cli_version: str) -> str:
    """Return the XML comment recorded in a rendered SVG."""
    return (
        f"<!-- {STAMP_PREFIX} source-sha256={source_hash} theme={variant.name} "
        f"config-sha256={config_sha256(variant)} mermaid-cli={cli_version} -->"
    )


def find_external_urls(svg_text: str) -> list[str]:
    """Return URLs in *svg_text* that point at a host (namespace URIs excepted)."""
    bad = [u for u in _URL_RE.findall(svg_text) if not u.startswith(ALLOWED_URL_PREFIXES)]
    if _IMPORT_RE.search(svg_text):
        bad.append("@import")
    return bad


def stale_reasons(source: Path) -> list[str]:
    """Return why the SVGs of *source* need re-rendering (empty if current)."""
    current = source_sha256(source)
    pinned = pinned_mermaid_cli_version()
    reasons: list[str] = []
    for variant in VARIANTS:
        out = svg_path(source, variant)
        if not out.is_file():
            reasons.append(f"{out.name}: missing")
            continue
        stamp = read_stamp(out.read_text(encoding="utf-8", errors="replace"))
        if stamp is None:
            reasons.append(f"{out.name}: no {STAMP_PREFIX} stamp")
        elif stamp.get("source-sha256") != current:
            reasons.append(f"{out.name}: rendered from an older version of {source.name}")
        elif stamp.get("theme") != variant.name:
            reasons.append(f"{out.name}: stamped theme={stamp.get('theme')}, expected {variant.name}")
        elif stamp.get("config-sha256") != config_sha256(variant):
            reasons.append(f"{out.name}: render settings in tools/render_diagrams.py changed")
        elif pinned is not None and stamp.get("mermaid-cli") != pinned:
            reasons.append(
                f"{out.name}: rendered with mermaid-cli {stamp.get('mermaid-cli')}, package.json pins {pinned}"
            )
    return reasons


def check_all(sources: Iterable[Path]) -> dict[Path, list[str]]:
    """Return ``{source: reasons}`` for every stale source among *sources*."""
    result: dict[Path, list[str]] = {}
    for source in sources:
        reasons = stale_reasons(source)
        if reasons:
            result[source] = reasons
    return result


def pinned_mermaid_cli_version() -> str | None:
    """Return the mermaid-cli version pinned in package.json (None if absent)."""
    if not PACKAGE_JSON.is_file():
        return None
    data = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))
    for section in ("devDependencies", "dependencies"):
        version = data.get(section, {}).get("@mermaid-js/mermaid-cli")
        if version:
            return str(version)
    return None


def mermaid_cli_version() -> str:
    """Return the installed mermaid-cli version, or raise RenderError."""
    if not MMDC.exists() or not MERMAID_CLI_PACKAGE_JSON.is_file():
        raise RenderError(
            f"mermaid-cli is not installed ({MMDC} not found): "
            "run npm ci first (PUPPETEER_SKIP_DOWNLOAD=1 npm ci) in the project root"
        )
    data = json.loads(MERMAID_CLI_PACKAGE_JSON.read_text(encoding="utf-8"))
    installed = str(data["version"])
    pinned = pinned_mermaid_cli_version()
    if pinned is not None and installed != pinned:
        raise RenderError(
            f"node_modules has mermaid-cli {installed} but package.json pins {pinned}: "
            "run npm ci first (PUPPETEER_SKIP_DOWNLOAD=1 npm ci)"
        )
    return installed


def chromium_path() -> str:
    """Return the browser to drive: $PLAYBOOK_CHROMIUM, the config's, or the default."""
    from_env = os.environ.get(CHROMIUM_ENV)
    if from_env:
        candidate = from_env
    else:
        config = json.loads(PUPPETEER_CONFIG.read_text(encoding="utf-8"))
        candidate = str(config.get("executablePath") or DEFAULT_CHROMIUM)
    resolved = shutil.which(candidate) or candidate
    if not Path(resolved).is_file():
        raise RenderError(
            f"Chromium not found at {candidate!r}: install it "
            f"(apt-get install chromium) or set {CHROMIUM_ENV}=/path/to/chrome"
        )
    return resolved


def write_puppeteer_config(workdir: Path) -> Path:
    """Copy tools/puppeteer-config.json into *workdir* with the resolved browser."""
    config = json.loads(PUPPETEER_CONFIG.read_text(encoding="utf-8"))
    config["executablePath"] = chromium_path()
    out = workdir / "puppeteer-config.json"
    out.write_text(json.dumps(config, indent=2), encoding="utf-8")
    return out


def _round_float(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def round_geometry(svg: str) -> str:
    """Round the numbers in d/points/transform attributes to 2 decimals.

    Mermaid writes coordinates with ~17 significant digits; hand-drawn-style
    shapes (e.g. stadiums) have thousands of them, so this shrinks the files
    several-fold without a visible change.  Label text is never touched.
    """

    def fix(match: re.Match[str]) -> str:
        return match.group(1) + _FLOAT_RE.sub(_round_float, match.group(2)) + match.group(3)

    return _GEOMETRY_ATTR_RE.sub(fix, svg)


def postprocess(raw_svg: str, stamp: str) -> str:
    """Insert *stamp* after the opening <svg> tag and round geometry numbers."""
    raw_svg = round_geometry(_STAMP_RE.sub("", raw_svg))
    match = _SVG_OPEN_RE.search(raw_svg)
    if match is None:
        raise RenderError("mmdc output has no <svg> element")
    svg = raw_svg[match.start() :].rstrip()
    head_end = match.end() - match.start()
    return svg[:head_end] + stamp + svg[head_end:] + "\n"


def render_one(
    source: Path,
    variant: Variant,
    cli_version: str,
    puppeteer_config: Path,
    workdir: Path,
) -> Path:
    """Render *source* for *variant* with mmdc; return the written SVG path."""
    out = svg_path(source, variant)
    ident = svg_id(source, variant)
    mermaid_config = workdir / f"mermaid-{variant.name}.json"
    tmp_out = workdir / f"{ident}.svg"
    cmd = [
        str(MMDC),
        "--quiet",
        "--input", str(source),
        "--output", str(tmp_out),
        "--configFile", str(mermaid_config),
        "--puppeteerConfigFile", str(puppeteer_config),
        "--theme", variant.mermaid_theme,
        "--backgroundColor", variant.background,
        "--svgId", ident,
    ]  # fmt: skip
    try:
        proc = subprocess.run(
            cmd,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=RENDER_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"{source}: mmdc timed out after {RENDER_TIMEOUT_S}s ({variant.name})") from exc
    if proc.returncode != 0 or not tmp_out.is_file():
        detail = (proc.stderr or proc.stdout).strip()
        raise RenderError(f"{source}: mmdc failed ({variant.name}, exit {proc.returncode}):\n{detail}")
    svg = postprocess(
        tmp_out.read_text(encoding="utf-8"),
        make_stamp(source_sha256(source), variant, cli_version),
    )
    external = find_external_urls(svg)
    if external:
        raise RenderError(f"{source}: rendered SVG references external hosts: {sorted(set(external))}")
    if out.is_file() and out.read_text(encoding="utf-8") == svg:
        return out
    out.write_text(svg, encoding="utf-8")
    return out


def render(sources: Sequence[Path], *, force: bool, jobs: int = JOBS) -> int:
    """Render stale (or, with *force*, all) *sources*; return a process exit code."""
    todo = [s for s in sources if force or stale_reasons(s)]
    if not todo:
        print(f"render_diagrams: {len(sources)} diagram(s) up to date")
        return 0
    cli_version = mermaid_cli_version()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="playbook-diagrams-") as tmp:
        workdir = Path(tmp)
        puppeteer_config = write_puppeteer_config(workdir)
        for variant in VARIANTS:
            (workdir / f"mermaid-{variant.name}.json").write_text(
                json.dumps(variant.mermaid_config(), indent=2), encoding="utf-8"
            )
        tasks = [(s, v) for s in todo for v in VARIANTS]
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = [
                (
                    s,
                    v,
                    pool.submit(render_one, s, v, cli_version, puppeteer_config, workdir),
                )
                for s, v in tasks
            ]
            for _source, variant, future in futures:
                try:
                    out = future.result()
                except RenderError as exc:
                    failures.append(str(exc))
                    continue
                shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
                print(f"rendered {shown} ({variant.name})")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Pre-render docs/**/diagrams/*.mmd to light and dark SVGs.")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="list stale/missing SVGs and exit 1; renders nothing",
    )
    mode.add_argument("--force", action="store_true", help="re-render even if the SVGs are up to date")
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"parallel mmdc runs (default {JOBS})")
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=DOCS_DIR,
        help="docs directory to scan (default: docs/)",
    )
    args = parser.parse_args(argv)

    sources = find_sources(args.docs_dir.resolve())
    if args.check:
        stale = check_all(sources)
        for source, reasons in stale.items():
            for reason in reasons:
                shown = source.relative_to(ROOT) if source.is_relative_to(ROOT) else source
                print(f"stale: {shown}: {reason}")
        if stale:
            print("run: python tools/render_diagrams.py", file=sys.stderr)
            return 1
        print(f"render_diagrams: {len(sources)} diagram(s) up to date")
        return 0
    try:
        return render(sources, force=args.force, jobs=args.jobs)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
