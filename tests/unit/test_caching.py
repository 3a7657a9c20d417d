"""Compounding cache hit rates and stampede sizes (macros/caching.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.caching import (
    cache_combined_hit_fraction,
    cache_hit_rate,
    cache_layers_table,
    cache_load_ratio,
    cache_origin_fraction,
    cache_origin_load,
    cache_origin_share,
    cache_stampede_requests,
    cache_zone_loss_misses,
    cache_zone_loss_ratio,
)
from macros.errors import MacroInputError

NBSP = "\u00a0"


def test_three_layers_at_90_percent_leave_one_request_in_a_thousand() -> None:
    assert cache_origin_fraction([0.9, 0.9, 0.9]) == Decimal("0.001")
    assert cache_hit_rate([0.9, 0.9, 0.9]) == f"99.9{NBSP}%"
    assert cache_origin_share([0.9, 0.9, 0.9]) == f"0.1{NBSP}%"


def test_small_origin_share_keeps_its_digits() -> None:
    # 0.95 × 0.5 × 0.5 misses → 0.0125 of requests → 1.25 %; 0.05 × 0.05 × 0.05 → 0.0125 %
    assert cache_origin_share([0.95, 0.95, 0.95]) == f"0.0125{NBSP}%"
    assert cache_origin_share([0.5, 0.5]) == f"25{NBSP}%"


def test_origin_load_scales_the_request_rate() -> None:
    assert cache_origin_load(100_000, [0.9, 0.9, 0.9]) == f"100{NBSP}QPS"
    assert cache_origin_load(50_000, [0.8]) == f"10,000{NBSP}QPS"


def test_load_ratio_between_two_hit_rates() -> None:
    assert cache_load_ratio(0.99, 0.9) == "10×"
    assert cache_load_ratio(0.999, 0.99) == "10×"
    assert cache_load_ratio(0.95, 0.9) == "2×"


def test_layers_table_lists_each_layer_and_its_shares() -> None:
    table = cache_layers_table([0.9, 0.5], ["CDN", "Redis"])
    lines = table.splitlines()
    assert lines[0].startswith("| Layer |")
    assert lines[2] == f"| CDN | 90{NBSP}% | 100{NBSP}% | 90{NBSP}% | 10{NBSP}% |"
    assert lines[3] == f"| Redis | 50{NBSP}% | 10{NBSP}% | 5{NBSP}% | 5{NBSP}% |"


def test_stampede_counts_requests_during_a_rebuild() -> None:
    assert cache_stampede_requests(5_000, 0.2) == "1,000"
    assert cache_stampede_requests(2_000_000, 1) == f"2{NBSP}million"


@pytest.mark.parametrize(
    "bad",
    [[], "0.9", [0.9, 1], [0.9, 0], [90], [float("nan")], None, [True]],
)
def test_bad_hit_rate_lists_are_refused(bad: object) -> None:
    with pytest.raises(MacroInputError):
        cache_origin_fraction(bad)


def test_bad_other_arguments_are_refused() -> None:
    with pytest.raises(MacroInputError):
        cache_load_ratio(0.9, 0.99)  # "worse" above "better"
    with pytest.raises(MacroInputError):
        cache_layers_table([0.9, 0.9], ["only one name"])
    with pytest.raises(MacroInputError):
        cache_stampede_requests(0, 1)
    with pytest.raises(MacroInputError):
        cache_origin_load(-5, [0.9])


@given(st.lists(st.floats(min_value=0.001, max_value=0.999), min_size=1, max_size=6))
def test_hit_and_miss_fractions_add_to_one_and_more_layers_never_hurt(rates: list[float]) -> None:
    assert cache_combined_hit_fraction(rates) + cache_origin_fraction(rates) == 1
    assert cache_origin_fraction([*rates, 0.5]) < cache_origin_fraction(rates)


def test_losing_a_cache_zone_adds_its_share_to_the_other_zones_misses() -> None:
    # capacity-planning's worked example: 28,935 QPS peak reads, 90 % hits, three zones
    peak = 10e6 * 50 / 86400 * 5
    assert cache_zone_loss_misses(peak, 0.9, 3) == f"11,600{NBSP}QPS"  # 9,645 + 1,929
    assert cache_zone_loss_ratio(peak, 0.9, 3) == "4×"  # against 2,894 planned misses
    assert cache_zone_loss_ratio(1000, 0.9, 2) == "5.5×"  # (500 + 50) ÷ 100
    assert cache_zone_loss_ratio(1000, 0.99, 5) == "21×"  # (200 + 8) ÷ 10 = 20.8
    for bad in ({"zones": 1}, {"hit_rate": 1}, {"peak": -1}):
        args = {"peak": 1000, "hit_rate": 0.9, "zones": 3} | bad
        with pytest.raises(MacroInputError):
            cache_zone_loss_misses(**args)
