"""A real Chromium, driven by Playwright, against the built site on 127.0.0.1.

The browser: $PLAYBOOK_CHROMIUM if set, else /usr/bin/chromium (Debian's package),
else Playwright's own download if one is installed. None of them is an install
problem, so the tests fail saying so rather than skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

# The site's scripts start after the page's first paint (hooks/script_loader.py), which may come after its
# load event: every navigation in these tests also waits for them, so a test never races them.
SCRIPTS_READY = (
    "() => window.playbookScriptsReady === true"
    " || !document.querySelector('link[rel=preload][as=script][href*=\"bundle.\"]')"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_path() -> str | None:
    """The Chromium to use, or None to let Playwright use its own."""
    explicit = os.environ.get("PLAYBOOK_CHROMIUM")
    if explicit:
        if not Path(explicit).is_file():
            raise FileNotFoundError(f"PLAYBOOK_CHROMIUM={explicit} does not exist")
        return explicit
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session", autouse=True)
def _goto_waits_for_scripts() -> Iterator[None]:
    """Page.goto, and Page.wait_for_url after a click that loads another page, return once the page's scripts
    have run (pages without the loader, and instant navigations: at once)."""
    original_goto, original_wait_for_url = Page.goto, Page.wait_for_url

    def goto(self: Page, url: str, **kwargs):
        response = original_goto(self, url, **kwargs)
        if kwargs.get("wait_until", "load") in ("load", "networkidle"):
            self.wait_for_function(SCRIPTS_READY, timeout=15_000)
        return response

    def wait_for_url(self: Page, url, **kwargs) -> None:
        original_wait_for_url(self, url, **kwargs)
        if (kwargs.get("wait_until") or "load") in ("load", "networkidle"):
            self.wait_for_function(SCRIPTS_READY, timeout=15_000)

    Page.goto, Page.wait_for_url = goto, wait_for_url  # type: ignore[method-assign]
    yield
    Page.goto, Page.wait_for_url = original_goto, original_wait_for_url  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        path = chromium_path()
        try:
            b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        except Exception as err:  # the message must say how to fix it
            pytest.fail(
                "No Chromium for the browser tests: install Debian's 'chromium' package, "
                f"set PLAYBOOK_CHROMIUM, or run 'playwright install chromium' ({err})",
                pytrace=False,
            )
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser, served_site: str) -> Iterator[Page]:
    """A fresh page that records every request it makes and every console error."""
    context = browser.new_context(base_url=served_site, viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.requests_seen = []  # type: ignore[attr-defined]
    p.console_errors = []  # type: ignore[attr-defined]
    p.on("request", lambda r: p.requests_seen.append(r.url))  # type: ignore[attr-defined]
    p.on("console", lambda m: m.type == "error" and p.console_errors.append(m.text))  # type: ignore[attr-defined]
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))  # type: ignore[attr-defined]
    yield p
    context.close()
