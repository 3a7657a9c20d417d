"""Typography cannot corrupt content: no ©, ™, ®, ℅ or vulgar fraction appears unless a source writes it.

pymdownx.smartsymbols once turned "(c)" into "©" and "3.0.1/3.1.1" into "3.0.⅓.1"; mkdocs.yml now keeps
only its arrows, ± and ≠. These tests hold both the configuration and what readers get.
"""

from __future__ import annotations

import re

import markdown
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT

SYMBOLS = re.compile("[©™®℅\u00bc-\u00be\u2150-\u215e\u2189]")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its !relative and !ENV tags read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _smartsymbols_config() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.smartsymbols" in ext:
            return ext["pymdownx.smartsymbols"] or {}
        if ext == "pymdownx.smartsymbols":
            return {}
    raise AssertionError("pymdownx.smartsymbols is not configured")


def test_smartsymbols_leaves_versions_and_enumerations_alone() -> None:
    text = "Options (a), (b), (c); MQTT 3.1/3.1.1 and 1/3 of 1/2; Kafka(tm) (r) c/o 1st --> x +/- y =/= z"
    html = markdown.markdown(text, extensions=["pymdownx.smartsymbols"],
                             extension_configs={"pymdownx.smartsymbols": _smartsymbols_config()})
    plain = BeautifulSoup(html, "html.parser").get_text()
    assert "(c)" in plain and "3.1/3.1.1" in plain and "1/3 of 1/2" in plain and "(tm)" in plain
    assert "(r)" in plain and "c/o" in plain and "1st" in plain
    assert not SYMBOLS.search(plain), plain
    assert "→" in plain and "±" in plain and "≠" in plain  # the substitutions that are kept


def _sources_text() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}


# Data files that a page renders, where it may quote a symbol (the log quotes what typography once did).
RENDERED_DATA = {"corrections": "data/corrections.yml"}


def _shared_text() -> str:
    """Text any page may render without writing it itself: the snippets appended to every page."""
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "includes").rglob("*") if p.is_file())


def test_no_substituted_symbol_in_any_page_unless_its_source_writes_it(html_pages: dict[str, str]) -> None:
    sources = _sources_text()
    shared = _shared_text()
    everything = "\n".join(sources.values()) + shared
    offenders = []
    for url, html in html_pages.items():
        article = BeautifulSoup(html, "html.parser").select_one("article")
        if article is None:
            continue
        slug = url.strip("/").split("/")[0] or "index"
        allowed = everything if slug == "print" else sources.get(slug, "") + shared
        if slug in RENDERED_DATA:
            allowed += (ROOT / RENDERED_DATA[slug]).read_text(encoding="utf-8")
        for m in SYMBOLS.finditer(article.get_text()):
            if m.group(0) not in allowed:
                text = article.get_text()
                offenders.append((url, m.group(0), text[max(0, m.start() - 40): m.end() + 40]))
    assert not offenders, offenders
