"""Lighthouse (npm `lighthouse`, pinned in package-lock.json) against pages of the built site.

Mobile preset and simulated throttling, Chromium from CHROME_PATH / PLAYBOOK_CHROMIUM /
/usr/bin/chromium, JSON output. Each page runs ``runs`` times; the score of a category is the median.
Runs are sequential: two Chromium instances on a 2-core machine slow each other and skew the scores.

CPU slowdown. Lighthouse's default 4x CPU slowdown is relative to the host: it turns a high-end desktop
(benchmark index 1,500-2,000) into a mid-tier phone, and on a slower host it emulates a slower phone
(Lighthouse warns below 1,000 and tells you to lower the multiplier; docs/throttling.md, "Calibrating the
CPU slowdown"). So each run's multiplier is ``cpu_slowdown(benchmark index)``: 4 on a host at or above
REFERENCE_BENCHMARK (1,750, the middle of that bracket: the guide's suggested multiplier is for a host "somewhere
in the middle" of its bracket), proportionally less below it, never below 1. It never goes above
Lighthouse's default, so a fast host is measured exactly as Lighthouse measures by default, and a slow one
as if it were a typical host of the bracket. The index a run is
calibrated with is the median of the last five that runs measured (Lighthouse measures it as each run
starts, and one run's figure can be a third off the next); the first run of a process is preceded by a
calibration run whose scores are discarded. A run whose own index asks for a multiplier more than 20 %
away from the one it ran with measured a host that changed speed under it: it is made again (at most as
many times as there are runs per page), and the report lists it.
PLAYBOOK_LIGHTHOUSE_CPU=<n> fixes the multiplier instead (4 gives Lighthouse's default).

    python -m tools.lighthouse http://127.0.0.1:8001/ http://127.0.0.1:8001/caching/
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEFAULT_CPU_SLOWDOWN = 4.0  # Lighthouse's mobile default (core/config/constants.js, throttling.mobileSlow4G)
REFERENCE_BENCHMARK = 1750.0  # the middle of the "high-end desktop" bracket (1,500-2,000) the default is made for
# The performance metrics kept from every run (simulated mobile: 4x CPU slowdown, slow 4G).
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--disable-quic",
    ]
)


def chromium() -> str:
    for candidate in (
        os.environ.get("CHROME_PATH"),
        os.environ.get("PLAYBOOK_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    raise FileNotFoundError("No Chromium for Lighthouse: install Debian's 'chromium' or set PLAYBOOK_CHROMIUM")


@dataclass
class PageResult:
    url: str
    runs: list[dict[str, float | None]] = field(default_factory=list)
    failing_audits: dict[str, list[str]] = field(default_factory=dict)  # category -> audit ids below 1
    total_bytes: list[float] = field(default_factory=list)
    # Lighthouse's measure of this machine's CPU (environment.benchmarkIndex): its 4x slowdown assumes 1,500-2,000
    benchmark_index: list[float] = field(default_factory=list)
    cpu_slowdown: list[float] = field(default_factory=list)  # per run: the multiplier Lighthouse applied
    calibrated_with: list[float] = field(default_factory=list)  # per run: the host index its multiplier came from
    repeated: list[str] = field(default_factory=list)  # runs made again because the host's speed changed under them
    metrics: list[dict[str, float]] = field(default_factory=list)  # per run: METRICS' numeric values
    errors: list[str] = field(default_factory=list)

    def median(self, category: str) -> float | None:
        values = [r[category] for r in self.runs if r.get(category) is not None]
        return statistics.median(values) if values else None

    def median_metric(self, audit_id: str) -> float | None:
        values = [m[audit_id] for m in self.metrics if m.get(audit_id) is not None]
        return statistics.median(values) if values else None


def cpu_slowdown(benchmark_index: float) -> float:
    """The CPU multiplier for a host whose Lighthouse benchmark index is ``benchmark_index`` (see the module doc)."""
    if isinstance(benchmark_index, bool) or not isinstance(benchmark_index, (int, float)) or not benchmark_index > 0:
        raise ValueError(f"cpu_slowdown: a benchmark index must be a positive number, not {benchmark_index!r}")
    scaled = DEFAULT_CPU_SLOWDOWN * benchmark_index / REFERENCE_BENCHMARK
    return round(min(DEFAULT_CPU_SLOWDOWN, max(1.0, scaled)), 2)


def fixed_cpu_slowdown() -> float | None:
    """PLAYBOOK_LIGHTHOUSE_CPU, when set: a multiplier from 1 to 20 used for every run instead of calibrating."""
    raw = os.environ.get("PLAYBOOK_LIGHTHOUSE_CPU", "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 1 <= value <= 20:
        raise ValueError(f"PLAYBOOK_LIGHTHOUSE_CPU must be a number from 1 to 20 (4 is the default), not {raw!r}")
    return value


class Calibration:
    """The multiplier for the next run, from the benchmark indices the last runs measured (their median)."""

    WINDOW = 5
    indices: ClassVar[list[float]] = []

    @classmethod
    def host_index(cls) -> float | None:
        return statistics.median(cls.indices[-cls.WINDOW :]) if cls.indices else None

    @classmethod
    def next_multiplier(cls, url: str, out: Path) -> float:
        fixed = fixed_cpu_slowdown()
        if fixed is not None:
            return fixed
        if not cls.indices:
            report = run_once(url, out, cpu=DEFAULT_CPU_SLOWDOWN)  # calibration run: only its index is kept
            cls.record(report)
            out.unlink(missing_ok=True)
            if not cls.indices:
                raise RuntimeError(f"lighthouse {url}: the calibration run reported no benchmark index")
        return cpu_slowdown(cls.host_index())

    @classmethod
    def record(cls, report: dict) -> None:
        index = (report.get("environment") or {}).get("benchmarkIndex")
        if index:
            cls.indices.append(float(index))


def applied_cpu_slowdown(report: dict) -> float | None:
    return ((report.get("configSettings") or {}).get("throttling") or {}).get("cpuSlowdownMultiplier")


def run_once(url: str, out: Path, timeout: int = 240, cpu: float = DEFAULT_CPU_SLOWDOWN) -> dict:
    """One Lighthouse run of ``url`` with a CPU slowdown of ``cpu``; the parsed JSON report."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} is missing: run 'make test' (it runs npm ci) or 'npm ci'")
    env = {**os.environ, "CHROME_PATH": chromium()}
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--max-wait-for-load=60000",
        f"--throttling.cpuSlowdownMultiplier={cpu:g}",
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=out.parent)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse {url} exited {proc.returncode}: {proc.stderr[-1500:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    applied = applied_cpu_slowdown(report)
    if applied is None or abs(applied - cpu) > 1e-9:
        raise RuntimeError(f"lighthouse {url}: asked for a CPU slowdown of {cpu:g}, the report says {applied!r}")
    return report


def failing_audits(report: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cid, cat in report["categories"].items():
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                found.setdefault(cid, []).append(f"{ref['id']}={audit['score']}{f' ({value})' if value else ''}")
    return found


CALIBRATION_TOLERANCE = 0.2  # a run is off calibration when its own index asks for a multiplier 20 % away


def off_calibration(used: float, own_index: float | None) -> bool:
    """True when the host's speed during the run (its own index) differs from the one its multiplier assumed."""
    if fixed_cpu_slowdown() is not None or not own_index:
        return False
    own = cpu_slowdown(own_index)
    return abs(used - own) / own > CALIBRATION_TOLERANCE


def audit_page(url: str, runs: int = 3, workdir: Path | None = None, result: PageResult | None = None) -> PageResult:
    """``runs`` runs of ``url`` (added to ``result`` when given). A run whose host changed speed under it (off
    calibration) is run again, at most ``runs`` times per call; the repeated runs are listed in the report,
    never silently dropped."""
    result = result or PageResult(url)
    wanted = len(result.runs) + runs
    retries = runs
    errors_before = len(result.errors)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        i = 0
        while len(result.runs) < wanted and i < 2 * runs + 1:
            i += 1
            try:
                out = Path(tmp) / f"run{i}.json"
                cpu = Calibration.next_multiplier(url, out)
                host = Calibration.host_index()
                report = run_once(url, out, cpu=cpu)
            except (RuntimeError, subprocess.TimeoutExpired) as err:
                result.errors.append(str(err)[-600:])
                if len(result.errors) - errors_before >= runs:
                    break
                continue
            Calibration.record(report)
            own = (report.get("environment") or {}).get("benchmarkIndex")
            used = applied_cpu_slowdown(report)
            if off_calibration(used, own) and retries > 0:
                retries -= 1
                perf = (report["categories"].get("performance") or {}).get("score")
                result.repeated.append(f"index {own:,.0f} at {used:g}× (performance {perf})")
                continue
            result.cpu_slowdown.append(used)
            result.calibrated_with.append(host)
            if report.get("runtimeError"):
                result.errors.append(f"{report['runtimeError'].get('code')}: {report['runtimeError'].get('message')}")
            result.runs.append({c: (report["categories"].get(c) or {}).get("score") for c in CATEGORIES})
            result.total_bytes.append(report["audits"]["total-byte-weight"]["numericValue"])
            if own:
                result.benchmark_index.append(own)
            result.metrics.append({m: report["audits"].get(m, {}).get("numericValue") for m in METRICS})
            for cid, audits in failing_audits(report).items():
                result.failing_audits.setdefault(cid, [])
                result.failing_audits[cid] += [a for a in audits if a not in result.failing_audits[cid]]
    return result


def table(results: list[PageResult]) -> str:
    lines = [
        "| page | performance | accessibility | best practices | SEO | performance runs"
        " | FCP ms | LCP ms | TBT ms | CLS | CPU benchmark | CPU slowdown | runs made again |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cells = [f"{r.median(c):.2f}" if r.median(c) is not None else "—" for c in CATEGORIES]
        perf_runs = ", ".join(f"{x['performance']:.2f}" for x in r.runs if x.get("performance") is not None)
        fcp, lcp, tbt, cls = (r.median_metric(m) for m in METRICS[:4])
        timing = " | ".join("—" if v is None else f"{v:,.0f}" for v in (fcp, lcp, tbt))
        shift = "—" if cls is None else f"{cls:.3f}"
        bench = ", ".join(f"{b:,.0f}" for b in r.benchmark_index) or "—"
        slow = ", ".join(f"{c:g}×" for c in r.cpu_slowdown) or "—"
        again = "; ".join(r.repeated) or "—"
        row = [r.url, " | ".join(cells), perf_runs, timing, shift, bench, slow, again]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([audit_page(u) for u in sys.argv[1:]]))
