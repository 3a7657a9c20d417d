"""The link contract: every public URL and section id of the built site.

`python tools/link_contract.py SITE_DIR` rewrites tests/link_contract.txt from a
built site, keeping every entry already there (published links never leave the
list; a moved one gets a redirect instead). The test in
tests/site/test_link_contract.py compares the list with each build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "link_contract.txt"
HEADING_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]+)"')
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
HEADER = "# Public URLs and section ids. Entries are never removed: a moved one gets a redirect.\n"


def public_links(site_dir: Path) -> set[str]:
    """'/page/' for every page and short link, '/page/#id' for every heading id in an article.

    The print page's ids are not listed: they repeat the chapters' ids (``chapter--id``) for the
    whole book on one page, which is made for paper and links back to the chapters."""
    links: set[str] = set()
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        links.add(url)
        if url.startswith(("/s/", "/print/")):
            continue
        text = path.read_text(encoding="utf-8")
        article = ARTICLE.search(text)
        for heading_id in HEADING_ID.findall(article.group(0) if article else ""):
            links.add(f"{url}#{heading_id}")
    return links


def read_contract(path: Path = CONTRACT) -> set[str]:
    """The committed list."""
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_contract(links: set[str], path: Path = CONTRACT) -> None:
    """Write the list, sorted, keeping what was there."""
    merged = read_contract(path) | links
    path.write_text(HEADER + "".join(f"{link}\n" for link in sorted(merged)), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/link_contract.py SITE_DIR")
    site = Path(sys.argv[1])
    write_contract(public_links(site))
    print(f"{CONTRACT.relative_to(ROOT)}: {len(read_contract())} entries")
