"""Geohash cell sizes per precision (number of base-32 characters).

A geohash of ``p`` characters carries 5p bits, interleaved longitude first, so
longitude gets ⌈5p / 2⌉ bits and latitude ⌊5p / 2⌋. A cell spans 360° / 2^lon_bits
of longitude and 180° / 2^lat_bits of latitude. Lengths use the WGS 84 ellipsoid's
equatorial circumference (40,075.017 km) for longitude and its meridian length
(2 × 10,001.966 km pole to pole) for latitude; a cell's east–west width shrinks with
cos(latitude) away from the equator.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .errors import MacroInputError
from .fmt import NBSP, fmt_sig
from .tables import md_table
from .validate import positive_int

__all__ = ["geohash_bits", "geohash_cell", "geohash_radius", "geohash_radius_km", "geohash_table"]

EQUATOR_KM = 40_075.017
"""WGS 84 equatorial circumference in km."""
MERIDIAN_KM = 2 * 10_001.966
"""WGS 84 pole-to-pole meridian length (twice the equator-to-pole distance) in km."""
MAX_PRECISION = 12


def geohash_bits(precision: object) -> tuple[int, int]:
    """(longitude bits, latitude bits) of a geohash with ``precision`` characters."""
    p = positive_int("precision", precision, maximum=MAX_PRECISION)
    total = 5 * p
    return (total + 1) // 2, total // 2


def _latitude(latitude: object) -> float:
    if isinstance(latitude, bool) or not isinstance(latitude, (int, float)) or not math.isfinite(latitude):
        raise MacroInputError("latitude", latitude, "a latitude in degrees from -89 to 89 is accepted")
    if abs(latitude) > 89:
        raise MacroInputError("latitude", latitude, "a latitude in degrees from -89 to 89 is accepted")
    return float(latitude)


def _cell_km(precision: object, latitude: float = 0.0) -> tuple[float, float]:
    lon_bits, lat_bits = geohash_bits(precision)
    width = EQUATOR_KM / 2**lon_bits * math.cos(math.radians(latitude))
    height = MERIDIAN_KM / 2**lat_bits
    return width, height


def _fmt_length(km: float, sig: int = 3) -> str:
    if km >= 1:
        return f"{fmt_sig(km, sig)}{NBSP}km"
    if km >= 0.001:
        return f"{fmt_sig(km * 1_000, sig)}{NBSP}m"
    return f"{fmt_sig(km * 100_000, sig)}{NBSP}cm"


def geohash_cell(precision: object, latitude: object = 0) -> str:
    """A cell's width × height, e.g. geohash_cell(6) → '1.22 km × 610 m' at the equator."""
    width, height = _cell_km(precision, _latitude(latitude))
    return f"{_fmt_length(width)} × {_fmt_length(height)}"


def geohash_radius_km(precision: object, latitude: object = 0, rings: object = 1) -> float:
    """The radius in km that a cell and ``rings`` rings of neighbours around it are sure to cover.

    The query point can sit anywhere in its cell, even on an edge, so the block reaches ``rings`` whole
    cells past it in every direction and no further for certain: rings × the cell's shorter side.
    """
    r = positive_int("rings", rings, maximum=10)
    width, height = _cell_km(precision, _latitude(latitude))
    return r * min(width, height)


def geohash_radius(precision: object, latitude: object = 0, rings: object = 1) -> str:
    """geohash_radius(6) → '610 m': a 6-character cell and its 8 neighbours hold every point within 610 m."""
    return _fmt_length(geohash_radius_km(precision, latitude, rings))


def geohash_table(precisions: Sequence[int] = tuple(range(1, 13)), latitude: object = None) -> str:
    """Markdown table of cell sizes per precision, at the equator and optionally at ``latitude``."""
    if isinstance(precisions, (str, bytes)) or not isinstance(precisions, Sequence) or not precisions:
        raise MacroInputError("precisions", precisions, "a non-empty list of whole numbers 1–12 is accepted")
    lat = None if latitude is None else _latitude(latitude)
    headers = ["Characters", "Bits (lon + lat)", "Cell at the equator (width × height)"]
    if lat is not None:
        headers.append(f"Width at {fmt_sig(lat, 3)}° latitude")
    rows = []
    for p in precisions:
        lon_bits, lat_bits = geohash_bits(p)
        row = [str(p), f"{lon_bits} + {lat_bits}", geohash_cell(p)]
        if lat is not None:
            row.append(_fmt_length(_cell_km(p, lat)[0]))
        rows.append(row)
    note = (
        "\n*Computed: longitude gets ⌈5p/2⌉ bits and latitude ⌊5p/2⌋; width = 40,075 km / 2^lon_bits × "
        "cos(latitude), height = 20,004 km / 2^lat_bits (WGS 84).*\n"
    )
    return md_table(headers, rows) + note
