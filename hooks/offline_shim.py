"""Offline copy: serve the iframe-worker shim from the build instead of a CDN.

One job. With `OFFLINE=true`, Material's offline plugin adds `https://unpkg.com/iframe-worker/shim`
to the page scripts, so that search can run when the site is opened from the file system. This hook
runs after the plugin's on_config, swaps that URL for `assets/javascripts/iframe-worker-shim.js`, and
copies the vendored file (vendor/iframe-worker/, MIT, version and hash in its README) there. In the
normal build the plugin adds nothing and this hook does nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

LOCAL = "assets/javascripts/iframe-worker-shim.js"
STATE = {"active": False}


def vendored(config) -> Path:
    return Path(config["config_file_path"]).parent / "vendor" / "iframe-worker" / "shim.js"


@event_priority(-100)  # after the offline plugin has added its polyfill
def on_config(config, **_):
    polyfills = config["extra"].get("polyfills") or []
    remote = [p for p in polyfills if "iframe-worker" in str(p) and "://" in str(p)]
    STATE["active"] = bool(remote)
    if remote:
        config["extra"]["polyfills"] = [LOCAL if p in remote else p for p in polyfills]
    return config


def on_post_build(config, **_):
    if STATE["active"]:
        out = Path(config["site_dir"]) / LOCAL
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(vendored(config), out)
