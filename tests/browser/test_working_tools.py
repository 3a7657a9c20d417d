"""The working tools in a real Chromium: checklist, RFC download, interview drill and timer, reading progress."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

SITE = "https://system-design-playbook.github.io/playbook/"


@pytest.fixture()
def clip_page(browser: Browser, served_site: str) -> Iterator[Page]:
    """A page whose context may read and write the clipboard."""
    context = browser.new_context(base_url=served_site, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    p = context.new_page()
    p.console_errors = []  # type: ignore[attr-defined]
    p.on("pageerror", lambda e: p.console_errors.append(str(e)))  # type: ignore[attr-defined]
    yield p
    context.close()


# ---------- no layout shift when the scripts wire the tools up ----------

SHIFTS = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) shifts.push({value: e.value, nodes: e.sources.map((s) => s.node && s.node.outerHTML
        ? s.node.outerHTML.slice(0, 80) : String(s.node))});
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 500);
})"""


@pytest.mark.parametrize("path", ["/design-review-checklist/", "/interview-drill/", "/caching/", "/how-to-use/"])
def test_the_tools_take_their_place_in_the_first_layout(browser: Browser, served_site: str, path: str) -> None:
    """On a phone-sized screen (as Lighthouse measures), nothing moves when the script adds the tools."""
    context = browser.new_context(base_url=served_site, viewport={"width": 412, "height": 823}, device_scale_factor=2)
    page = context.new_page()
    try:
        page.goto(path, wait_until="load")
        expect(page.locator("[data-pb-pending]")).to_have_count(0)  # every tool is wired and shown
        expect(page.locator(".pb-cite:disabled")).to_have_count(0)
        shifts = page.evaluate(SHIFTS)
        assert sum(s["value"] for s in shifts) < 0.001, shifts
    finally:
        context.close()


# ---------- design-review checklist ----------


def _tick(page: Page, item: str) -> None:
    """Click the visible box of a checklist item, as a mouse user does."""
    page.locator("li.task-list-item", has=page.locator(f"#check-{item}")).locator(".task-list-indicator").click()


def test_checklist_ticks_survive_a_reload_and_clear_all_removes_them(page: Page) -> None:
    page.goto("/design-review-checklist/")
    first = page.locator("#check-req-numbers")
    by_keyboard = page.locator("#check-fail-slow")
    expect(first).to_be_enabled()
    expect(first).to_have_accessible_name(re.compile(r"^Are the functional requirements listed"))
    _tick(page, "req-numbers")
    by_keyboard.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(by_keyboard).to_be_checked()
    expect(page.locator(".pb-checklist-count")).to_have_text(re.compile(r"^2 of \d+ answered$"))

    page.reload()
    expect(page.locator("#check-req-numbers")).to_be_checked()
    expect(page.locator("#check-fail-slow")).to_be_checked()
    expect(page.locator("#check-req-sizing")).not_to_be_checked()

    page.get_by_role("button", name="Clear all").click()
    expect(page.locator("[data-pb-checklist] input:checked")).to_have_count(0)
    page.reload()
    expect(page.locator("[data-pb-checklist] input:checked")).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pb:checklist'))") == []
    assert not page.console_errors, page.console_errors


def test_checklist_copies_markdown_lines_with_ticks_and_links(clip_page: Page) -> None:
    page = clip_page
    page.goto("/design-review-checklist/")
    _tick(page, "fail-slow")
    page.get_by_role("button", name="Copy as Markdown checklist").click()
    expect(page.locator(".pb-checklist-tools [data-pb-live]")).to_have_text("Copied the checklist as Markdown")
    copied = page.evaluate("navigator.clipboard.readText()")
    lines = copied.splitlines()
    items = [line for line in lines if line.startswith("- [")]
    assert len(items) == page.locator("[data-pb-checklist] li.task-list-item").count()
    assert all(re.match(r"- \[[x ]\] \S", line) for line in items), items[:3]
    assert (
        "- [x] **Slow**: does every remote call have a timeout shorter than its caller's deadline? — "
        f"[§17.2 Timeouts and deadlines]({SITE}reliability/#timeouts-deadlines)"
    ) in items
    assert sum(line.startswith("- [x]") for line in items) == 1
    assert "## The five failure modes" in lines
    assert "¶" not in copied


def test_checklist_prints_on_at_most_two_sheets(page: Page) -> None:
    page.goto("/design-review-checklist/")
    page.emulate_media(media="print")
    expect(page.locator(".pb-checklist-tools")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    sheets = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= sheets <= 2, f"the checklist prints on {sheets} sheets"


# ---------- RFC template ----------


def test_rfc_download_is_markdown_whose_headings_match_the_page(page: Page, served_site: str) -> None:
    page.goto("/rfc-template/")
    link = page.locator("a[data-pb-rfc-download]")
    expect(link).to_have_attribute("download", "rfc-template.md")
    href = link.evaluate("a => a.href")
    with urllib.request.urlopen(href) as response:  # the served file itself
        assert response.status == 200
        text = response.read().decode("utf-8")
    assert href.startswith(served_site) and href.endswith("/downloads/rfc-template.md")
    file_headings = re.findall(r"^## (.+)$", text, re.M)
    page_headings = [t.strip() for t in page.locator(".pb-rfc-template h2").evaluate_all(
        "hs => hs.map(h => h.firstChild.textContent)")]
    assert file_headings == page_headings
    assert {"Requirements", "API", "High-level design", "Low-level design", "Deep dives", "Risks"} <= set(page_headings)
    assert "{ #" not in text and "](reliability.md" not in text
    assert f"]({SITE}reliability/#failure-modes-inventory)" in text

    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "rfc-template.md"


def test_every_rfc_heading_is_followed_by_a_link_to_its_guidance(html_pages: dict[str, str]) -> None:
    soup = BeautifulSoup(html_pages["/rfc-template/"], "html.parser")
    headings = soup.select(".pb-rfc-template h2")
    assert len(headings) >= 10
    for h in headings:
        guide = h.find_next_sibling("p")
        assert guide is not None and guide.get_text().startswith("How to fill it:"), h.get("id")
        hrefs = [a["href"] for a in guide.select("a[href]")]
        assert hrefs and all(re.match(r"\.\./[a-z-]+/#[a-z0-9-]+$", href) for href in hrefs), (h.get("id"), hrefs)


# ---------- interview drill ----------


def test_drill_reveals_must_mentions_on_click_and_by_keyboard(page: Page) -> None:
    page.goto("/interview-drill/")
    assert page.locator("article details").count() == 20
    assert page.locator("article textarea").count() == 20
    notes = page.get_by_label(re.compile(r"^Your answer for URL shortener"))
    expect(notes).to_be_visible()

    first = page.locator("article details").nth(0)
    expect(first).not_to_have_attribute("open", "")
    first.locator("summary").click()
    expect(first).to_have_attribute("open", "")
    expect(first.get_by_role("link", name=re.compile(r"^§24\.1 URL shortener"))).to_be_visible()

    second = page.locator("article details").nth(1)
    second.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(second).to_have_attribute("open", "")
    expect(second).to_contain_text("Split content from metadata")


def test_drill_notes_are_kept_across_a_reload(page: Page) -> None:
    page.goto("/interview-drill/")
    box = page.locator("#drill-notes-payment-system")
    box.fill("idempotency keys, double-entry ledger")
    page.wait_for_timeout(600)  # the save is debounced
    page.reload()
    expect(page.locator("#drill-notes-payment-system")).to_have_value("idempotency keys, double-entry ledger")
    page.get_by_role("button", name="Clear all my answers").click()
    expect(page.locator("#drill-notes-payment-system")).to_have_value("")


def test_timer_starts_pauses_and_resets_with_the_chapter_split(page: Page) -> None:
    page.clock.install()
    page.goto("/interview-drill/")
    timer = page.locator("[data-pb-timer]")
    clock = timer.locator(".pb-timer__time")
    step = timer.locator("[data-pb-timer-step]")
    start = timer.get_by_role("button", name=re.compile("^(Start|Resume)$"))
    pause = timer.get_by_role("button", name="Pause")
    expect(clock).to_have_text("45:00")
    expect(step).to_have_text("Requirements")

    start.focus()
    page.keyboard.press("Enter")  # keyboard operable
    expect(pause).to_be_focused()
    page.clock.run_for(5 * 60_000 + 1_000)
    expect(clock).to_have_text("39:59")
    expect(step).to_have_text("API")
    expect(timer.locator("[data-pb-timer-live]")).to_have_text("Step 2 of 6: API, budget 5 min")

    page.keyboard.press("Enter")  # pause
    expect(start).to_be_focused()
    page.clock.run_for(60_000)
    expect(clock).to_have_text("39:59")

    page.keyboard.press("Enter")  # resume
    page.clock.run_for(15 * 60_000)  # 20:01 in: the 15-minute internals step
    expect(step).to_have_text("Internals (LLD)")
    expect(timer.locator("[data-pb-timer-budget]")).to_have_text("15 min")

    timer.get_by_role("button", name="Reset").click()
    expect(clock).to_have_text("45:00")
    expect(step).to_have_text("Requirements")
    expect(timer.locator("[data-pb-timer-index]")).to_have_text("1")
    page.clock.run_for(10_000)
    expect(clock).to_have_text("45:00")  # reset also stops


# ---------- reading progress ----------


def test_mark_as_read_shows_on_the_home_map_survives_reload_and_toggles_back(page: Page) -> None:
    page.goto("/")
    expect(page.locator(".pb-read-mark")).to_have_count(0)
    page.locator("article a[data-chapter='caching']").click()  # instant navigation
    page.wait_for_url("**/caching/")
    toggle = page.get_by_role("button", name="Mark as read")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")

    page.locator("a.md-header__button.md-logo").click()  # back home by instant navigation
    page.wait_for_url(re.compile(r"/$"))
    row = page.locator("article tr", has=page.locator("a[data-chapter='caching']"))
    expect(row.locator(".pb-read-mark")).to_have_text("✓(read)")
    expect(page.locator(".pb-read-mark")).to_have_count(1)
    expect(page.locator(".pb-read-summary")).to_contain_text("1 of 27")

    page.reload()
    expect(row.locator(".pb-read-mark")).to_have_count(1)

    page.goto("/caching/")
    toggle = page.get_by_role("button", name="Mark as read")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    toggle.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    page.goto("/")
    expect(page.locator(".pb-read-mark")).to_have_count(0)
    expect(page.locator(".pb-read-summary")).to_be_hidden()


def test_mark_as_read_is_only_on_chapter_pages(page: Page) -> None:
    for url, count in (("/caching/", 1), ("/", 0), ("/design-review-checklist/", 0), ("/conventions/", 0)):
        page.goto(url)
        expect(page.locator(".pb-read-toggle")).to_have_count(count)


def test_start_up_inserts_nothing_into_the_article(page: Page) -> None:
    """The read toggle and the citation buttons are in the HTML (hooks/read_toggle.py, hooks/cite_buttons.py),
    disabled until the script wires them up: an element inserted into the article restyles all of it."""
    page.add_init_script(
        """window.__pbInserted = [];
           new MutationObserver((records) => {
             for (const r of records) for (const n of r.addedNodes) {
               if (n.nodeType === 1 && n.closest("article") && /\\bpb-/.test(n.className)) {
                 window.__pbInserted.push([n.className, document.readyState]);
               }
             }
           }).observe(document, {childList: true, subtree: true});"""
    )
    raw = page.request.get("/caching/").text()
    assert 'class="md-button pb-read-toggle" data-chapter="caching" aria-pressed="false" disabled' in raw
    page.goto("/caching/")
    toggle = page.get_by_role("button", name="Mark as read")
    expect(toggle).to_be_enabled()
    inserted = page.evaluate("window.__pbInserted")
    assert ["pb-read", "loading"] in inserted, inserted  # the parser's, from the HTML
    # Nothing after parsing, when the scripts start.
    assert [n for n in inserted if n[1] != "loading"] == []
    assert page.evaluate("document.querySelectorAll('article .pb-read').length") == 1
    assert not page.console_errors, page.console_errors
