"""Geohash cell sizes per precision (macros/geohash.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.geohash import geohash_bits, geohash_cell, geohash_radius, geohash_radius_km, geohash_table

NB = "\u00a0"


@pytest.mark.parametrize(
    ("precision", "bits"), [(1, (3, 2)), (5, (13, 12)), (6, (15, 15)), (12, (30, 30))]
)
def test_bits_interleave_longitude_first(precision: int, bits: tuple[int, int]) -> None:
    assert geohash_bits(precision) == bits


@pytest.mark.parametrize(
    ("precision", "cell"),
    [
        # the usual published table (e.g. Elasticsearch's geohash grid docs): 4.9 km, 1.2 km × 609 m, 153 m, 38 m × 19 m
        (5, "4.89\u00a0km × 4.88\u00a0km"),
        (6, "1.22\u00a0km × 610\u00a0m"),
        (7, "153\u00a0m × 153\u00a0m"),
        (8, "38.2\u00a0m × 19.1\u00a0m"),
        (11, "14.9\u00a0cm × 14.9\u00a0cm"),
    ],
)
def test_cells_at_the_equator_match_the_published_table(precision: int, cell: str) -> None:
    assert geohash_cell(precision) == cell


def test_cells_narrow_away_from_the_equator() -> None:
    assert geohash_cell(6, 60) == "611\u00a0m × 610\u00a0m"  # cos 60° = 0.5


def test_table_has_a_row_per_precision_and_a_latitude_column() -> None:
    table = geohash_table((5, 6), latitude=52)
    assert "Width at 52° latitude" in table
    assert "| 6 | 15 + 15 | 1.22\u00a0km × 610\u00a0m | 753\u00a0m |" in table


@pytest.mark.parametrize("bad", [0, 13, -1, 2.5, "6", None])
def test_precision_outside_1_to_12_is_rejected(bad: object) -> None:
    with pytest.raises(MacroInputError):
        geohash_cell(bad)


@pytest.mark.parametrize("bad", [90, -95, float("nan"), "north"])
def test_latitude_outside_the_usable_range_is_rejected(bad: object) -> None:
    with pytest.raises(MacroInputError):
        geohash_cell(6, bad)


@given(st.integers(min_value=1, max_value=11))
def test_one_more_character_makes_the_cell_32_times_smaller(p: int) -> None:
    from macros.geohash import _cell_km

    w1, h1 = _cell_km(p)
    w2, h2 = _cell_km(p + 1)
    assert (w1 * h1) / (w2 * h2) == pytest.approx(32)


def test_radius_a_ring_of_neighbours_is_sure_to_cover() -> None:
    # 6 characters: 1.22 km wide, 610 m tall at the equator; the 3 × 3 block reaches one short side
    assert geohash_radius(6) == f"610{NB}m"
    assert geohash_radius(6, 40) == f"610{NB}m"  # at 40° the width is 935 m: the height is still shorter
    assert geohash_radius(6, 60) == f"610{NB}m"
    assert geohash_radius(6, 70) == f"418{NB}m"  # 1.22 km × cos 70° = 418 m: now the width is shorter
    assert geohash_radius(6, rings=2) == f"1.22{NB}km"  # the 5 × 5 block
    assert geohash_radius(5) == f"4.88{NB}km"  # 4.89 km wide, 4.88 km tall
    assert geohash_radius_km(5, 40) > 1 > geohash_radius_km(6, 40)  # a 1 km search needs 5 characters


@pytest.mark.parametrize("bad", [0, -1, 11, 1.5, "2", True])
def test_radius_rejects_a_bad_ring_count(bad) -> None:
    with pytest.raises(MacroInputError):
        geohash_radius(6, 0, bad)
