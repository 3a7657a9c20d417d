"""Error budgets, burn rates and the SRE Workbook alert table (macros/budget.py)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.budget import (
    alert_burn_rate,
    burn_rate,
    burn_rate_table,
    burn_rate_value,
    error_budget,
    error_budget_requests,
    error_budget_seconds,
    time_to_exhaustion,
)
from macros.errors import MacroInputError

NB = "\u00a0"
slos = st.decimals(min_value="0.5", max_value="0.99999", places=5)


def body_rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("|")][2:]


def test_99_9_percent_over_a_30_day_month_is_43_2_minutes() -> None:
    # 0.001 × 30 × 86,400 s = 2,592 s = 43.2 min
    assert error_budget_seconds(0.999) == pytest.approx(2_592)
    assert error_budget(0.999) == f"43.2{NB}min"


def test_28_day_window_and_year_are_accepted() -> None:
    # 0.001 × 28 × 86,400 = 2,419.2 s = 40.3 min; 0.001 × 365.25 days = 8 h 46 min
    assert error_budget(0.999, "28 days") == f"40.3{NB}min"
    assert error_budget(0.999, "year") == f"8{NB}h 46{NB}min"


def test_budget_in_requests() -> None:
    assert error_budget_requests(0.999, 1_000_000) == f"1,000{NB}requests"
    assert error_budget_requests(0.9999, 10_000) == f"1{NB}request"


def test_100_percent_objective_is_said_in_words() -> None:
    for text in (error_budget(1), error_budget_requests(1, 1e6), burn_rate(0.01, 1), time_to_exhaustion(0.01, 1)):
        assert "100" in text and "budget" in text
    assert "No burn-rate alerts" in burn_rate_table(1)
    assert "|" not in burn_rate_table(1)


def test_burn_rate_and_exhaustion_match_hand_computation() -> None:
    # 1.44 % errors against a 0.1 % budget: 14.4×; 30 days ÷ 14.4 = 2.083 days
    assert burn_rate_value(0.0144, 0.999) == pytest.approx(14.4)
    assert burn_rate(0.0144, 0.999) == "14.4×"
    assert time_to_exhaustion(0.0144, 0.999) == f"2.08{NB}days"
    assert time_to_exhaustion(0.001, 0.999) == f"30{NB}days"
    assert time_to_exhaustion(0, 0.999).startswith("never")


def test_sre_workbook_burn_rates_for_a_30_day_period() -> None:
    # SRE Workbook, "Alerting on SLOs": 2 % in 1 h → 14.4; 5 % in 6 h → 6; 10 % in 3 days → 1
    assert alert_burn_rate(0.02, 3_600) == "14.4×"
    assert alert_burn_rate(0.05, 6 * 3_600) == "6×"
    assert alert_burn_rate(0.10, 3 * 86_400) == "1×"


def test_sre_workbook_table_for_99_9_percent() -> None:
    table = burn_rate_table(0.999, "month")
    rows = body_rows(table)
    assert len(rows) == 3
    assert table.splitlines()[0].startswith("| Notify | Budget spent | Long window | Short window | Burn rate")
    assert rows[0] == f"| Page | 2{NB}% | 1{NB}h | 5{NB}min | 14.4× | 1.44{NB}% | 2.08{NB}days |"
    assert rows[1] == f"| Page | 5{NB}% | 6{NB}h | 30{NB}min | 6× | 0.6{NB}% | 5{NB}days |"
    assert rows[2] == f"| Ticket | 10{NB}% | 3{NB}days | 6{NB}h | 1× | 0.1{NB}% | 30{NB}days |"
    assert table.rstrip().endswith("*")


def test_table_recomputes_for_28_day_period() -> None:
    # 0.02 × 672 h ÷ 1 h = 13.44; 0.05 × 672 ÷ 6 = 5.6; 0.1 × 672 ÷ 72 = 0.933
    rows = body_rows(burn_rate_table(0.999, "28 days"))
    assert "13.4×" in rows[0] and "5.6×" in rows[1] and "0.933×" in rows[2]


def test_low_slo_row_that_cannot_fire_says_so() -> None:
    # SLO 90 %: 14.4 × 10 % = 144 % errors needed: impossible
    rows = body_rows(burn_rate_table(0.9))
    assert "never fires" in rows[0] and "144" in rows[0]
    assert "never fires" not in rows[1]


@pytest.mark.parametrize("slo", [0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999])
@pytest.mark.parametrize("period", ["month", "28 days", "year"])
def test_table_never_prints_forbidden_tokens(slo: float, period: str) -> None:
    table = burn_rate_table(slo, period)
    assert not re.search(r"\bnan\b|\binf\b|e\+|None|\b0\s?s\b", table)
    assert len(body_rows(table)) == 3


@settings(max_examples=60, deadline=None)
@given(slos, st.decimals(min_value="0.00001", max_value="1", places=5))
def test_burn_rate_times_exhaustion_is_the_window(slo, error_rate) -> None:
    rate = burn_rate_value(error_rate, slo)
    assert rate > 0
    assert 2_592_000 / rate == pytest.approx(float((1 - slo) / error_rate) * 2_592_000)


@settings(max_examples=60, deadline=None)
@given(slos, slos)
def test_higher_slo_means_smaller_budget(a, b) -> None:
    lo, hi = sorted((a, b))
    assert error_budget_seconds(hi) <= error_budget_seconds(lo)


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value="0", max_value="1", places=6), st.decimals(min_value="0", max_value="1", places=6))
def test_burn_rate_grows_with_error_rate(e1, e2) -> None:
    lo, hi = sorted((e1, e2))
    assert burn_rate_value(lo, 0.999) <= burn_rate_value(hi, 0.999)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: error_budget(99.9), "slo"),
        (lambda: error_budget(0), "slo"),
        (lambda: error_budget(float("nan")), "slo"),
        (lambda: error_budget(0.999, "fortnight"), "window"),
        (lambda: error_budget(0.999, -5), "window"),
        (lambda: error_budget_requests(0.999, 0), "requests"),
        (lambda: error_budget_requests(0.999, float("inf")), "requests"),
        (lambda: burn_rate(1.5, 0.999), "error_rate"),
        (lambda: burn_rate(-0.1, 0.999), "error_rate"),
        (lambda: burn_rate(50, 0.999), "error_rate"),
        (lambda: burn_rate_value(0.01, 1), "slo"),
        (lambda: time_to_exhaustion(0.01, 0.999, "eon"), "window"),
        (lambda: alert_burn_rate(0.02, "eon"), "long_window"),
        (lambda: alert_burn_rate(0, 3_600), "budget_fraction"),
        (lambda: alert_burn_rate(0.02, 0), "long_window"),
        (lambda: alert_burn_rate(0.02, "year"), "long_window"),
        (lambda: burn_rate_table(None), "slo"),
        (lambda: burn_rate_table(0.999, "decade"), "period"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(MacroInputError) as err:
        call()
    assert err.value.argument == argument
