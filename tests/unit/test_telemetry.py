"""Log volume and metric cardinality in macros/telemetry.py."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.fmt import NBSP
from macros.telemetry import telemetry_series, telemetry_volume


def test_log_volume_per_day_and_month():
    # 10,000 events/s × 1,000 B × 86,400 s = 864 GB
    assert telemetry_volume(10_000, 1_000) == f"864{NBSP}GB"
    assert telemetry_volume(10_000, 1_000, "month") == f"25.9{NBSP}TB"
    assert telemetry_volume(1, 100, "hour") == f"360{NBSP}KB"


def test_series_is_product_of_label_cardinalities():
    assert telemetry_series([50, 5, 10, 200]) == "500,000"
    assert telemetry_series([50, 5, 10, 200, 1_000_000]) == f"500{NBSP}billion"
    assert telemetry_series([1]) == "1"


@pytest.mark.parametrize(
    "call",
    [
        lambda: telemetry_volume(0, 1_000),
        lambda: telemetry_volume(10, -1),
        lambda: telemetry_volume(10, 1_000, "fortnight"),
        lambda: telemetry_series([]),
        lambda: telemetry_series("50"),
        lambda: telemetry_series([50, 0]),
        lambda: telemetry_series([2.5]),
    ],
)
def test_bad_inputs_are_rejected(call):
    with pytest.raises(MacroInputError):
        call()


@given(
    st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=4), st.integers(min_value=2, max_value=50)
)
def test_adding_a_label_never_reduces_series(labels, extra):
    as_number = lambda s: float(s.split(NBSP)[0].replace(",", ""))  # noqa: E731
    before = telemetry_series(labels)
    after = telemetry_series([*labels, extra])
    if NBSP not in before and NBSP not in after:
        assert as_number(after) > as_number(before)
