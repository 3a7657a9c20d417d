"""Published URLs and section ids never disappear without a redirect."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import ROOT
from tools.link_contract import public_links, read_contract


def _page_redirects() -> dict[str, str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # the plugin block is plain YAML; the config's !!python tags are irrelevant here
    start = config.index("  - redirects:")
    block = yaml.safe_load(config[start:].split("\nmarkdown_extensions:")[0].replace("  - redirects:", "redirects:", 1))
    maps = (block["redirects"] or {}).get("redirect_maps") or {}
    return {
        "/" + k.removesuffix(".md").removesuffix("index") + "/": "/" + v.removesuffix(".md") + "/"
        for k, v in maps.items()
    }


def _anchor_redirects() -> dict[str, str]:
    return yaml.safe_load((ROOT / "data" / "anchor_redirects.yml").read_text(encoding="utf-8")) or {}


def test_no_published_link_disappears_without_a_redirect(site_dir: Path) -> None:
    current = public_links(site_dir)
    pages, anchors = _page_redirects(), _anchor_redirects()
    gone = sorted(
        link
        for link in read_contract() - current
        if link.split("#")[0] not in pages and link not in anchors
    )
    assert not gone, (
        "These published links no longer exist. Restore them, or add a redirect: pages in mkdocs.yml "
        "(redirects: redirect_maps), section ids in data/anchor_redirects.yml:\n" + "\n".join(gone)
    )


def test_every_public_link_is_in_the_contract(site_dir: Path) -> None:
    new = sorted(public_links(site_dir) - read_contract())
    assert not new, (
        "New public URLs or section ids: once published they must not change. Add them to the contract "
        "with `make link-contract` (it appends; nothing is ever removed):\n" + "\n".join(new[:50])
    )


def test_redirect_targets_exist(site_dir: Path) -> None:
    current = public_links(site_dir)
    for old, new in _anchor_redirects().items():
        assert new in current, f"data/anchor_redirects.yml: {old} → {new}, which does not exist"


def test_short_links_cover_every_numbered_section(short_links: dict[str, str], html_pages: dict[str, str]) -> None:
    import re

    numbered = set()
    for html in html_pages.values():
        for m in re.finditer(r'<h2 id="[^"]+"[^>]*>(\d+\.\d+) ', html):
            numbered.add(m.group(1))
    assert numbered, "no numbered sections found"
    missing = sorted(n for n in numbered if f"/s/{n}/" not in short_links)
    assert not missing, missing
