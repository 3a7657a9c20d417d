"""Shared fixtures: one strict build of the site per test session, served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import gzip_server, reporting

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of ``project`` into ``site_dir`` (plain --strict: -q/-v would hide failures)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """The result of one strict build of the working tree."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    result.site_dir = site  # type: ignore[attr-defined]
    return result


@pytest.fixture(scope="session")
def site_dir(build: subprocess.CompletedProcess[str]) -> Path:
    """The built site; fails (never skips) when the build failed."""
    assert build.returncode == 0, f"strict build failed:\n{build.stderr[-4000:]}"
    return build.site_dir  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def html_pages(site_dir: Path) -> dict[str, str]:
    """{url path: html} for every page of the built site (404 page and /s/ short links excluded)."""
    pages = {}
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel == "s" or rel.startswith("s/"):
            continue
        url = "/" if rel == "." else f"/{rel}/"
        pages[url] = path.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="session")
def short_links(site_dir: Path) -> dict[str, str]:
    """{short path such as '/s/5.4/': its redirect page's html}."""
    return {
        f"/s/{path.parent.name}/": path.read_text(encoding="utf-8")
        for path in sorted((site_dir / "s").glob("*/index.html"))
    }


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the project sources, to break on purpose."""
    dest = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", ".git", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


@pytest.fixture(scope="session")
def served_site(site_dir: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1 (a free port), gzip-compressed as GitHub Pages serves it.

    Also under the site's own path (/playbook/…), and a missing file answers 404 with the site's 404.html.
    """
    with gzip_server.serve(site_dir) as url:
        yield url


NOT_FOUND_PATH = gzip_server.site_base_path() + "no-such-page/"  # missing: the server answers with 404.html


@pytest.fixture(scope="session")
def full_run() -> bool:
    """PLAYBOOK_FULL=1 (set by .ci/run): the slow gates (Lighthouse) cover every page, not a sample."""
    return os.environ.get("PLAYBOOK_FULL", "") not in ("", "0")


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the tables that the gates measured (tests/reporting.py)."""
    for title, text in reporting.REPORTS.items():
        terminalreporter.write_sep("-", title)
        terminalreporter.write_line(text)
