"""The CPU slowdown Lighthouse runs with (tools/lighthouse.py): the default on a fast host, less on a slow one."""

from __future__ import annotations

import pytest

from tools import lighthouse


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (3000, 4.0),  # a fast host keeps Lighthouse's default: never stricter than stock Lighthouse
        (1750, 4.0),  # the middle of the high-end desktop bracket the default is made for
        (1500, 3.43),
        (1140, 2.61),
        (780, 1.78),  # Lighthouse's own table suggests 2x (1-5) for a low-end desktop
        (437.5, 1.0),
        (100, 1.0),  # a host slower than the emulated phone gets no slowdown at all, never a speed-up
    ],
)
def test_cpu_slowdown_scales_with_the_host_below_the_reference(index: float, expected: float) -> None:
    assert lighthouse.cpu_slowdown(index) == expected


def test_the_emulated_cpu_is_the_same_below_the_reference() -> None:
    """Host index over multiplier (the emulated phone's index) is one value across the calibrated range."""
    emulated = [i / lighthouse.cpu_slowdown(i) for i in (450, 600, 900, 1200, 1749)]
    assert all(abs(e - 437.5) / 437.5 < 0.01 for e in emulated), emulated  # within the multiplier's rounding


@pytest.mark.parametrize("bad", [0, -5, float("nan"), "1200", None, True])
def test_cpu_slowdown_rejects_what_is_not_a_benchmark_index(bad) -> None:
    with pytest.raises(ValueError, match="benchmark index"):
        lighthouse.cpu_slowdown(bad)


def test_a_fixed_multiplier_overrides_the_calibration(monkeypatch) -> None:
    monkeypatch.setenv("PLAYBOOK_LIGHTHOUSE_CPU", "4")
    assert lighthouse.fixed_cpu_slowdown() == 4.0
    monkeypatch.setenv("PLAYBOOK_LIGHTHOUSE_CPU", "")
    assert lighthouse.fixed_cpu_slowdown() is None


@pytest.mark.parametrize("bad", ["0.5", "fast", "25", "nan"])
def test_a_fixed_multiplier_out_of_range_is_an_error(monkeypatch, bad: str) -> None:
    monkeypatch.setenv("PLAYBOOK_LIGHTHOUSE_CPU", bad)
    with pytest.raises(ValueError, match="PLAYBOOK_LIGHTHOUSE_CPU"):
        lighthouse.fixed_cpu_slowdown()


def test_the_report_names_the_multiplier_each_run_used() -> None:
    r = lighthouse.PageResult("/x/", runs=[{"performance": 1.0}], benchmark_index=[1140.0], cpu_slowdown=[3.04])
    row = lighthouse.table([r]).splitlines()[-1]
    assert row.endswith("| 1,140 | 3.04× | — |"), row


def test_the_host_index_is_the_median_of_the_last_five_runs(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("PLAYBOOK_LIGHTHOUSE_CPU", raising=False)
    monkeypatch.setattr(lighthouse.Calibration, "indices", [3000.0, 900.0, 1100.0, 1200.0, 2000.0, 1000.0])
    assert lighthouse.Calibration.host_index() == 1100.0  # the oldest (3,000) has left the window
    assert lighthouse.Calibration.next_multiplier("http://127.0.0.1:1/", tmp_path / "r.json") == 2.51
    lighthouse.Calibration.record({"environment": {"benchmarkIndex": 2500}})
    lighthouse.Calibration.record({"environment": {}})  # a run without an index changes nothing
    assert lighthouse.Calibration.host_index() == 1200.0


def test_a_run_whose_host_changed_speed_is_off_calibration(monkeypatch) -> None:
    monkeypatch.delenv("PLAYBOOK_LIGHTHOUSE_CPU", raising=False)
    assert not lighthouse.off_calibration(2.61, 1140)  # ran with the multiplier its own index asks for
    assert not lighthouse.off_calibration(2.61, 1250)  # 2.86 asked: within 20 %
    assert lighthouse.off_calibration(2.61, 470)  # the host slowed to 1.07x territory under the run
    assert lighthouse.off_calibration(2.0, 3000)  # ... or sped up
    assert not lighthouse.off_calibration(4.0, 2900)  # a fast host at the default is never off
    monkeypatch.setenv("PLAYBOOK_LIGHTHOUSE_CPU", "4")
    assert not lighthouse.off_calibration(4.0, 470)  # a fixed multiplier is not calibrated at all
