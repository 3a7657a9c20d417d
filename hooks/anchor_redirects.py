"""Moved anchors: publish data/anchor_redirects.yml as assets/anchor-redirects.json.

One job. docs/assets/javascripts/playbook.js reads the JSON only when the
address names an id that the page no longer has, and moves the reader on.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml


def load(config) -> dict[str, str]:
    path = Path(config["config_file_path"]).parent / "data" / "anchor_redirects.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def on_post_build(config, **_):
    out = Path(config["site_dir"]) / "assets" / "anchor-redirects.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(load(config), indent=0, sort_keys=True), encoding="utf-8")
