"""The offline copy (OFFLINE=true) works opened from the file system: pages, links and search,
with no request to any host at all."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.conftest import MKDOCS, ROOT

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
FETCHED_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest"}


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline variant, built strictly into a temporary directory."""
    site = tmp_path_factory.mktemp("offline") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true"}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture()
def file_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests_seen = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests_seen.append(r.url))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))  # type: ignore[attr-defined]
    yield page
    context.close()


def test_offline_build_names_no_remote_script_or_stylesheet(offline_site: Path) -> None:
    offenders = []
    for path in offline_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "img", "iframe", "source", "video", "audio"], src=True):
            if REMOTE.match(tag["src"]):
                offenders.append((path.name, tag["src"]))
        for link in soup.find_all("link", href=True):
            if set(link.get("rel", [])) & FETCHED_RELS and REMOTE.match(link["href"]):
                offenders.append((path.name, link["href"]))
    assert not offenders, offenders
    index = (offline_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker-shim.js">' in index
    assert "unpkg.com" not in index
    shim = offline_site / "assets" / "javascripts" / "iframe-worker-shim.js"
    assert shim.read_bytes() == (ROOT / "vendor" / "iframe-worker" / "shim.js").read_bytes()
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "back-of-envelope.html").is_file()  # file URLs, not directory URLs


def test_offline_copy_searches_from_the_file_system_with_no_request_out(offline_site: Path, file_page: Page) -> None:
    file_page.goto((offline_site / "index.html").as_uri())
    expect(file_page.locator("article h1")).to_contain_text("System Design Playbook")
    box = file_page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("PACELC", delay=30)
    results = file_page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    hrefs = [a.get_attribute("href") or "" for a in file_page.locator(".md-search-result__link").all()]
    assert any("mental-models.html" in h for h in hrefs), hrefs
    results.first.locator("a").first.click()
    file_page.wait_for_load_state("load")
    assert file_page.url.startswith("file://") and ".html" in file_page.url
    outside = [u for u in file_page.requests_seen if not u.startswith(LOCAL_SCHEMES)]
    assert not outside, outside
    assert not file_page.console_errors, file_page.console_errors


def test_offline_links_between_pages_work(offline_site: Path, file_page: Page) -> None:
    file_page.goto((offline_site / "index.html").as_uri())
    file_page.locator("nav.md-nav--primary a[href$='back-of-envelope.html']").first.click()
    file_page.wait_for_load_state("load")
    assert file_page.url.endswith("back-of-envelope.html")
    expect(file_page.locator("article h1")).to_contain_text("Back-of-envelope math")
    diagram = file_page.locator("article img[src*='.light.svg']").first
    diagram.scroll_into_view_if_needed()  # diagrams load lazily
    expect(diagram).to_be_visible()
    file_page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=diagram.element_handle())
    outside = [u for u in file_page.requests_seen if not u.startswith(LOCAL_SCHEMES)]
    assert not outside, outside
