"""Caching: how hit rates compound across layers, and how many requests a miss storm sends on.

A request walks the layers from the client inwards (browser, CDN, reverse proxy,
application cache, database buffer pool, OS page cache) and stops at the first
hit. With hit rate hᵢ at layer i (the share of the requests *that reach layer i*
it can answer), the share that reaches the origin is Π (1 − hᵢ) and the
combined hit rate is 1 − Π (1 − hᵢ). The hit rates are conditional: a layer
behind another sees only the first layer's misses, which are the colder keys,
so its hit rate on that stream is usually lower than it would be on its own.

Hit rates are fractions in (0, 1); a layer with a 100 % hit rate would make every
layer behind it unreachable and is refused. Arithmetic is ``Decimal`` with 60 digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .errors import MacroInputError
from .fmt import NBSP, fmt_count, fmt_percent, fmt_rate, fmt_sig
from .tables import md_table
from .validate import dec_context, positive, positive_int, probability

__all__ = [
    "cache_combined_hit_fraction",
    "cache_hit_rate",
    "cache_layers_table",
    "cache_load_ratio",
    "cache_origin_fraction",
    "cache_origin_load",
    "cache_origin_share",
    "cache_stampede_requests",
    "cache_zone_loss_misses",
    "cache_zone_loss_ratio",
]


def _hit_rates(rates: object) -> list[Decimal]:
    accepted = "a non-empty list of hit rates, each a fraction in (0, 1), e.g. [0.9, 0.9, 0.9]"
    if isinstance(rates, (str, bytes)) or not isinstance(rates, Sequence) or not rates:
        raise MacroInputError("hit_rates", rates, accepted)
    return [probability(f"hit_rates[{i}]", h, allow_one=False) for i, h in enumerate(rates)]


def _small_percent(fraction: Decimal) -> str:
    """A share that may be far below 1 % ("0.1 %", "0.0125 %"): three significant figures."""
    return f"{fmt_sig(fraction * 100, 3)}{NBSP}%"


def cache_origin_fraction(hit_rates: object) -> Decimal:
    """Fraction of all requests that miss every layer and reach the origin: Π (1 − hᵢ)."""
    values = _hit_rates(hit_rates)
    with dec_context():
        out = Decimal(1)
        for h in values:
            out *= 1 - h
        return +out


def cache_combined_hit_fraction(hit_rates: object) -> Decimal:
    """Fraction of all requests answered by some layer: 1 − Π (1 − hᵢ)."""
    with dec_context():
        return 1 - cache_origin_fraction(hit_rates)


def cache_hit_rate(hit_rates: object) -> str:
    """Formatted combined hit rate: cache_hit_rate([0.9, 0.9, 0.9]) → '99.9 %'."""
    return fmt_percent(cache_combined_hit_fraction(hit_rates))


def cache_origin_share(hit_rates: object) -> str:
    """Formatted share of requests reaching the origin: cache_origin_share([0.9, 0.9, 0.9]) → '0.1 %'."""
    return _small_percent(cache_origin_fraction(hit_rates))


def cache_origin_load(requests_per_second: object, hit_rates: object, unit: str = "QPS") -> str:
    """Formatted request rate that reaches the origin: rate × Π (1 − hᵢ), e.g. 100,000 QPS → '100 QPS'."""
    rate = positive("requests_per_second", requests_per_second, unit="requests per second")
    return fmt_rate(float(Decimal(repr(rate)) * cache_origin_fraction(hit_rates)), unit)


def cache_load_ratio(better: object, worse: object) -> str:
    """How many times more load the origin takes at hit rate ``worse`` than at ``better``:
    (1 − worse) / (1 − better). cache_load_ratio(0.99, 0.9) → '10×'."""
    b = probability("better", better, allow_one=False)
    w = probability("worse", worse, allow_one=False)
    if w > b:
        raise MacroInputError("worse", worse, f"a hit rate no higher than better = {better} is accepted")
    with dec_context():
        return f"{fmt_sig((1 - w) / (1 - b), 3)}×"


def cache_layers_table(hit_rates: object, layers: object = None) -> str:
    """Markdown table: per layer, its hit rate, the share of all requests that reach it,
    the share it answers, and the share still missing after it."""
    values = _hit_rates(hit_rates)
    if layers is None:
        names = [f"Layer {i + 1}" for i in range(len(values))]
    else:
        if isinstance(layers, (str, bytes)) or not isinstance(layers, Sequence) or len(layers) != len(values):
            accepted = f"a list of {len(values)} layer names, one per hit rate, is accepted"
            raise MacroInputError("layers", layers, accepted)
        names = [str(n) for n in layers]
    rows = []
    with dec_context():
        reaching = Decimal(1)
        for name, h in zip(names, values, strict=True):
            served = reaching * h
            left = reaching - served
            rows.append([name, fmt_percent(h), _small_percent(reaching), _small_percent(served), _small_percent(left)])
            reaching = left
    headers = ["Layer", "Hit rate (of what reaches it)", "Reaches it", "Answered here", "Still missing after it"]
    note = (
        "\n*Computed: a layer's share of all requests = share reaching it × its hit rate; the share "
        "reaching the origin = Π (1 − hit rate). Shares are of all client requests.*\n"
    )
    return md_table(headers, rows) + note


def cache_stampede_requests(requests_per_second: object, rebuild_seconds: object) -> str:
    """Requests that arrive for one key while its value is being rebuilt after expiry,
    rate × rebuild time: each one misses and, without single-flight, goes to the origin."""
    rate = positive("requests_per_second", requests_per_second, unit="requests per second")
    t = positive("rebuild_seconds", rebuild_seconds, unit="seconds")
    return fmt_count(round(rate * t))


def _zone_loss(peak: object, hit_rate: object, zones: object) -> tuple[float, float]:
    """(misses per second with one of ``zones`` cache zones lost, planned misses per second).

    Reads spread evenly over the zones; the lost zone's share all misses, the others keep their
    hit rate: peak ÷ n + peak × (n − 1) ÷ n × (1 − hit), against peak × (1 − hit) when all are up.
    """
    rate = positive("peak", peak, unit="requests per second")
    hit = float(probability("hit_rate", hit_rate, allow_one=False))
    n = positive_int("zones", zones, minimum=2, maximum=10)
    lost = rate / n + rate * (n - 1) / n * (1 - hit)
    return lost, rate * (1 - hit)


def cache_zone_loss_misses(peak: object, hit_rate: object, zones: object = 3, unit: str = "QPS") -> str:
    """Reads that miss while one cache zone is down: cache_zone_loss_misses(28935, 0.9, 3) → '11,600 QPS'."""
    return fmt_rate(_zone_loss(peak, hit_rate, zones)[0], unit)


def cache_zone_loss_ratio(peak: object, hit_rate: object, zones: object = 3) -> str:
    """How many times the planned miss load that is: cache_zone_loss_ratio(28935, 0.9, 3) → '4×'."""
    lost, planned = _zone_loss(peak, hit_rate, zones)
    return f"{fmt_sig(lost / planned, 2)}×"
