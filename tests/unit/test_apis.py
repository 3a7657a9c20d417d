"""Offset pagination cost and retry windows (macros/apis.py)."""

from __future__ import annotations

import pytest

from macros.apis import offset_rows_skipped, retry_window
from macros.errors import MacroInputError

NBSP = "\u00a0"


def test_offset_rows_skipped() -> None:
    assert offset_rows_skipped(1, 50) == "0"
    assert offset_rows_skipped(3, 50) == "100"
    assert offset_rows_skipped(10_001, 50) == "500,000"


def test_retry_window_doubles_and_caps() -> None:
    assert retry_window(1, 5) == f"31{NBSP}s"  # 1 + 2 + 4 + 8 + 16
    assert retry_window(1, 5, 2, 5) == f"17{NBSP}s"  # 1 + 2 + 4 + 5 + 5, capped at 5 s
    assert retry_window(60, 3, 1) == f"3{NBSP}min"


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (offset_rows_skipped, (0, 50)),
        (offset_rows_skipped, (2, 2.5)),
        (retry_window, (0, 3)),
        (retry_window, (1, 0)),
        (retry_window, (1, 3, 0.5)),
        (retry_window, (1, 3, 2, -1)),
    ],
)
def test_bad_inputs_are_refused(fn: object, args: tuple) -> None:
    with pytest.raises(MacroInputError):
        fn(*args)  # type: ignore[operator]
