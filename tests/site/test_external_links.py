"""Gate 6: the committed list of external links matches the built site (checked weekly in CI)."""

from __future__ import annotations

from pathlib import Path

from tools import external_links


def test_external_link_report_is_up_to_date(site_dir: Path) -> None:
    fresh = external_links.render(external_links.external_links(site_dir))
    committed = external_links.REPORT.read_text(encoding="utf-8") if external_links.REPORT.exists() else ""
    assert committed == fresh, (
        "reports/external-links.md is out of date: run "
        "'.venv/bin/mkdocs build --strict && .venv/bin/python -m tools.external_links site --write'"
    )


def test_report_lists_only_other_hosts_and_finds_links(site_dir: Path) -> None:
    links = external_links.external_links(site_dir)
    assert links, "the site links to no other host at all?"
    assert all(url.startswith(("http://", "https://")) for url in links)
    assert not any("127.0.0.1" in url or "system-design-playbook.github.io" in url for url in links)
    assert all(pages and all(p.startswith("/") for p in pages) for pages in links.values())
