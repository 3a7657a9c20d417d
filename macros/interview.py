"""Interview time budgets: a list of steps with minutes, checked against the interview's length."""

from __future__ import annotations

from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_duration, fmt_percent
from .tables import md_table
from .validate import positive, positive_int

__all__ = ["time_split_minutes", "time_split_table", "time_split_total"]


def _steps(steps: object) -> list[tuple[str, float, str]]:
    accepted = "a non-empty list of [step, minutes, output] rows with minutes > 0 is accepted"
    if isinstance(steps, (str, bytes)) or not isinstance(steps, Sequence) or not steps:
        raise MacroInputError("steps", steps, accepted)
    out = []
    for i, row in enumerate(steps):
        if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (2, 3):
            raise MacroInputError(f"steps[{i}]", row, accepted)
        name = str(row[0])
        minutes = positive(f"steps[{i}] minutes", row[1], unit="minutes")
        output = str(row[2]) if len(row) == 3 else ""
        out.append((name, minutes, output))
    return out


def time_split_minutes(steps: object) -> float:
    """Sum of the steps' minutes."""
    return sum(m for _, m, _ in _steps(steps))


def _check_total(steps: object, interview_min: object) -> float:
    total = time_split_minutes(steps)
    if interview_min is not None:
        length = positive_int("interview_min", interview_min, maximum=600)
        if abs(total - length) > 1e-9:
            raise MacroInputError(
                "steps",
                steps,
                f"steps that add up to the interview length ({length} min); they add up to {total:g} min",
            )
    return total


def time_split_total(steps: object, interview_min: object = None) -> str:
    """Formatted total of the steps ('45 min'); stops the build if it differs from ``interview_min``."""
    return fmt_duration(_check_total(steps, interview_min) * 60)


def _clock(minutes: float) -> str:
    return f"{minutes:g}"


def time_split_table(steps: object, interview_min: object = None) -> str:
    """Markdown table of steps: time, clock window, share of the interview and the expected output.

    Stops the build when ``interview_min`` is given and the steps do not add up to it.
    """
    rows_in = _steps(steps)
    total = _check_total(steps, interview_min)
    rows = []
    start = 0.0
    for name, minutes, output in rows_in:
        end = start + minutes
        clock = f"{_clock(start)}–{_clock(end)}{NBSP}min"
        rows.append([name, fmt_duration(minutes * 60), clock, fmt_percent(minutes / total, 0), output])
        start = end
    rows.append(["**Total**", f"**{fmt_duration(total * 60)}**", "", fmt_percent(1, 0), ""])
    headers = ["Step", "Time", "Clock", "Share", "Output on the board"]
    return md_table(headers, rows, align=["l", "r", "r", "r", "l"]) + (
        "\n*Computed from the minutes per step: the clock column runs them end to end, share = step minutes ÷ total.*\n"
    )
