"""Valid HTML where Material's templates are not: drop the empty `tabindex=""` of navigation labels.

One job. Material's nav-item partial writes `tabindex=""` on section labels that are not focusable; the
empty string is not a valid integer (Nu HTML Checker error) and browsers ignore it, so removing it changes
nothing but validity. The other error the checker finds in Material's output, `autocomplete="off"` on its
toggle checkboxes, is deliberate (it stops browsers restoring an open drawer or search) and stays; the
HTML test (tests/site/test_html_valid.py) allows exactly that one.
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link"[^>]*?) tabindex=""')


def drop_empty_tabindex(html: str) -> str:
    return EMPTY_TABINDEX.sub(r"\1", html)


def on_post_page(output: str, **_) -> str:
    return drop_empty_tabindex(output)


def on_post_template(output_content: str, template_name: str, **_) -> str:
    return drop_empty_tabindex(output_content) if template_name == "404.html" else output_content
