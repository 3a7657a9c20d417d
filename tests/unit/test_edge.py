"""DNS TTL, failover and CDN origin-load arithmetic in macros/edge.py."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.edge import dns_failover_time, ttl_refreshes
from macros.errors import MacroInputError
from macros.fmt import NBSP


def test_ttl_refreshes_per_day():
    assert ttl_refreshes(60) == "1,440"
    assert ttl_refreshes(300) == "288"
    assert ttl_refreshes(86_400) == "1"


def test_failover_is_detection_plus_ttl():
    assert dns_failover_time(60, 30, 3) == f"2.5{NBSP}min"
    assert dns_failover_time(0, 10, 3) == f"30{NBSP}s"
    assert dns_failover_time(3_600, 30, 3) == f"1{NBSP}h 2{NBSP}min"


@pytest.mark.parametrize(
    "call",
    [
        lambda: ttl_refreshes(0),
        lambda: ttl_refreshes(60, "fortnight"),
        lambda: dns_failover_time(-1),
        lambda: dns_failover_time(60, 0),
        lambda: dns_failover_time(60, 30, 0),
    ],
)
def test_bad_inputs_are_rejected(call):
    with pytest.raises(MacroInputError):
        call()


@given(st.integers(min_value=1, max_value=86_400), st.integers(min_value=1, max_value=86_400))
def test_longer_ttl_means_fewer_refreshes(a, b):
    lo, hi = sorted((a, b))
    as_number = lambda s: float(s.split(NBSP)[0].replace(",", ""))  # noqa: E731
    assert as_number(ttl_refreshes(hi)) <= as_number(ttl_refreshes(lo))
