"""Accessible names and semantics that Material's partials and Markdown tables and task lists omit.

One job: every rendered page, 404.html included, passes axe-core and Lighthouse's accessibility audit
without copying Material's templates.

- Material's search dialog and loading bar have no name (axe: aria-dialog-name, aria-progressbar-name);
  the loading bar is decoration outside any landmark (axe: region), so it is hidden from assistive tech.
- The breadcrumb (navigation.path) is labelled "Navigation", like the main navigation, and the tag list is
  an unnamed nav beside Material's code-block navs (axe: landmark-unique).
- A Markdown table whose top-left header cell is blank renders an empty `<th>` (axe: empty-table-header);
  a blank corner heads nothing, so it becomes a `<td>`.
- A task-list checkbox has no label (axe: label); it is named by its item's text.

When Material's markup changes and a theme fix no longer applies, the build warns (a strict build fails).
"""

from __future__ import annotations

import html as html_lib
import logging
import re

log = logging.getLogger("mkdocs.hooks.a11y")

THEME_FIXES = {
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    '<div class="md-progress" data-md-component="progress" role="progressbar">':
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page"'
        ' aria-hidden="true">',
}
OPTIONAL_FIXES = {  # only on pages that have a breadcrumb
    '<nav class="md-path" aria-label="Navigation" >': '<nav class="md-path" aria-label="Breadcrumb">',
    '<nav class="md-tags" >': '<nav class="md-tags" aria-label="Tags">',
}
THEAD = re.compile(r"<thead>.*?</thead>", re.S)
EMPTY_TH = re.compile(r"<th(?P<attrs>[^>]*)>\s*</th>")
TASK = re.compile(
    r'(?P<head><li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")'
    r'(?P<rest>[^>]*?/?>.*?</label>)(?P<text>.*?)(?=<ul|<ol|</li>)',
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def _task_label(m: re.Match[str]) -> str:
    text = " ".join(html_lib.unescape(TAG.sub("", m["text"])).split())
    if not text or "aria-label" in m["rest"]:
        return m.group(0)
    return f'{m["head"]} aria-label="{html_lib.escape(text, quote=True)}"{m["rest"]}{m["text"]}'


def fix(html: str, where: str) -> str:
    for old, new in THEME_FIXES.items():
        if old not in html:
            log.warning("a11y hook: %s has no %s (did Material's markup change?)", where, old)
            continue
        html = html.replace(old, new)
    for old, new in OPTIONAL_FIXES.items():
        html = html.replace(old, new)
    html = THEAD.sub(lambda m: EMPTY_TH.sub(r"<td\g<attrs>></td>", m.group(0)), html)
    return TASK.sub(_task_label, html)


def on_post_page(output: str, page, **_) -> str:
    return fix(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, **_) -> str:
    return fix(output_content, template_name) if template_name == "404.html" else output_content
