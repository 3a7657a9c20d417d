"""Per-page metadata: canonical URL, description, Open Graph, sitemap, last-updated date."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from hooks.revision_date import git_dates
from tests.conftest import ROOT

SITE_URL = "https://system-design-playbook.github.io/playbook/"


def test_every_page_has_canonical_description_and_open_graph(html_pages: dict[str, str]) -> None:
    for url, html in html_pages.items():
        soup = BeautifulSoup(html, "html.parser")
        canonical = soup.select_one('link[rel="canonical"]')
        assert canonical and canonical["href"] == SITE_URL + url.lstrip("/"), url
        description = soup.select_one('meta[name="description"]')["content"]
        assert soup.select_one('meta[property="og:description"]')["content"] == description, url
        assert soup.select_one('meta[property="og:url"]')["content"] == canonical["href"], url
        assert soup.select_one('meta[property="og:title"]')["content"].strip(), url


def test_sitemap_lists_every_page(site_dir: Path, html_pages: dict[str, str]) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert gzip.decompress((site_dir / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    missing = [url for url in html_pages if f"<loc>{SITE_URL}{url.lstrip('/')}</loc>" not in sitemap]
    assert not missing, missing


def test_committed_pages_show_their_last_change_date(html_pages: dict[str, str]) -> None:
    dates = git_dates(ROOT / "docs")
    assert dates, "the checkout has git history, so pages must carry dates"
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "docs/back-of-envelope.md"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    if committed:  # the page exists in history: its date is shown in the page footer
        assert dates["back-of-envelope.md"] == committed
        assert committed in html_pages["/back-of-envelope/"]


def test_dates_fall_back_quietly_without_git(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("# A page\n", encoding="utf-8")
    assert git_dates(docs) == {}
