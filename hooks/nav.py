"""Build the navigation from the chapter map, listing only pages that exist.

One job: a chapter appears in the nav as soon as its Markdown file lands, in the
order of data/chapters.yml, grouped by part; pages not written yet never become
broken links.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def on_config(config, **_):
    docs = Path(config["docs_dir"])
    data = yaml.safe_load((Path(config["config_file_path"]).parent / "data" / "chapters.yml").read_text("utf-8"))
    nav: list = [{"Home": "index.md"}]
    for part in data["parts"]:
        pages = [
            {f"{c['number']} {c['title']}": f"{c['slug']}.md"}
            for c in data["chapters"]
            if c["part"] == part and (docs / f"{c['slug']}.md").is_file()
        ]
        if pages:
            nav.append({part: pages})
    extras = [{e["title"]: f"{e['slug']}.md"} for e in data["extras"] if (docs / f"{e['slug']}.md").is_file()]
    if extras:
        nav.append({"Tools and reference": extras})
    config["nav"] = nav
    return config
