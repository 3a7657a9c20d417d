"""hooks/js_literals.py and the minifier's guard: no literal of a script may change on its way to the site."""

from __future__ import annotations

from pathlib import Path

import pytest
import rjsmin

from hooks import minify_assets
from hooks.js_literals import JsScanError, literals, nested_templates

DOCS = Path(__file__).resolve().parents[2] / "docs"
# The shape that rJSmin garbled in the calculators (2026-12-02): a template inside a template's ${…}.
NESTED = 'const t = `${w.label} (${w.n > 1 ? `, ${w.k} of ${w.n} replicas needed` : ""})`;\n'


def kinds_and_texts(src: str) -> list[tuple[str, str]]:
    return [(lit.kind, lit.text) for lit in literals(src)]


def test_strings_templates_and_regexes_are_found_in_order() -> None:
    src = (
        "// a comment with 'quotes' and `ticks`\n"
        "const a = 'it\\'s', b = \"two\"; /* `not a template` */\n"
        "const re = /[/`']+/g, half = x / 2 / y;\n"
        "const t = `a ${b + `inner ${c}`} z`;\n"
        "if (ok) { return /x\\/y/.test(s); }\n"
    )
    assert kinds_and_texts(src) == [
        ("string", "it\\'s"),
        ("string", "two"),
        ("regex", "[/`']+"),
        ("template", "a "),
        ("template", "inner "),
        ("template", ""),
        ("template", " z"),
        ("regex", "x\\/y"),
    ]
    assert nested_templates(src) == [4]


@pytest.mark.parametrize("broken", ["const s = 'open;\n", "const t = `open ${x};", "/* never closed", "x = `${a`"])
def test_unterminated_literals_are_errors(broken: str) -> None:
    with pytest.raises(JsScanError):
        literals(broken)


def test_rjsmin_garbles_a_nested_template_and_the_guard_stops_it() -> None:
    """The regression itself: the guard must see what rJSmin does to a nested template."""
    small = rjsmin.jsmin(NESTED)
    assert kinds_and_texts(small) != kinds_and_texts(NESTED)  # rJSmin still does this: the guard is needed
    with pytest.raises(minify_assets.AssetNotMinified, match=r"calculators\.js .* line 1: ', ' became ','"):
        minify_assets.check_literals("assets/javascripts/calculators.js", NESTED, small)


@pytest.mark.parametrize("rel", [r for r in minify_assets.ASSETS if r.endswith(".js")])
def test_the_project_scripts_keep_every_literal_when_minified(rel: str) -> None:
    src = (DOCS / rel).read_text(encoding="utf-8")
    assert len(literals(src)) > 20, rel
    minify_assets.check_literals(rel, src, rjsmin.jsmin(src))
