"""The interview drill, generated from the chapters it drills so the two never diverge.

- ``drill_cards()`` reads the twenty templates of ``docs/interview-problems.md`` (§24) and renders,
  for each, a notes box and a collapsed block with the template's must-mentions: its decision
  sentence, the named deep dives and the "Watch out for" points, with a link to the full template.
- ``rapid_s_timer()`` reads the RAPID-S time split from the ``time_split_table([...], minutes)`` call
  in ``docs/interview-framework.md`` (§4.1) and renders the timer's markup, minutes per step in
  ``data-`` attributes for the page script.

A template that loses one of its cards, or a split that no longer parses, stops the build with a
message naming the problem, instead of drilling the reader on stale text.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

from .chapters import DOCS_DIR
from .fmt import fmt_duration
from .validate import positive

__all__ = ["drill_cards", "rapid_s_timer"]

PROBLEMS_SLUG = "interview-problems"
FRAMEWORK_SLUG = "interview-framework"

SECTION = re.compile(r"^## (?P<number>\d+\.\d+) (?P<title>.+?) \{ #(?P<id>problem-[a-z0-9-]+) \}\s*$", re.M)
DECISION = re.compile(r"^The decision: (?P<text>.+?)\n\n", re.M | re.S)
DEEP_DIVES = re.compile(r"^\*\*Deep dives\.\*\*(?P<body>.*?)^\*\*Watch out for\.\*\*", re.M | re.S)
WATCH_OUT = re.compile(r"^\*\*Watch out for\.\*\* (?P<text>.+?)\n\n", re.M | re.S)
LEAD = re.compile(r"^- \*\*(?P<lead>.+?)\*\*", re.M)
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
LOCAL_LINK = re.compile(r"\]\(#(?P<id>[A-Za-z0-9_-]+)\)")
SPLIT_CALL = re.compile(r"\{\{\s*time_split_table\(\s*(?P<steps>\[.*?\])\s*,\s*(?P<total>\d+)\s*\)\s*\}\}", re.S)


class DrillSourceError(ValueError):
    """The chapter the drill is generated from no longer has the expected shape."""


def _clean(text: str, slug: str = PROBLEMS_SLUG) -> str:
    """One line of Markdown from the chapter: footnote markers dropped, in-page links made page-relative."""
    text = FOOTNOTE_REF.sub("", " ".join(text.split()))
    if "{{" in text or "{%" in text:
        raise DrillSourceError(f"{slug}.md: a must-mention contains a macro call, which the drill cannot show: {text}")
    return LOCAL_LINK.sub(lambda m: f"]({slug}.md#{m['id']})", text)


def problem_templates(text: str) -> list[dict]:
    """[{number, title, id, decision, deep_dives, watch_out}] for every problem section of §24's source."""
    matches = list(SECTION.finditer(text))
    problems = []
    for i, m in enumerate(matches):
        body = text[m.end() : matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        where = f"{PROBLEMS_SLUG}.md §{m['number']} ({m['id']})"
        decision, dives, watch = DECISION.search(body), DEEP_DIVES.search(body), WATCH_OUT.search(body)
        if not (decision and dives and watch):
            cards = (("'The decision:'", decision), ("Deep dives", dives), ("Watch out for", watch))
            missing = [name for name, found in cards if not found]
            raise DrillSourceError(f"{where}: the drill needs its {' and '.join(missing)} card")
        leads = [_clean(lead.rstrip(".:")) for lead in LEAD.findall(dives["body"])]
        if not leads:
            raise DrillSourceError(f"{where}: the Deep dives card has no '- **Lead.**' bullets")
        problems.append(
            {
                "number": m["number"],
                "title": m["title"],
                "id": m["id"],
                "decision": _clean(decision["text"]),
                "deep_dives": leads,
                "watch_out": _clean(watch["text"]),
            }
        )
    if not problems:
        raise DrillSourceError(f"{PROBLEMS_SLUG}.md: no '## 24.n Title {{ #problem-… }}' sections found")
    return problems


def _short_id(problem_id: str) -> str:
    return problem_id.removeprefix("problem-")


def drill_card(problem: dict) -> str:
    """One problem as Markdown: heading, labelled notes box, collapsed must-mentions, link to the template."""
    short = _short_id(problem["id"])
    title = html.escape(problem["title"])
    dives = "\n".join(f"    - {lead}" for lead in problem["deep_dives"])
    return f"""## {problem["title"]} {{ #drill-{short} }}

<div class="pb-drill-notes">
<label for="drill-notes-{short}">Your answer for {title}: what would you mention?</label>
<textarea id="drill-notes-{short}" data-pb-drill-notes="{short}" rows="5" spellcheck="true"
  placeholder="The decision, the numbers, the deep dives, the traps…"></textarea>
</div>

??? success "Reveal the must-mentions for {title}"
    **The decision.** {problem["decision"][:1].upper()}{problem["decision"][1:]}

    **Deep dives to name.**

{dives}

    **Watch out for.** {problem["watch_out"]}

    Full template: [§{problem["number"]} {problem["title"]}]({PROBLEMS_SLUG}.md#{problem["id"]})
"""


def drill_cards(docs_dir: object = None) -> str:
    """Every §24 template as a drill card, in the chapter's order."""
    docs = Path(docs_dir) if docs_dir is not None else DOCS_DIR
    text = (docs / f"{PROBLEMS_SLUG}.md").read_text(encoding="utf-8")
    return "\n".join(drill_card(p) for p in problem_templates(text))


def rapid_s_split(text: str) -> tuple[list[tuple[str, float]], int]:
    """([(step name, minutes)], interview minutes) from the ``time_split_table`` call in §4's source."""
    m = SPLIT_CALL.search(text)
    if not m:
        raise DrillSourceError(f"{FRAMEWORK_SLUG}.md: no {{{{ time_split_table([...], minutes) }}}} call found")
    try:
        rows = ast.literal_eval(m["steps"])
    except (ValueError, SyntaxError) as err:
        raise DrillSourceError(f"{FRAMEWORK_SLUG}.md: the time split is not a plain list ({err})") from None
    steps = [(str(row[0]).replace("*", ""), positive(f"steps[{i}] minutes", row[1])) for i, row in enumerate(rows)]
    total = int(m["total"])
    if abs(sum(minutes for _, minutes in steps) - total) > 1e-9:
        raise DrillSourceError(f"{FRAMEWORK_SLUG}.md: the steps do not add up to {total} min")
    return steps, total


def _clock(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}:{s % 60:02d}"


def rapid_s_timer(docs_dir: object = None) -> str:
    """The timer's markup: the clock, the current step, the step list with budgets, and its controls.

    Without JavaScript the list still shows the plan; the script reveals the controls and runs the clock.
    """
    docs = Path(docs_dir) if docs_dir is not None else DOCS_DIR
    steps, total = rapid_s_split((docs / f"{FRAMEWORK_SLUG}.md").read_text(encoding="utf-8"))
    first, first_min = steps[0]
    items = []
    start = 0.0
    for i, (name, minutes) in enumerate(steps, 1):
        items.append(
            f'<li data-pb-step="{i}" data-name="{html.escape(name)}" data-seconds="{round(minutes * 60)}" '
            f'data-budget="{fmt_duration(minutes * 60)}">'
            f'<span class="pb-timer__name">{html.escape(name)}</span> '
            f'<span class="pb-timer__budget">{fmt_duration(minutes * 60)} '
            f"({_clock(start * 60)}–{_clock((start + minutes) * 60)})</span></li>"
        )
        start += minutes
    return f"""<div class="pb-timer" data-pb-timer data-total-seconds="{total * 60}">
<p class="pb-timer__clock"><span class="pb-timer__time" role="timer" aria-label="Time left">{_clock(total * 60)}</span>
<span class="pb-timer__of">of {total} min left</span></p>
<p class="pb-timer__now">Step <span data-pb-timer-index>1</span> of {len(steps)}:
<strong data-pb-timer-step>{html.escape(first)}</strong>,
budget <span data-pb-timer-budget>{fmt_duration(first_min * 60)}</span>
(<span data-pb-timer-step-left>{_clock(first_min * 60)}</span> left in this step)</p>
<div class="pb-timer__controls" role="group" aria-label="Interview timer" data-pb-pending>
<button type="button" class="md-button md-button--primary" data-pb-timer-action="start">Start</button>
<button type="button" class="md-button" data-pb-timer-action="pause" disabled>Pause</button>
<button type="button" class="md-button" data-pb-timer-action="reset">Reset</button>
</div>
<ol class="pb-timer__steps">
{chr(10).join(items)}
</ol>
<p class="pb-visually-hidden" data-pb-timer-live aria-live="polite" aria-atomic="true"></p>
</div>
"""
