"""The vendored iframe-worker shim is the file its README names, and the hook swaps only its CDN URL."""

from __future__ import annotations

import hashlib
import re

from hooks import offline_shim
from tests.conftest import ROOT

VENDOR = ROOT / "vendor" / "iframe-worker"


def test_vendored_shim_matches_the_hash_in_its_readme() -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"`shim\.js` sha256: `([0-9a-f]{64})`", readme)
    assert recorded, "vendor/iframe-worker/README.md must record the sha256 of shim.js"
    assert hashlib.sha256((VENDOR / "shim.js").read_bytes()).hexdigest() == recorded.group(1)
    assert "MIT" in readme and "Permission is hereby granted" in (VENDOR / "LICENSE").read_text(encoding="utf-8")


def test_hook_swaps_the_cdn_shim_for_the_local_copy() -> None:
    config = {"extra": {"polyfills": ["assets/other.js", "https://unpkg.com/iframe-worker/shim"]}}
    offline_shim.on_config(config)
    assert config["extra"]["polyfills"] == ["assets/other.js", offline_shim.LOCAL]
    assert offline_shim.STATE["active"]


def test_hook_does_nothing_in_the_online_build() -> None:
    config = {"extra": {}}
    offline_shim.on_config(config)
    assert not config["extra"].get("polyfills")
    assert not offline_shim.STATE["active"]
