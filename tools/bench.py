"""`make bench`: performance figures for the current tree, printed as one table (no test asserts a time).

1. full build time with macros vs the same docs with the macros plugin removed (median of 3; ratio);
2. incremental rebuild under `mkdocs serve` after touching one chapter (median of 3);
3. per-page first-visit transfer (gzip, empty cache, mobile viewport): median and max over every page;
4. search index size, raw and gzip;
5. time from typing a query to the first result in Chromium: the first query (it loads the index and
   starts the worker) and the median of 20 queries after that.
"""

from __future__ import annotations

import gzip
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import gzip_server  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHAPTER = ROOT / "docs" / "back-of-envelope.md"
QUERIES = [
    "latency", "PACELC", "quorum", "p99", "2PC", "cache stampede", "consistent hashing", "rate limiting",
    "idempotency", "sharding", "bloom filter", "kafka", "circuit breaker", "CDN", "leader election",
    "write skew", "backpressure", "SLO", "outbox", "geohash",
]


def timed_build(config: Path, site: Path, strict: bool = True) -> float:
    cmd = [PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "--site-dir", str(site)]
    start = time.perf_counter()
    proc = subprocess.run([*cmd, *(["--strict"] if strict else [])], cwd=ROOT, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"build failed ({config.name}):\n{proc.stderr[-2000:]}")
    return elapsed


def without_macros(text: str) -> str:
    """mkdocs.yml with the macros plugin entry removed (its option lines go with it)."""
    return re.sub(r"^  - macros:\n(?:      .*\n)+", "", text, flags=re.M)


def builds(tmp: Path) -> tuple[float, float]:
    config = ROOT / "mkdocs.yml"
    plain = ROOT / ".bench-no-macros.yml"  # beside mkdocs.yml: paths in the config are relative to it
    plain.write_text(without_macros(config.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        with_m = statistics.median(timed_build(config, tmp / f"m{i}") for i in range(3))
        without_m = statistics.median(timed_build(plain, tmp / f"n{i}", strict=False) for i in range(3))
    finally:
        plain.unlink()
    return with_m, without_m


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rebuild_under_serve() -> float:
    proc = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    lines: list[tuple[float, str]] = []

    def wait_for(pattern: str, after: int, limit: float = 300) -> float:
        end = time.time() + limit
        while time.time() < end:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append((time.perf_counter(), line))
            if re.search(pattern, line):
                return lines[-1][0]
        raise SystemExit(f"mkdocs serve never printed {pattern!r}:\n{''.join(x for _, x in lines[-20:])}")

    try:
        wait_for(r"Serving on", 0)
        times = []
        for _ in range(3):
            time.sleep(2)
            start = time.perf_counter()
            os.utime(CHAPTER)  # touch: the file's content is unchanged
            wait_for(r"Detected file changes|Building documentation", 0)
            done = wait_for(r"Documentation built in|Reloading browsers|Serving on", 0)
            times.append(done - start)
        return statistics.median(times)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def page_weights_and_search(site: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
    from tests.browser.test_page_weight import first_visit

    pages = sorted(
        "/" + p.parent.relative_to(site).as_posix().strip(".") for p in site.rglob("index.html")
        if not p.parent.relative_to(site).as_posix().startswith("s/")
    )
    pages = [p if p == "/" else p + "/" for p in pages]
    out: dict[str, float] = {}
    with gzip_server.serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        totals = {p: first_visit(browser, base, p, 0).total for p in pages}
        out["pages"] = len(totals)
        out["first_visit_median"] = statistics.median(totals.values())
        out["first_visit_max"] = max(totals.values())
        out["first_visit_max_page"] = max(totals, key=totals.get)  # type: ignore[arg-type]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        measure = """async (q) => {
            const box = document.querySelector('input.md-search__input');
            const list = document.querySelector('.md-search-result__list');
            const meta = document.querySelector('.md-search-result__meta');
            box.value = '';
            box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
            while (list.children.length) await new Promise((r) => setTimeout(r, 5));
            const t0 = performance.now();
            box.value = q;
            box.dispatchEvent(new Event('input', {bubbles: true}));
            box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
            while (!list.querySelector('.md-search-result__item') && !/No matching/.test(meta.textContent))
                await new Promise((r) => requestAnimationFrame(r));
            return performance.now() - t0;
        }"""
        page.locator("input.md-search__input").click()
        out["search_first_ms"] = page.evaluate(measure, "latency")
        out["search_median_ms"] = statistics.median(page.evaluate(measure, q) for q in QUERIES)
        browser.close()
    index = site / "search" / "search_index.json"
    out["index_raw"] = index.stat().st_size
    out["index_gzip"] = len(gzip.compress(index.read_bytes(), 9))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with_m, without_m = builds(tmp)
        rebuild = rebuild_under_serve()
        figures = page_weights_and_search(tmp / "m0")
    kib = 1024
    rows = [
        ("Full build, macros on (median of 3)", f"{with_m:.2f} s"),
        ("Full build, macros plugin removed (median of 3)", f"{without_m:.2f} s"),
        ("Ratio with / without macros", f"{with_m / without_m:.2f}×"),
        ("Rebuild under `mkdocs serve` after touching one chapter (median of 3)", f"{rebuild:.2f} s"),
        (
            f"First-visit transfer per page, median ({figures['pages']:.0f} pages)",
            f"{figures['first_visit_median'] / kib:.1f} KiB",
        ),
        (
            f"First-visit transfer per page, max ({figures['first_visit_max_page']})",
            f"{figures['first_visit_max'] / kib:.1f} KiB",
        ),
        ("Search index, raw / gzip", f"{figures['index_raw'] / kib:.0f} KiB / {figures['index_gzip'] / kib:.0f} KiB"),
        ("Query to first result, first query (loads index, starts worker)", f"{figures['search_first_ms']:.0f} ms"),
        ("Query to first result, median of 20 queries", f"{figures['search_median_ms']:.0f} ms"),
    ]
    width = max(len(r[0]) for r in rows)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"Benchmark, {time.strftime('%Y-%m-%d')}, {machine}")
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
