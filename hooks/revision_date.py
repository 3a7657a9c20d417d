"""Last updated: each page shows the date its Markdown source last changed in git.

One job. A single `git log` over docs/ at start-up; a page whose file has no
history (new, or a build from a tarball without .git) simply shows no date.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

DATES: dict[str, str] = {}


def git_dates(docs_dir: Path) -> dict[str, str]:
    """{path relative to docs_dir: YYYY-MM-DD of its last commit}; {} without git history."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=docs_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=docs_dir, capture_output=True, text=True, check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, str] = {}
    date = ""
    prefix = docs_dir.resolve().relative_to(Path(top).resolve()).as_posix() + "/"
    for line in log.splitlines():
        if line.startswith("\x00"):
            date = line[1:]
        elif line.startswith(prefix):
            dates.setdefault(line[len(prefix):], date)  # newest first: keep the first seen
    return dates


def on_config(config, **_):
    DATES.clear()
    DATES.update(git_dates(Path(config["docs_dir"])))
    return config


def on_page_markdown(markdown, page, **_):
    date = DATES.get(page.file.src_uri)
    if date:
        page.meta["revision_date"] = date
    return markdown
