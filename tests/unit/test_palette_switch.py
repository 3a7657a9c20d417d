"""hooks/palette_switch.py removes exactly Material's [data-md-color-switching] rule, and fails loudly when
the rule is not where it expects it."""

from __future__ import annotations

import pytest

from hooks import palette_switch

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}"
)
BEFORE = "[data-md-color-scheme=slate]{--md-hue:232}"
AFTER = "[data-md-color-accent=indigo]{--md-accent-fg-color:#526cfe}"


def test_the_rule_goes_and_everything_around_it_stays() -> None:
    assert palette_switch.strip_switching_rule(BEFORE + RULE + AFTER) == BEFORE + AFTER


@pytest.mark.parametrize("css", [BEFORE + AFTER, BEFORE + RULE + AFTER + RULE], ids=["missing", "twice"])
def test_a_missing_or_repeated_rule_stops_the_build(css: str) -> None:
    with pytest.raises(palette_switch.PaletteRuleMissing, match=r"palette\.x\.min\.css"):
        palette_switch.strip_switching_rule(css, "palette.x.min.css")


def test_a_changed_rule_that_still_names_the_attribute_stops_the_build() -> None:
    changed = RULE + "[data-md-color-switching] .md-header{transition:none}"
    with pytest.raises(palette_switch.PaletteRuleMissing, match="still names"):
        palette_switch.strip_switching_rule(changed)


def test_the_hook_rewrites_the_built_palette_stylesheet(tmp_path) -> None:
    sheet = tmp_path / "assets" / "stylesheets" / "palette.0123abcd.min.css"
    sheet.parent.mkdir(parents=True)
    sheet.write_text(BEFORE + RULE + AFTER, encoding="utf-8")
    palette_switch.on_post_build({"site_dir": str(tmp_path)})
    assert sheet.read_text(encoding="utf-8") == BEFORE + AFTER


def test_a_build_without_a_palette_stylesheet_stops(tmp_path) -> None:
    with pytest.raises(palette_switch.PaletteRuleMissing, match="no assets/stylesheets"):
        palette_switch.on_post_build({"site_dir": str(tmp_path)})
