"""hooks/script_loader.py: the page's external scripts are preloaded in the head and run after the first paint."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hooks import script_loader

HEAD = '<html><head><meta charset="utf-8"><link rel="stylesheet" href="main.css"></head><body><p>Text.</p>'
CONFIG = '<script id="__config" type="application/json">{"base": ".."}</script>'
SEARCH = "<script>window.searchOnDemand = 1;</script>"
SCRIPTS = (
    '<script src="../assets/javascripts/search-typos.js"></script> '
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script> '
    '<script src="../assets/javascripts/playbook.js"></script>'
)
SRCS = ["../assets/javascripts/search-typos.js", "../assets/javascripts/bundle.a5f9d56c.min.js",
        "../assets/javascripts/playbook.js"]


def page(scripts: str = SCRIPTS) -> str:
    return HEAD + CONFIG + " " + SEARCH + " " + scripts + " </body></html>"


def loader_srcs(html: str) -> list[str]:
    found = re.findall(r"\}\)\((\[.*?\])\);</script>", html)
    assert len(found) == 1, html
    return json.loads(found[0])


def test_scripts_are_preloaded_in_order_and_started_by_one_loader() -> None:
    out = script_loader.defer_scripts(page(), "caching.md")
    head = out[:out.index("</head>")]
    assert re.findall(r'<link rel="preload" as="script" href="([^"]+)">', head) == SRCS
    body = out[out.index("</head>"):]
    assert "<script src=" not in body, "no parser-blocking external script is left in the body"
    assert loader_srcs(out) == SRCS
    # everything else stays where it was: the config, then the inline search loader, then the loader
    assert body.index(CONFIG) < body.index(SEARCH) < body.index("PerformanceObserver")
    assert "document.head.appendChild(" in out  # not the body: nothing there is restyled
    assert out.startswith(HEAD[:HEAD.index("</head>")]) and out.endswith(" </body></html>")


def test_the_loader_waits_for_the_first_paint_and_the_parse_and_starts_material() -> None:
    """What it does is tested in Chromium (tests/browser/test_site_in_chromium.py); here, that it says so."""
    out = script_loader.defer_scripts(page(), "caching.md")
    assert 'observe({ type: "paint", buffered: true })' in out
    assert "if (painted && parsed) { absolute(); frame(() => frame(() => setTimeout(start))); }" in out  # frames
    assert "async: false" in out  # in order, like the parser-blocking tags they replace
    assert 'document.readyState !== "loading"' in out and "document$.next(document)" in out
    assert "window.playbookScriptsReady = true" in out


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (HEAD + SCRIPTS + "</body></html>", "no Material config script"),
        (page('<script src="../assets/javascripts/playbook.js"></script>'), "expected Material's bundle once"),
        (page(SCRIPTS + ' <script src="../other/bundle.0123abcd.min.js"></script>'), "expected Material's bundle once"),
        ("<html><body>" + CONFIG + SCRIPTS + "</head></body></html>", "no </head> before"),
    ],
)
def test_a_page_it_does_not_understand_stops_the_build_naming_it(html: str, message: str) -> None:
    with pytest.raises(script_loader.ScriptsNotFound, match=re.escape(message)) as err:
        script_loader.defer_scripts(html, "glossary.md")
    assert "glossary.md" in str(err.value)


def test_every_built_page_starts_its_scripts_after_first_paint(html_pages: dict[str, str], site_dir: Path) -> None:
    pages = dict(html_pages)
    pages["404.html"] = (site_dir / "404.html").read_text(encoding="utf-8")
    for path, html in pages.items():
        body = html[html.index("</head>"):]
        assert "<script src=" not in body, f"{path}: a parser-blocking script"
        srcs = loader_srcs(html)
        assert sum(bool(script_loader.BUNDLE.search(s)) for s in srcs) == 1, path
        assert srcs[-1].endswith("playbook.js"), path
        head = html[:html.index("</head>")]
        assert re.findall(r'<link rel="preload" as="script" href="([^"]+)">', head) == srcs, path


def test_the_urls_rule_is_written_once_in_the_head_and_called_by_the_loader(html_pages: dict[str, str]) -> None:
    """The head script defines window.__pb_absolute (instant navigation's rule: relative URLs made absolute),
    runs it on the head and leaves it for the loader, which runs it once more on the body and drops it. What
    it does is tested in Chromium (tests/browser/test_start_up.py)."""
    out = script_loader.defer_scripts(page(), "caching.md")
    assert "window.__pb_absolute" in out and "querySelectorAll" not in out, "the loader has no copy of the rule"
    for path, html in html_pages.items():
        head = html[:html.index("</head>")]
        assert head.count("window.__pb_absolute=function(){") == 1, path
        assert head.index("window.__pb_absolute") < head.index('<link rel="preload" as="script"'), path
        assert html.count("(?:[a-z]+:)?") == 1, f"{path}: the rule is written more than once"
