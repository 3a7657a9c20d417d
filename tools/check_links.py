"""Check every URL of reports/external-links.md over the network (run weekly by .github/workflows/links.yml).

Stdlib only. HEAD first, GET when a server refuses HEAD; a few retries; 8 at a time. Exits 1 and lists
the broken URLs (and the pages that link to them) when any fails. Not part of `make test`: it needs the
internet.
"""

from __future__ import annotations

import re
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "reports" / "external-links.md"
ENTRY = re.compile(r"^- <(?P<url>[^>]+)>\n  - (?P<pages>.+)$", re.M)
HEADERS = {"User-Agent": "Mozilla/5.0 (compatible; system-design-playbook link check)"}
OK_STATUS = {401, 403, 429}  # reachable, but refuses robots or rate-limits: not a broken link


def status(url: str, tries: int = 3) -> str | None:
    """None when the URL answers; else a short reason."""
    reason = ""
    for attempt in range(tries):
        for method in ("HEAD", "GET"):
            try:
                with urllib.request.urlopen(urllib.request.Request(url, method=method, headers=HEADERS), timeout=30):
                    return None
            except urllib.error.HTTPError as err:
                if err.code in OK_STATUS:
                    return None
                reason = f"HTTP {err.code}"
                if err.code not in {405, 501}:  # only a refused HEAD is worth a GET
                    break
            except Exception as err:
                reason = f"{type(err).__name__}: {err}"
        time.sleep(2 * (attempt + 1))
    return reason


def main() -> int:
    entries = {m["url"]: m["pages"] for m in ENTRY.finditer(REPORT.read_text(encoding="utf-8"))}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(entries, pool.map(status, entries), strict=True))
    broken = {u: r for u, r in results.items() if r}
    for url, reason in sorted(broken.items()):
        print(f"BROKEN {url} ({reason}) on {entries[url]}")
    print(f"{len(entries) - len(broken)} of {len(entries)} external links answer")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
