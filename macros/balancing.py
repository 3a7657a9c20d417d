"""Randomized load balancing: what "pick the less loaded of d random servers" buys.

The numbers come from Mitzenmacher's *supermarket model* (IEEE TPDS 12(10), 2001):
``n`` servers, each serving at rate 1 (exponential service, FIFO); jobs arrive as a
Poisson stream of rate ``λn``; each job samples ``d`` servers uniformly at random and
joins the shortest queue. As ``n`` grows, the fraction of servers holding at least
``i`` jobs tends to ``λ^((dⁱ − 1)/(d − 1))`` (for ``d = 1``: ``λⁱ``, the M/M/1 tail),
and the mean time a job spends in the system tends to
``Σᵢ≥₁ λ^((dⁱ − d)/(d − 1))`` service times (for ``d = 1``: ``1/(1 − λ)``).
These are large-``n`` limits: a finite fleet is close to them (the paper's
simulations agree from about a hundred servers), not equal.
"""

from __future__ import annotations

from .errors import MacroInputError
from .fmt import fmt_percent, fmt_sig
from .validate import positive, positive_int

__all__ = ["p2c_mean_time", "p2c_mean_time_value", "p2c_queue_tail", "p2c_queue_tail_fraction"]

_MAX_TERMS = 10_000


def _load(value: object) -> float:
    """Utilisation λ (arrival rate per server over service rate), strictly inside (0, 1)."""
    lam = positive("load", value)
    if lam >= 1:
        raise MacroInputError("load", value, "a utilisation in (0, 1) is accepted, e.g. 0.9 for 90 % busy")
    return lam


def _exponent(d: int, i: int) -> int:
    """(dⁱ − 1)/(d − 1): how many factors of λ the tail at queue length i carries."""
    return i if d == 1 else (d**i - 1) // (d - 1)


def p2c_queue_tail_fraction(load: object, length: object, d: object = 2) -> float:
    """Fraction of servers (0–1) with at least ``length`` jobs queued or in service.

    ``load`` is the utilisation λ in (0, 1); ``d`` the servers sampled per job.
    >>> round(p2c_queue_tail_fraction(0.9, 5, 1), 3), round(p2c_queue_tail_fraction(0.9, 5, 2), 4)
    (0.59, 0.0382)
    """
    lam = _load(load)
    i = positive_int("length", length, maximum=1_000)
    k = positive_int("d", d, maximum=64)
    if k > 1 and i > 60:
        raise MacroInputError("length", length, "a queue length <= 60 is accepted when d > 1")
    return lam ** _exponent(k, i)


def p2c_queue_tail(load: object, length: object, d: object = 2) -> str:
    """:func:`p2c_queue_tail_fraction` formatted as a percentage ("3.8 %")."""
    f = p2c_queue_tail_fraction(load, length, d)
    if f < 1e-12:
        return "< 10⁻¹⁰ %"
    return f"{fmt_sig(f * 100, 2)}\u00a0%" if f < 0.01 else fmt_percent(f, 1)


def p2c_mean_time_value(load: object, d: object = 2) -> float:
    """Mean time in system, in mean service times, for utilisation ``load`` and ``d`` choices.

    >>> round(p2c_mean_time_value(0.9, 1), 6), round(p2c_mean_time_value(0.99, 2), 2)
    (10.0, 5.43)
    """
    lam = _load(load)
    k = positive_int("d", d, maximum=64)
    if k == 1:
        return 1 / (1 - lam)
    total = 0.0
    for i in range(1, _MAX_TERMS):
        exponent = (k**i - k) // (k - 1)
        term = lam**exponent
        total += term
        if term < 1e-15:
            break
    return total


def p2c_mean_time(load: object, d: object = 2, sig: int = 3) -> str:
    """:func:`p2c_mean_time_value` formatted ("5.43"), in units of the mean service time."""
    return fmt_sig(p2c_mean_time_value(load, d), sig)
