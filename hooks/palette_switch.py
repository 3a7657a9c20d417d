"""Palette start-up without two whole-page style recalculations on every page view.

One job. Material's palette stylesheet holds the rule
`[data-md-color-switching] *, … {transition-duration:0s!important}`, and its script sets and then removes
`data-md-color-switching` on <body> on every page load, because it applies the saved palette the same way
as a reader's switch. With that rule in a stylesheet, each of the two attribute changes invalidates the
style of every element: two full style recalculations on the main thread while the page starts (measured:
17-21 ms each on the glossary page unthrottled, four times that under Lighthouse's mobile CPU slowdown).

This hook removes that one rule from the built palette stylesheet, so setting the attribute costs nothing.
A small script in overrides/main.html keeps the rule's purpose where it matters: on a real palette switch
(a reader's pick, a system palette change, a first visit in a dark system palette) it sets
`data-pb-switching` on <html> for two frames, and playbook.css turns transitions off under it.
The build fails if the rule is missing, so a Material upgrade that changes it is seen, not silently undone.
"""

from __future__ import annotations

import re
from pathlib import Path

# The rule as Material 9 minifies it: one to three selectors, each "[data-md-color-switching] …".
RULE = re.compile(r"\[data-md-color-switching\][^{}]*\{transition-duration:0s!important\}")


class PaletteRuleMissing(RuntimeError):
    pass


def strip_switching_rule(css: str, name: str = "palette stylesheet") -> str:
    """`css` without Material's `[data-md-color-switching]` rule; an error if it is not there exactly once."""
    found = RULE.findall(css)
    if len(found) != 1:
        raise PaletteRuleMissing(
            f"hooks/palette_switch.py: expected one [data-md-color-switching] rule in {name}, found {len(found)}; "
            "Material's palette styles changed: review the hook and playbook.css ([data-pb-switching])"
        )
    out = RULE.sub("", css)
    if "data-md-color-switching" in out:
        raise PaletteRuleMissing(f"hooks/palette_switch.py: {name} still names data-md-color-switching")
    return out


def on_post_build(config, **_) -> None:
    sheets = sorted((Path(config["site_dir"]) / "assets" / "stylesheets").glob("palette.*.min.css"))
    if not sheets:
        raise PaletteRuleMissing("hooks/palette_switch.py: no assets/stylesheets/palette.*.min.css in the build")
    for sheet in sheets:
        sheet.write_text(strip_switching_rule(sheet.read_text(encoding="utf-8"), sheet.name), encoding="utf-8")
