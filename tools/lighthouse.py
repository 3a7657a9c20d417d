"""Lighthouse (npm `lighthouse`, pinned in package-lock.json) against pages of the built site.

Mobile preset and default (simulated) throttling, Chromium from CHROME_PATH / PLAYBOOK_CHROMIUM /
/usr/bin/chromium, JSON output. Each page runs ``runs`` times; the score of a category is the median.
Runs are sequential: two Chromium instances on a 2-core machine slow each other and skew the scores.

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

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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
    # Lighthouse's measure of this machine's CPU (environment.benchmarkIndex): its 4x slowdown assumes ~1500-2000
    benchmark_index: list[float] = field(default_factory=list)
    metrics: list[dict[str, float]] = field(default_factory=list)  # per run: METRICS' numeric values
    errors: list[str] = field(default_factory=list)

    def median(self, category: str) -> float | None:
        values = [r[category] for r in self.runs if r.get(category) is not None]
        return statistics.median(values) if values else None

    def median_metric(self, audit_id: str) -> float | None:
        values = [m[audit_id] for m in self.metrics if m.get(audit_id) is not None]
        return statistics.median(values) if values else None


def run_once(url: str, out: Path, timeout: int = 240) -> dict:
    """One Lighthouse run of ``url``; the parsed JSON report."""
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
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=out.parent)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse {url} exited {proc.returncode}: {proc.stderr[-1500:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for cid, cat in report["categories"].items():
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                found.setdefault(cid, []).append(f"{ref['id']}={audit['score']}{f' ({value})' if value else ''}")
    return found


def audit_page(url: str, runs: int = 3, workdir: Path | None = None) -> PageResult:
    result = PageResult(url)
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        for i in range(runs):
            try:
                report = run_once(url, Path(tmp) / f"run{i}.json")
            except (RuntimeError, subprocess.TimeoutExpired) as err:
                result.errors.append(str(err)[-600:])
                continue
            if report.get("runtimeError"):
                result.errors.append(f"{report['runtimeError'].get('code')}: {report['runtimeError'].get('message')}")
            result.runs.append({c: (report["categories"].get(c) or {}).get("score") for c in CATEGORIES})
            result.total_bytes.append(report["audits"]["total-byte-weight"]["numericValue"])
            if (report.get("environment") or {}).get("benchmarkIndex"):
                result.benchmark_index.append(report["environment"]["benchmarkIndex"])
            result.metrics.append({m: report["audits"].get(m, {}).get("numericValue") for m in METRICS})
            for cid, audits in failing_audits(report).items():
                result.failing_audits.setdefault(cid, [])
                result.failing_audits[cid] += [a for a in audits if a not in result.failing_audits[cid]]
    return result


def table(results: list[PageResult]) -> str:
    lines = [
        "| page | performance | accessibility | best practices | SEO | performance runs"
        " | FCP ms | LCP ms | TBT ms | CLS | CPU benchmark |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        cells = [f"{r.median(c):.2f}" if r.median(c) is not None else "—" for c in CATEGORIES]
        perf_runs = ", ".join(f"{x['performance']:.2f}" for x in r.runs if x.get("performance") is not None)
        fcp, lcp, tbt, cls = (r.median_metric(m) for m in METRICS[:4])
        timing = " | ".join("—" if v is None else f"{v:,.0f}" for v in (fcp, lcp, tbt))
        shift = "—" if cls is None else f"{cls:.3f}"
        bench = f"{statistics.median(r.benchmark_index):,.0f}" if r.benchmark_index else "—"
        lines.append(f"| {r.url} | {' | '.join(cells)} | {perf_runs} | {timing} | {shift} | {bench} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([audit_page(u) for u in sys.argv[1:]]))
