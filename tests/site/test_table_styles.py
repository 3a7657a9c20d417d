"""Tables look as Material draws them: every rule of Material's for `table:not([class])` has a copy for `table.pb-data`.

hooks/table_wrap.py writes each table inside Material's scrolling wrapper and classes it `pb-data`, so that
Material's bundle does not move it as the page starts; Material's stylesheet styles tables by the same
`table:not([class])` selector, so playbook.css carries a copy of each of those rules. This compares the two
stylesheets the site serves: a Material update that adds or changes a table rule fails here, naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

MATERIAL_TABLE = "table:not([class])"
OURS = "table.pb-data"
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def split_top(text: str, sep: str) -> list[str]:
    """`text` split on `sep` outside parentheses, brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def norm_selector(sel: str) -> str:
    sel = " ".join(sel.split())
    return re.sub(r"\s*([>+~])\s*", r"\1", sel)


def norm_declarations(block: str) -> frozenset[str]:
    out = set()
    for decl in split_top(block, ";"):
        prop, _, value = decl.partition(":")
        value = re.sub(r"\s*,\s*", ",", " ".join(value.split()))
        out.add(f"{prop.strip().lower()}:{value}")
    return frozenset(out)


def style_rules(css: str, media: str = "") -> list[tuple[str, str, frozenset[str]]]:
    """(media, selector, declarations) for every style rule, one entry per selector of a list."""
    css = COMMENT.sub("", css)
    rules, i = [], 0
    while True:
        open_at = css.find("{", i)
        if open_at < 0:
            return rules
        prelude = css[i:open_at].strip()
        if prelude.startswith("@"):
            depth, j = 1, open_at + 1
            while depth:
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            inner = css[open_at + 1 : j - 1]
            if prelude.startswith(("@media", "@supports")):
                rules += style_rules(inner, f"{media} {' '.join(prelude.split())}".strip())
            i = j
            continue
        close_at = css.index("}", open_at)
        decls = norm_declarations(css[open_at + 1 : close_at])
        rules += [(media, norm_selector(sel), decls) for sel in split_top(prelude, ",")]
        i = close_at + 1


def test_the_parser_reads_nested_rules() -> None:
    css = "a,b > i{color:red;margin:0 1px}@media print{@supports (x:y){.t td{x:1}}}/* c */p{}"
    assert style_rules(css) == [
        ("", "a", frozenset({"color:red", "margin:0 1px"})),
        ("", "b>i", frozenset({"color:red", "margin:0 1px"})),
        ("@media print @supports (x:y)", ".t td", frozenset({"x:1"})),
        ("", "p", frozenset()),
    ]


def test_every_material_table_rule_has_its_pb_data_copy(site_dir: Path) -> None:
    [material_css] = (site_dir / "assets/stylesheets").glob("main.*.min.css")
    theirs = [r for r in style_rules(material_css.read_text(encoding="utf-8")) if MATERIAL_TABLE in r[1]]
    assert len(theirs) >= 10, "Material's table rules were not found: has its stylesheet changed its selector?"
    ours: dict[tuple[str, str], set[str]] = {}
    for media, sel, decls in style_rules((site_dir / "assets/stylesheets/playbook.css").read_text(encoding="utf-8")):
        ours.setdefault((media, sel), set()).update(decls)
    missing = []
    for media, sel, decls in theirs:
        want = (media, sel.replace(MATERIAL_TABLE, OURS))
        lacking = decls - ours.get(want, set())
        if lacking:
            missing.append(f"{want[0] or 'all media'}: {want[1]} lacks {sorted(lacking)}")
    assert not missing, "playbook.css does not copy Material's table rules:\n" + "\n".join(missing)


def test_no_table_of_the_site_is_left_for_material_to_move(html_pages: dict[str, str]) -> None:
    """Material's bundle moves every `table:not([class])` of the content into its wrapper as the page starts."""
    bare = {url: html.count("<table>") for url, html in html_pages.items() if "<table>" in html}
    assert not bare, f"tables without a class: {bare}"
