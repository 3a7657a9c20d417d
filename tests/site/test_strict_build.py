"""The strict build passes on the tree, and really fails when a link, an anchor or a macro is wrong."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import run_build


def test_strict_build_has_no_warnings(build) -> None:
    assert build.returncode == 0, build.stderr[-4000:]
    assert "WARNING" not in build.stderr, build.stderr
    assert "ERROR" not in build.stderr, build.stderr


def _append(page: Path, text: str) -> None:
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def test_broken_anchor_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    _append(project_copy / "docs" / "index.md", "[gone](back-of-envelope.md#no-such-section-anywhere)")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "no-such-section-anywhere" in result.stderr


def test_broken_link_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    _append(project_copy / "docs" / "index.md", "[gone](no-such-page.md)")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr


def test_macro_with_bad_value_fails_naming_page_macro_and_value(project_copy: Path, tmp_path: Path) -> None:
    _append(project_copy / "docs" / "back-of-envelope.md", "{{ downtime(1.2, 'year') }}")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert re.search(r"page back-of-envelope\.md: macro downtime\(1\.2, 'year'\)", out), out[-3000:]
    assert "availability" in out and "(0, 1]" in out


def test_percentage_passed_as_fraction_is_explained(project_copy: Path, tmp_path: Path) -> None:
    _append(project_copy / "docs" / "back-of-envelope.md", "{{ series_availability([99.9, 0.999]) }}")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "looks like a percentage" in result.stdout + result.stderr


def test_undefined_variable_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    _append(project_copy / "docs" / "back-of-envelope.md", "{{ no_such_macro_or_variable }}")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "no_such_macro_or_variable" in result.stdout + result.stderr


def test_pages_without_opt_in_keep_braces_verbatim(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "docs" / "verbatim-check.md").write_text(
        "---\ndescription: A page that does not opt in to macros keeps template syntax verbatim.\n---\n"
        "# Verbatim check\n\n```jinja\n{{ not_rendered }} {% if x %}\n```\n",
        encoding="utf-8",
    )
    _append(project_copy / "data" / "chapters.yml", "  - {slug: verbatim-check, title: Verbatim check}")
    result = run_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "verbatim-check" / "index.html").read_text(encoding="utf-8")
    code = " ".join(c.get_text() for c in BeautifulSoup(html, "html.parser").select("pre code"))
    assert "{{ not_rendered }} {% if x %}" in code
