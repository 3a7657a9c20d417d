"""The project's own scripts and stylesheet are served minified.

One job, after the build. The sources in docs/assets keep their comments (they explain why each piece is
there); the copies in the built site lose comments and spare whitespace (rJSmin, rCSSmin), which takes
about 5 KB off every page's first visit once gzipped, and 3 KB more on pages with a calculator, and gives
the browser less to parse. Material's own files are minified already. The build fails, naming the file,
if one of these is not in the built site or comes out empty, or if a script's string, template or
regular-expression literals differ in the minified copy (hooks/js_literals.py): rJSmin once collapsed the
spaces inside template literals nested in a substitution, and the calculators showed "2of 3replicas".
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

try:  # MkDocs runs a hook with its own directory on sys.path; the tests import it as hooks.minify_assets
    from js_literals import literals
except ImportError:
    from hooks.js_literals import literals

# Built-site paths (the same as under docs/), each with its minifier.
ASSETS = {
    "assets/javascripts/playbook.js": rjsmin.jsmin,
    "assets/javascripts/calculators.js": rjsmin.jsmin,
    "assets/javascripts/search-typos.js": rjsmin.jsmin,
    "assets/stylesheets/playbook.css": rcssmin.cssmin,
}


class AssetNotMinified(RuntimeError):
    pass


def minify(site_dir: str | Path) -> dict[str, tuple[int, int]]:
    """Minify ASSETS in place under `site_dir`; return each file's size before and after, in bytes."""
    sizes = {}
    for rel, squeeze in ASSETS.items():
        path = Path(site_dir) / rel
        if not path.is_file():
            raise AssetNotMinified(f"hooks/minify_assets.py: {rel} is not in the built site")
        text = path.read_text(encoding="utf-8")
        small = squeeze(text).strip() + "\n"
        if len(small) < 2:
            raise AssetNotMinified(f"hooks/minify_assets.py: {rel} minified to nothing")
        if rel.endswith(".js"):
            check_literals(rel, text, small)
        path.write_text(small, encoding="utf-8")
        sizes[rel] = (len(text.encode()), len(small.encode()))
    return sizes


def check_literals(rel: str, source: str, minified: str) -> None:
    """Raise unless every literal of `source` comes out of the minifier as it went in."""
    before, after = literals(source), literals(minified)
    for old, new in zip(before, after, strict=False):
        if (old.kind, old.text) != (new.kind, new.text):
            raise AssetNotMinified(
                f"hooks/minify_assets.py: minifying {rel} changed a {old.kind} literal of its line {old.line}: "
                f"{old.text!r} became {new.text!r}"
            )
    if len(before) != len(after):
        raise AssetNotMinified(
            f"hooks/minify_assets.py: minifying {rel} changed its number of literals ({len(before)} to {len(after)})"
        )


def on_post_build(config, **_) -> None:
    minify(config["site_dir"])
