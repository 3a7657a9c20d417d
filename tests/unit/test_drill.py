"""The interview drill is generated from §24 and §4; a template that loses a card stops the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import drill
from macros.chapters import DOCS_DIR


def _problems() -> list[dict]:
    return drill.problem_templates((DOCS_DIR / "interview-problems.md").read_text(encoding="utf-8"))


def test_every_problem_of_chapter_24_becomes_a_card_in_order() -> None:
    problems = _problems()
    assert [p["number"] for p in problems] == [f"24.{n}" for n in range(1, 21)]
    assert problems[0]["id"] == "problem-url-shortener"
    assert problems[0]["deep_dives"][:2] == ["Minting codes", "Guessable codes"]
    assert problems[0]["decision"].startswith("mint codes from a counter")


def test_must_mentions_drop_footnotes_and_point_local_links_at_the_chapter() -> None:
    for p in _problems():
        text = " ".join([p["decision"], p["watch_out"], *p["deep_dives"]])
        assert "[^" not in text and "](#" not in text, p["id"]
    chat = next(p for p in _problems() if p["id"] == "problem-chat")
    assert "(interview-problems.md#problem-online-presence)" in chat["watch_out"]


def test_cards_have_a_labelled_notes_box_and_a_collapsed_reveal() -> None:
    cards = drill.drill_cards()
    assert cards.count("<textarea id=") == 20
    assert cards.count('<label for="drill-notes-') == 20
    assert cards.count('??? success "Reveal the must-mentions') == 20
    assert "[§24.12 Payment system](interview-problems.md#problem-payment-system)" in cards


def test_a_template_without_its_watch_out_card_stops_the_build(tmp_path: Path) -> None:
    text = (DOCS_DIR / "interview-problems.md").read_text(encoding="utf-8")
    broken = text.replace("**Watch out for.** A viral link", "A viral link", 1)
    (tmp_path / "interview-problems.md").write_text(broken, encoding="utf-8")
    with pytest.raises(drill.DrillSourceError, match=r"24\.1 \(problem-url-shortener\).*Watch out for"):
        drill.drill_cards(tmp_path)


def test_timer_reads_the_split_of_chapter_4() -> None:
    steps, total = drill.rapid_s_split((DOCS_DIR / "interview-framework.md").read_text(encoding="utf-8"))
    assert total == 45
    assert [m for _, m in steps] == [5, 5, 10, 15, 5, 5]
    assert steps[0][0] == "Requirements"
    html = drill.rapid_s_timer()
    assert 'data-total-seconds="2700"' in html
    assert html.count("data-pb-step=") == 6 and 'data-seconds="900"' in html


def test_timer_refuses_a_split_that_does_not_add_up(tmp_path: Path) -> None:
    text = (DOCS_DIR / "interview-framework.md").read_text(encoding="utf-8")
    (tmp_path / "interview-framework.md").write_text(text.replace('"**A**PI", 5', '"**A**PI", 6', 1), encoding="utf-8")
    with pytest.raises(drill.DrillSourceError, match="do not add up to 45"):
        drill.rapid_s_timer(tmp_path)
