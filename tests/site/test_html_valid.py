"""Gate 4: the Nu HTML Checker (npm vnu-jar, run with Java) finds no error in the built site.

Every HTML file: the pages, 404.html and the /s/ short-link redirects. One error that Material's own
templates produce is allowed, and only that one (see THEME_EXCEPTIONS); everything else the project's
templates, hooks and content produce must be valid.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message start, text that the offending markup contains, why it stays)
THEME_EXCEPTIONS = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'class="md-toggle"',
        "Material's drawer and search toggles are checkboxes with autocomplete=off on purpose: without it "
        "browsers restore them checked on back/forward, reopening the drawer or search. It is in "
        "base.html, which the project does not copy.",
    ),
]


def java() -> str:
    path = shutil.which("java")
    assert path, "No 'java' on PATH: the HTML checker needs Java 11+ (Debian: apt-get install default-jre-headless)"
    return path


def check(target: Path) -> list[dict]:
    """Every message of the Nu HTML Checker over the HTML under ``target`` (a file or a folder)."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run 'make test' (it runs npm ci) or 'npm ci'"
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--exit-zero-always", str(target)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:] or result.stdout[-2000:]
    return json.loads(result.stderr)["messages"]


def _is_theme_exception(message: dict) -> bool:
    return any(
        message.get("message", "").startswith(start) and marker in message.get("extract", "")
        for start, marker, _ in THEME_EXCEPTIONS
    )


def _errors(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m.get("type") in {"error", "non-document-error"}]


@pytest.fixture(scope="module")
def vnu_messages(site_dir: Path) -> list[dict]:
    return check(site_dir)


def test_every_html_file_of_the_site_is_valid(vnu_messages: list[dict], site_dir: Path) -> None:
    errors = [m for m in _errors(vnu_messages) if not _is_theme_exception(m)]
    report = [
        f"{m['url'].removeprefix(site_dir.as_uri())}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '')!r}"
        for m in errors[:40]
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(report)


def test_the_checker_saw_every_kind_of_page(site_dir: Path) -> None:
    html_files = list(site_dir.rglob("*.html"))
    assert (site_dir / "404.html") in html_files
    assert any("/s/" in p.as_posix() for p in html_files)
    assert len(html_files) > 30


def test_theme_exceptions_still_occur(vnu_messages: list[dict]) -> None:
    """An allowance that no longer matches anything must go (Material fixed it, or the markup moved)."""
    for start, marker, _ in THEME_EXCEPTIONS:
        hits = [m for m in vnu_messages if m.get("message", "").startswith(start) and marker in m.get("extract", "")]
        assert hits, start


def test_the_checker_reports_an_error_in_broken_html(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p id="a">one</p><p id="a">two</p><label tabindex="">x</label></body></html>',
        encoding="utf-8",
    )
    messages = _errors(check(page))
    assert any("Duplicate ID" in m["message"] for m in messages), messages
    assert any("tabindex" in m["message"] for m in messages), messages
