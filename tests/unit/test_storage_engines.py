"""B-tree and LSM-tree arithmetic: known values, edges and bad inputs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.storage_engines import btree_capacity, btree_levels, btree_write_amp, lsm_levels, lsm_space_amp


def test_four_levels_of_4k_pages_with_fanout_500_reach_256_tb() -> None:
    # Kleppmann, DDIA ch. 3: "a four-level tree of 4 KB pages with a branching factor of 500"
    assert btree_capacity(4, 500, 4096) == "256\u00a0TB"


@pytest.mark.parametrize(
    ("keys", "fanout", "levels"), [(1e9, 500, 4), (500, 500, 1), (501, 500, 2), (250_000, 500, 2), (1, 2, 1)]
)
def test_btree_levels_is_the_ceiling_of_the_log(keys: float, fanout: int, levels: int) -> None:
    assert btree_levels(keys, fanout) == levels


def test_small_updates_to_big_pages_amplify_writes() -> None:
    assert btree_write_amp(8192, 100) == "82.9"
    assert btree_write_amp(4096, 4096) == "2"


def test_lsm_levels_and_space_amp_match_the_rocksdb_defaults() -> None:
    assert lsm_levels(1e12, 256e6, 10) == 5
    assert lsm_levels(2.56e9, 256e6, 10) == 2
    assert lsm_levels(1e6, 256e6, 10) == 1
    assert lsm_space_amp(10) == "1.11"


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (btree_capacity, (0, 500, 4096)),
        (btree_capacity, (4, 1, 4096)),
        (btree_capacity, (4, 500, -1)),
        (btree_levels, (0, 500)),
        (btree_levels, (1e9, 1.5)),
        (btree_write_amp, (4096, 0)),
        (btree_write_amp, (4096, 8192)),
        (lsm_levels, (1e12, 0, 10)),
        (lsm_levels, (float("inf"), 256e6, 10)),
        (lsm_space_amp, (1,)),
    ],
)
def test_bad_inputs_are_rejected(fn, args) -> None:
    with pytest.raises(MacroInputError):
        fn(*args)


@given(st.floats(min_value=2, max_value=1e15), st.integers(min_value=2, max_value=1000))
def test_btree_with_its_levels_covers_the_keys(keys: float, fanout: int) -> None:
    levels = btree_levels(keys, fanout)
    assert fanout**levels >= keys * (1 - 1e-9)
    assert levels == 1 or fanout ** (levels - 1) < keys
