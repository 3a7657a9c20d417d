"""Latency data and derived columns; the chapter map and cross-references."""

from __future__ import annotations

import re

import pytest

from macros import chapters
from macros.data import load
from macros.errors import MacroInputError
from macros.latency import human_scale, latency, latency_ratio, latency_table, round_trips_cost

NB = "\u00a0"


def test_every_latency_row_has_source_and_year() -> None:
    data = load("latency")
    for row in data["rows"]:
        source = data["sources"][row["source"]]
        assert source["title"] and 1990 < source["year"] <= 2026, row


def test_human_scale_of_the_seed_examples() -> None:
    assert human_scale("l1") == f"500{NB}ms"  # 0.5 s
    assert human_scale("memory") == f"1.7{NB}min"  # 100 s
    assert human_scale("ssd-random-4kb") == f"1.7{NB}days"  # 150,000 s
    assert human_scale("continent-round-trip") == f"4.8{NB}years"  # 1.5e8 s / 31,557,600


def test_ratios_and_costs() -> None:
    assert latency_ratio("l2") == "14×"
    assert latency_ratio("memory") == "200×"
    assert latency_ratio("disk-seq-1mb", "ssd-seq-1mb") == "20×"
    assert round_trips_cost(50) == f"25{NB}ms"
    assert latency("region-round-trip") == f"10{NB}ms – 70{NB}ms"


def test_latency_table_renders_each_row() -> None:
    table = latency_table()
    assert table.count("\n| ") == len(load("latency")["rows"]) + 1
    assert not re.search(r"\b(nan|inf|None)\b", table)


def test_unknown_latency_key() -> None:
    with pytest.raises(MacroInputError) as err:
        latency("l3")
    assert err.value.argument == "key"


def test_chapter_map_has_27_chapters_numbered_in_order_with_unique_slugs() -> None:
    cs = chapters.chapters()
    assert [c["number"] for c in cs] == list(range(1, 28))
    assert len({c["slug"] for c in cs}) == 27


def test_ref_reads_number_and_title_from_the_target_heading() -> None:
    assert chapters.ref("back-of-envelope", "availability-in-numbers") == (
        "[§5.4 Availability in numbers](back-of-envelope.md#availability-in-numbers)"
    )
    with pytest.raises(MacroInputError):
        chapters.ref("back-of-envelope", "no-such-id")
    with pytest.raises(MacroInputError):
        chapters.ref("no-such-chapter")


def test_ref_to_a_sub_heading_borrows_its_section_number() -> None:
    assert chapters.ref("back-of-envelope", "twitter-sizing") == (
        "[§5.3 Time, throughput and storage: Worked example: sizing Twitter](back-of-envelope.md#twitter-sizing)"
    )


def test_chapter_map_links_carry_their_slug_for_the_progress_marks() -> None:
    table = chapters.chapter_map()
    assert '[Caching](caching.md){ data-chapter="caching" }' in table
    assert table.count("data-chapter=") == sum(chapters.written(c["slug"]) for c in chapters.chapters())
