"""Every numbered section ends with a "Report a problem" link that opens the repository's issue form, prefilled."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import yaml
from bs4 import BeautifulSoup

from hooks.revision_date import git_dates
from tests.conftest import ROOT

NUMBERED = re.compile(r"^(\d+\.\d+)\s+(.+)$")
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-a-problem.yml"


def _config() -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return {k: yaml.safe_load(v) for k, v in re.findall(r"^(site_url|repo_url):\s*(.+)$", text, re.M)}


def _title(h2) -> str:
    for extra in h2.select("a.headerlink, button"):
        extra.decompose()
    return " ".join(h2.get_text().split())


def _sections_and_links(html: str) -> list[tuple[str, str, list[str]]]:
    """(number, title, [report hrefs up to the next H1/H2]) for each numbered H2 of the article."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    out = []
    for h2 in article.find_all("h2"):
        m = NUMBERED.match(_title(h2))
        if not m:
            continue
        hrefs = []
        for el in h2.find_all_next():
            if el.name in ("h1", "h2"):
                break
            if el.name == "p" and "pb-report" in (el.get("class") or []):
                hrefs += [a["href"] for a in el.find_all("a")]
        out.append((m[1], m[2], hrefs))
    return out


def test_the_issue_form_has_the_fields_the_links_fill() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"section", "link", "revision"} <= ids
    assert form["name"] and form["description"]


def test_every_numbered_section_has_one_prefilled_report_link(html_pages: dict[str, str], short_links: dict[str, str]) -> None:
    config = _config()
    site = config["site_url"].rstrip("/")
    dates = git_dates(ROOT / "docs")
    checked = 0
    for url, html in html_pages.items():
        if url == "/print/":
            continue
        slug = url.strip("/") or "index"
        for number, title, hrefs in _sections_and_links(html):
            assert len(hrefs) == 1, (url, number, hrefs)
            parts = urlsplit(hrefs[0])
            assert f"{parts.scheme}://{parts.netloc}{parts.path}" == config["repo_url"].rstrip("/") + "/issues/new"
            q = {k: v[0] for k, v in parse_qs(parts.query).items()}
            assert q["template"] == FORM.name
            assert q["section"] == f"§{number} {title}", (url, q["section"])
            assert q["title"].startswith(f"§{number} ")
            assert q["link"] == f"{site}/s/{number}/"
            assert f"/s/{number}/" in short_links, number
            assert q["revision"] == dates.get(f"{slug}.md", "unknown"), (url, q["revision"])
            checked += 1
    in_sources = sum(len(re.findall(r"^## \d+\.\d+ ", p.read_text(encoding="utf-8"), re.M))
                     for p in (ROOT / "docs").glob("*.md") if p.stem != "print")
    assert checked == in_sources > 200, (checked, in_sources)  # every numbered section of every page


def test_report_links_load_nothing_before_a_click(html_pages: dict[str, str]) -> None:
    for url, html in html_pages.items():
        soup = BeautifulSoup(html, "html.parser")
        for p in soup.select("p.pb-report"):
            assert [c.name for c in p.find_all(True)] == ["a"], url
            a = p.a
            assert not any(k.startswith("on") for k in a.attrs), url
            assert a.get_text().startswith("Report a problem with §")
            assert a["aria-label"].startswith(a.get_text()), url  # the visible text is in the accessible name


def test_the_print_page_carries_no_report_links(html_pages: dict[str, str]) -> None:
    assert "pb-report" not in html_pages["/print/"]
