"""Content tooltips from one delegated listener instead of one Material component per element.

One job. With `content.tooltips`, Material's script mounts a tooltip component (a dozen observers) on every
element of the page content that has a `title`, while the page starts: 631 on the glossary (abbreviations
and heading permalinks), 200 on a long chapter. That start-up work was most of the glossary's blocking
time under Lighthouse's mobile CPU slowdown. This hook marks the content's tooltip hosts so that Material
leaves them alone; docs/assets/javascripts/playbook.js shows the same tooltip (Material's `md-tooltip2`
markup and custom properties) from one listener when a reader points at or focuses one.

- `<abbr title="…">` keeps its title (the expansion: for screen readers, and without JavaScript) and gets
  `data-preview`, the attribute that Material's content selector `[title]:not([data-preview])` skips.
  Material gives `data-preview` a meaning on links only (a link preview), never on `<abbr>`.
- Heading permalinks and footnote back-links, whose text is a symbol (¶, ↩): the title becomes their
  `aria-label`, so their names say what they do, and an empty `data-pb-tip` shows it as the tooltip.
- Citation buttons, named by their own `aria-label`: the title moves to `data-pb-tip`.
  Links in the prose keep their titles and Material's tooltips (a handful a page).

The build stops if Material's script no longer has that selector, so an upgrade that changes it is seen.
"""

from __future__ import annotations

import re
from pathlib import Path

MATERIAL_SELECTOR = "[title]:not([data-preview])"
ABBR = re.compile(r"<abbr(?=\s)(?P<attrs>[^>]*)>")
# The permalink, the footnote back-link (Python-Markdown) and the citation button (hooks/cite_buttons.py).
CONTROL = re.compile(
    r'<(?P<tag>a|button)(?P<attrs>(?=[^>]*\sclass="(?:headerlink|footnote-backref|pb-cite)")[^>]*)>'
)
TITLE = re.compile(r'\stitle="(?P<text>[^"]*)"')


class TooltipSelectorMissing(RuntimeError):
    pass


def _abbr(m: re.Match[str]) -> str:
    attrs = m["attrs"]
    if not TITLE.search(attrs) or re.search(r"\sdata-preview\b", attrs):
        return m.group(0)
    return f"<abbr{attrs} data-preview>"


def _control(m: re.Match[str]) -> str:
    attrs = m["attrs"]
    title = TITLE.search(attrs)
    if not title:
        return m.group(0)
    attrs = TITLE.sub("", attrs, count=1)
    if m["tag"] == "a" and "aria-label=" not in attrs:
        return f'<a{attrs} aria-label="{title["text"]}" data-pb-tip>'  # an empty tip shows the aria-label
    return f'<{m["tag"]}{attrs} data-pb-tip="{title["text"]}">'


def mark_tooltips(page_html: str) -> str:
    """The page content with its abbreviations and permalink controls marked for playbook.js's tooltips."""
    return CONTROL.sub(_control, ABBR.sub(_abbr, page_html))


def check_bundle(script: str, name: str = "Material's bundle") -> None:
    if MATERIAL_SELECTOR not in script:
        raise TooltipSelectorMissing(
            f"hooks/tooltips.py: {name} has no {MATERIAL_SELECTOR!r}; Material's content tooltips changed: "
            "review the hook and the tooltip code in playbook.js"
        )


def on_page_content(html_text, **_):
    return mark_tooltips(html_text)


def on_post_build(config, **_) -> None:
    bundles = sorted((Path(config["site_dir"]) / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise TooltipSelectorMissing("hooks/tooltips.py: no assets/javascripts/bundle.*.min.js in the build")
    for bundle in bundles:
        check_bundle(bundle.read_text(encoding="utf-8"), bundle.name)
