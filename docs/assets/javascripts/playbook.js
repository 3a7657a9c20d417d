/* Site-wide behaviour, started from Material's document$ so it survives instant navigation.
 * 1. A "copy citation" button beside each numbered heading's permalink.
 * 2. Moved anchors: an old #id in the address is sent to its new home (assets/anchor-redirects.json).
 * 3. Tables that scroll sideways can be reached and scrolled with the keyboard; code-block button bars
 *    are not navigation landmarks.
 * 4. Tooltips of abbreviations, permalinks, footnote back-links and citation buttons, from one listener.
 * 5. Tables below the first screen, drawn one per task once the page has started.
 * 6. The calculators' script, on the pages that hold a calculator.
 * The working tools (checklist, interview drill, reading progress) follow in the same closure (one script,
 * one request; they share its helpers). */
(() => {
  "use strict";

  const NUMBERED = /^(\d+(?:\.\d+)?)\s+(.+)$/;
  // The calculators' script, beside this one: loaded only on pages that hold a calculator (also after
  // instant navigation), so that no other page pays for it.
  const CALC_SRC = new URL("calculators.js", document.currentScript.src).href;

  function headingTitle(h) {
    const copy = h.cloneNode(true);
    copy.querySelectorAll(".headerlink, .pb-cite").forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function pageUrl() {
    const canonical = document.querySelector('link[rel="canonical"]');
    const url = new URL(canonical ? canonical.href : location.href);
    url.hash = "";
    url.search = "";
    return url.href;
  }

  function announce(text) {
    let live = document.getElementById("pb-announce");
    if (!live) {
      live = document.createElement("div");
      live.id = "pb-announce";
      live.className = "pb-visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.setTimeout(() => { live.textContent = text; }, 50);
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  /* The buttons are in the HTML (hooks/cite_buttons.py), disabled; this wires each one up once. */
  function addCiteButtons(root) {
    root.querySelectorAll("article :is(h1, h2)[id] > .pb-cite:not([data-pb-ready])").forEach((button) => {
      const h = button.parentElement;
      const m = NUMBERED.exec(headingTitle(h));
      if (!m) return;
      const citation = `[§${m[1]} ${m[2]}](${pageUrl()}#${h.id})`;
      button.dataset.citation = citation;
      button.dataset.pbReady = "";
      button.disabled = false;
      button.addEventListener("click", async () => {
        const ok = await copyText(citation);
        button.classList.toggle("pb-cite--done", ok);
        announce(ok ? `Copied citation: §${m[1]} ${m[2]}` : "Copy failed: select the heading link instead");
        window.setTimeout(() => button.classList.remove("pb-cite--done"), 1500);
      });
    });
  }

  async function followMovedAnchor() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    const base = document.querySelector("script#__config");
    const root = base ? new URL(JSON.parse(base.textContent).base + "/", location.href) : new URL("/", location.href);
    try {
      const response = await fetch(new URL("assets/anchor-redirects.json", root));
      if (!response.ok) return;
      const moves = await response.json();
      const path = location.pathname.slice(root.pathname.length - 1);
      const target = moves[`${path}#${id}`];
      if (target) location.replace(new URL(target.replace(/^\//, ""), root).href);
    } catch (_) {
      /* no map, no move */
    }
  }

  // A table wider than the page scrolls inside Material's wrapper: let the keyboard reach it
  // (axe: scrollable-region-focusable). Only wrappers that do scroll join the tab order. A ResizeObserver
  // reports each wrapper after the browser has laid it out (and again when it resizes), so reading its
  // widths forces no extra layout; all reads come before all writes.
  // Code blocks too: with content.lazy (mkdocs.yml) Material gives a wide block its tabindex only when it
  // sets the block up, as it first comes into view, so a block further down could not be reached by Tab.
  // The rule is Material's own (a block that scrolls, on a device that hovers), so setting it up later
  // changes nothing.
  const HOVER = matchMedia("(hover)").matches;
  const scrollers = "ResizeObserver" in window ? new ResizeObserver((entries) => {
    const wide = entries.map((e) => e.target.scrollWidth > e.target.clientWidth + 1
      && (HOVER || !e.target.matches("pre > code")));
    entries.forEach((e, i) => {
      if (wide[i]) e.target.setAttribute("tabindex", "0");
      else if (e.target.getAttribute("tabindex") === "0") e.target.removeAttribute("tabindex");
    });
  }) : null;
  function keyboardScrollers(root) {
    if (!scrollers) return;
    scrollers.disconnect();
    root.querySelectorAll(".md-typeset__scrollwrap, article pre > code").forEach((el) => scrollers.observe(el));
  }
  // Material wraps each code block's copy button in a <nav>: two code blocks make two identical, unnamed
  // navigation landmarks (axe: landmark-unique). A copy button is no navigation; the button stays.
  function unlandmarkCodeNavs(root) {
    root.querySelectorAll("nav.md-code__nav:not([role]), .md-search-result nav.md-tags:not([role])")
      .forEach((nav) => nav.setAttribute("role", "none"));
  }

  // With content.lazy (mkdocs.yml), Material sets up a code block, <nav> and all, when it first comes into
  // view, after the page has started: the article is watched for those.
  const lateCodeNavs = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
    if (n instanceof Element && n.matches("nav.md-code__nav:not([role])")) n.setAttribute("role", "none");
  })));
  function watchLateCodeNavs(root) {
    lateCodeNavs.disconnect();
    const article = root.querySelector("article");
    if (article && article.querySelector("pre > code")) lateCodeNavs.observe(article, { childList: true, subtree: true });
  }

  // Search results carry each page's tags in an unnamed <nav>, one per result: same problem.
  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => unlandmarkCodeNavs(results)).observe(results, { childList: true, subtree: true });
  }

  // Tooltips. hooks/tooltips.py marks these hosts so that Material does not mount a tooltip component on
  // each one as the page starts (631 on the glossary: most of its start-up time). One delegated listener
  // shows the same tooltip, in Material's md-tooltip2 markup and custom properties, under the element a
  // reader points at or focuses; Escape, leaving or blurring it hides it (WCAG 1.4.13). An abbreviation's
  // title is lifted while its tooltip shows, so the browser does not show a second one.
  const TIP_HOSTS = "article abbr[title][data-preview], article abbr[data-pb-title], article [data-pb-tip]";
  let tip = null;
  let tipHost = null;
  function hideTip() {
    if (!tipHost) return;
    if (tipHost.dataset.pbTitle !== undefined) {
      tipHost.setAttribute("title", tipHost.dataset.pbTitle);
      delete tipHost.dataset.pbTitle;
    }
    tipHost.removeAttribute("aria-describedby");
    const old = tip;
    old.removeAttribute("id"); // the next tooltip takes the id while this one fades out
    old.classList.remove("md-tooltip2--active");
    window.setTimeout(() => old.remove(), 250);
    tip = tipHost = null;
  }
  function showTip(host) {
    hideTip();
    const text = host.dataset.pbTip || host.getAttribute("title") || host.getAttribute("aria-label");
    if (!text) return;
    if (host.hasAttribute("title")) {
      host.dataset.pbTitle = host.getAttribute("title");
      host.removeAttribute("title");
    }
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.id = "pb-tooltip";
    tip.setAttribute("role", "tooltip");
    const inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = text;
    tip.append(inner);
    document.body.append(tip);
    const box = host.getBoundingClientRect();
    const set = (name, px) => tip.style.setProperty(`--md-tooltip-${name}`, `${px}px`);
    set("host-x", box.left + window.scrollX);
    set("host-y", box.top + window.scrollY);
    set("x", box.width / 2);
    set("y", 8 + box.height);
    set("tail", 0);
    set("width", inner.offsetWidth);
    if (text !== host.getAttribute("aria-label")) host.setAttribute("aria-describedby", tip.id);
    tipHost = host;
    const shown = tip;
    requestAnimationFrame(() => shown.classList.add("md-tooltip2--active"));
  }
  function tipHostOf(target) {
    return target instanceof Element ? target.closest(TIP_HOSTS) : null;
  }
  document.addEventListener("mouseover", (e) => {
    const host = tipHostOf(e.target);
    if (host && host !== tipHost) showTip(host);
    else if (!host && tipHost && document.activeElement !== tipHost) hideTip();
  });
  document.addEventListener("mouseout", (e) => {
    if (tipHost && tipHostOf(e.target) === tipHost && !tipHost.contains(e.relatedTarget)
        && document.activeElement !== tipHost) hideTip();
  });
  document.addEventListener("focusin", (e) => {
    const host = tipHostOf(e.target);
    if (host) showTip(host);
    else hideTip();
  });
  document.addEventListener("focusout", (e) => {
    if (tipHost && e.target === tipHost) hideTip();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") hideTip();
  });

  // Tables below the first screen are not laid out while the page loads (playbook.css, .pb-table--below).
  // Once it has started, they are drawn one per task, each a short layout of its own, so that a moment later
  // the page is whole: a link to a section, find-in-page and checkers see every table where it is.
  function drawTablesLater(root) {
    const later = [...root.querySelectorAll(".pb-table--below")];
    const draw = () => {
      const el = later.shift();
      if (!el) return;
      el.classList.remove("pb-table--below");
      void el.offsetHeight; // laid out in this task, not with the next one
      setTimeout(draw);
    };
    setTimeout(draw);
  }

  document$.subscribe(() => {
    hideTip();
    addCiteButtons(document);
    followMovedAnchor();
    keyboardScrollers(document);
    unlandmarkCodeNavs(document);
    watchLateCodeNavs(document);
    drawTablesLater(document);
  });

  /* ==== The working tools, started from Material's document$ so they survive instant navigation.
   * 1. Design-review checklist: tick boxes kept in localStorage per page and item, "Clear all",
   *    "Copy as Markdown checklist".
   * 2. Interview drill: notes kept per problem; the 45-minute RAPID-S timer (start, pause, reset).
   * 3. Reading progress: "Mark as read" on chapter pages, ticks in the home page's chapter map.
   * Everything stays in this browser's localStorage; nothing is sent anywhere. */

  const PREFIX = "pb:";

  /* ---------- shared helpers ---------- */

  function load(key, fallback) {
    try {
      const raw = window.localStorage.getItem(PREFIX + key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch (_) {
      return fallback; /* storage blocked or corrupt: behave as if empty */
    }
  }

  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(PREFIX + key);
      else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch (_) {
      /* storage full or blocked: the page still works, it just forgets */
    }
  }

  function siteBase() {
    const config = document.querySelector("script#__config");
    return (config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/");
  }

  function siteRoot() {
    return new URL(siteBase(), location.href);
  }

  /* The published address of a link, so copied Markdown works outside this site. Material's instant
   * navigation turns internal links into absolute local URLs, so map the local root onto the canonical one. */
  function publicHref(href) {
    const url = new URL(href, location.href).href;
    const canonical = document.querySelector('link[rel="canonical"]');
    const local = siteRoot().href;
    if (!canonical || !url.startsWith(local)) return url;
    return new URL(siteBase(), canonical.href).href + url.slice(local.length);
  }

  function pageKey() {
    return location.pathname.slice(siteRoot().pathname.length - 1) || "/";
  }

  function live(root, text) {
    let region = root.querySelector(":scope > [data-pb-live]");
    if (!region) {
      region = document.createElement("p");
      region.className = "pb-visually-hidden";
      region.dataset.pbLive = "";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      root.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 50);
  }

  /* ---------- 1. design-review checklist ---------- */

  function itemText(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll(".task-list-control, a[data-item]").forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, " ").replace(/\s*—\s*$/, "").trim();
  }

  function itemMarkdown(li) {
    const copy = li.cloneNode(true);
    copy.querySelectorAll(".task-list-control").forEach((n) => n.remove());
    copy.querySelectorAll("a[href]").forEach((a) => {
      a.replaceWith(`[${a.textContent.trim()}](${publicHref(a.getAttribute("href"))})`);
    });
    copy.querySelectorAll("strong, b").forEach((n) => n.replaceWith(`**${n.textContent}**`));
    copy.querySelectorAll("code").forEach((n) => n.replaceWith("`" + n.textContent + "`"));
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function setupChecklist(root) {
    const list = root.querySelector("[data-pb-checklist]");
    const tools = root.querySelector("[data-pb-checklist-tools]");
    if (!list || !tools || tools.dataset.ready) return;
    tools.dataset.ready = "1";
    const key = "checklist:" + pageKey();
    const state = load(key, {});
    const items = [];

    list.querySelectorAll("li.task-list-item").forEach((li) => {
      const link = li.querySelector("a[data-item]");
      const input = li.querySelector('input[type="checkbox"]');
      if (!link || !input) return;
      const id = link.dataset.item;
      const label = itemText(li);
      input.disabled = false;
      input.removeAttribute("disabled");
      input.id = "check-" + id;
      input.dataset.pbItem = id;
      input.setAttribute("aria-label", label);
      input.checked = Boolean(state[id]);
      li.classList.toggle("pb-checked", input.checked);
      input.addEventListener("change", () => {
        const now = load(key, {});
        if (input.checked) now[id] = true;
        else delete now[id];
        save(key, Object.keys(now).length ? now : null);
        li.classList.toggle("pb-checked", input.checked);
      });
      items.push({ li, input });
    });

    const status = tools.querySelector(".pb-checklist-count");
    const count = () => {
      const done = items.filter((i) => i.input.checked).length;
      status.textContent = `${done} of ${items.length} answered`;
    };
    items.forEach((i) => i.input.addEventListener("change", count));
    count();

    const copy = tools.querySelector('[data-pb-action="copy"]');
    copy.addEventListener("click", async () => {
      const lines = [];
      list.querySelectorAll("h2, li.task-list-item").forEach((node) => {
        if (node.tagName === "H2") {
          if (lines.length) lines.push("");
          lines.push("## " + node.textContent.replace(/\s+/g, " ").replace(/[¶]/g, "").trim(), "");
          return;
        }
        const input = node.querySelector('input[type="checkbox"]');
        if (!input) return;
        lines.push(`- [${input.checked ? "x" : " "}] ${itemMarkdown(node)}`);
      });
      const ok = await copyText(lines.join("\n") + "\n");
      live(tools, ok ? "Copied the checklist as Markdown" : "Copy failed: your browser blocked the clipboard");
    });

    const clear = tools.querySelector('[data-pb-action="clear"]');
    clear.addEventListener("click", () => {
      items.forEach(({ li, input }) => {
        input.checked = false;
        li.classList.remove("pb-checked");
      });
      save(key, null);
      count();
      live(tools, "All ticks cleared");
    });

    tools.removeAttribute("data-pb-pending");
  }

  /* ---------- 2. interview drill: notes and timer ---------- */

  function setupDrillNotes(root) {
    const areas = root.querySelectorAll("textarea[data-pb-drill-notes]");
    if (!areas.length) return;
    const key = "drill:" + pageKey();
    areas.forEach((area) => {
      if (area.dataset.ready) return;
      area.dataset.ready = "1";
      const id = area.dataset.pbDrillNotes;
      area.value = load(key, {})[id] || "";
      let pending = 0;
      area.addEventListener("input", () => {
        window.clearTimeout(pending);
        pending = window.setTimeout(() => {
          const notes = load(key, {});
          if (area.value.trim()) notes[id] = area.value;
          else delete notes[id];
          save(key, Object.keys(notes).length ? notes : null);
        }, 300);
      });
    });
    const tools = root.querySelector("[data-pb-drill-tools]");
    if (tools && !tools.dataset.ready) {
      tools.dataset.ready = "1";
      const clear = tools.querySelector('[data-pb-action="clear-notes"]');
      clear.addEventListener("click", () => {
        areas.forEach((area) => { area.value = ""; });
        save(key, null);
        live(tools, "All answers cleared");
      });
      tools.removeAttribute("data-pb-pending");
    }
  }

  let stopTimer = () => {};

  function clock(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function setupTimer(root) {
    const box = root.querySelector("[data-pb-timer]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    const total = Number(box.dataset.totalSeconds);
    const steps = [...box.querySelectorAll("li[data-pb-step]")].map((li) => ({
      li,
      name: li.dataset.name,
      seconds: Number(li.dataset.seconds),
      budget: li.dataset.budget,
    }));
    const q = (sel) => box.querySelector(sel);
    const timeEl = q(".pb-timer__time");
    const indexEl = q("[data-pb-timer-index]");
    const stepEl = q("[data-pb-timer-step]");
    const stepLeftEl = q("[data-pb-timer-step-left]");
    const budgetEl = q("[data-pb-timer-budget]");
    const liveEl = q("[data-pb-timer-live]");
    const start = q('[data-pb-timer-action="start"]');
    const pause = q('[data-pb-timer-action="pause"]');
    const reset = q('[data-pb-timer-action="reset"]');
    q(".pb-timer__controls").removeAttribute("data-pb-pending");

    let elapsedBefore = 0; /* ms run before the current start */
    let startedAt = null; /* Date.now() at the current start, null when paused */
    let tick = 0;
    let lastStep = 0;

    const elapsed = () => elapsedBefore + (startedAt === null ? 0 : Date.now() - startedAt);

    function stepAt(seconds) {
      let end = 0;
      for (let i = 0; i < steps.length; i += 1) {
        end += steps[i].seconds;
        if (seconds < end) return { index: i, left: end - seconds };
      }
      return { index: steps.length - 1, left: 0 };
    }

    function announce(text) {
      liveEl.textContent = "";
      window.setTimeout(() => { liveEl.textContent = text; }, 50);
    }

    function render() {
      const done = elapsed() / 1000;
      const left = total - done;
      const { index, left: stepLeft } = stepAt(done);
      timeEl.textContent = clock(left);
      indexEl.textContent = String(index + 1);
      stepEl.textContent = steps[index].name;
      budgetEl.textContent = steps[index].budget;
      stepLeftEl.textContent = clock(stepLeft);
      steps.forEach((s, i) => {
        s.li.classList.toggle("pb-timer__step--current", i === index);
        s.li.classList.toggle("pb-timer__step--done", i < index);
        if (i === index) s.li.setAttribute("aria-current", "step");
        else s.li.removeAttribute("aria-current");
      });
      if (index !== lastStep) {
        lastStep = index;
        announce(`Step ${index + 1} of ${steps.length}: ${steps[index].name}, budget ${steps[index].budget}`);
      }
      if (left <= 0 && startedAt !== null) {
        stop();
        box.classList.add("pb-timer--over");
        announce("Time is up");
      }
    }

    function setRunning(running) {
      const focused = document.activeElement;
      start.disabled = running;
      pause.disabled = !running;
      box.classList.toggle("pb-timer--running", running);
      /* keep keyboard focus on a button that still works */
      if (running && focused === start) pause.focus();
      if (!running && focused === pause) start.focus();
    }

    function stop() {
      if (startedAt !== null) elapsedBefore += Date.now() - startedAt;
      startedAt = null;
      window.clearInterval(tick);
      setRunning(false);
    }

    start.addEventListener("click", () => {
      if (startedAt !== null || elapsed() >= total * 1000) return;
      startedAt = Date.now();
      tick = window.setInterval(render, 250);
      setRunning(true);
      announce(`Timer running. Step ${lastStep + 1} of ${steps.length}: ${steps[lastStep].name}`);
      render();
    });
    pause.addEventListener("click", () => {
      stop();
      start.textContent = "Resume";
      render();
      announce(`Paused with ${clock(total - elapsed() / 1000)} left`);
    });
    reset.addEventListener("click", () => {
      stop();
      elapsedBefore = 0;
      lastStep = 0;
      start.textContent = "Start";
      box.classList.remove("pb-timer--over");
      render();
      announce(`Reset to ${clock(total)}, step 1: ${steps[0].name}`);
    });

    stopTimer = () => window.clearInterval(tick);
    render();
  }

  /* ---------- 3. reading progress ---------- */

  const READ_KEY = "read";

  function readSet() {
    return new Set(load(READ_KEY, []));
  }

  // The button is in the HTML of chapter pages only (hooks/read_toggle.py decides which, and names the
  // chapter in data-chapter), disabled: inserting it here restyled the whole article.
  function setupReadToggle(root) {
    const toggle = root.querySelector("article .pb-read-toggle:not([data-pb-ready])");
    if (!toggle) return;
    const slug = toggle.dataset.chapter;
    const wrap = toggle.parentElement;
    toggle.dataset.pbReady = "";
    toggle.disabled = false;
    const sync = () => {
      const read = readSet().has(slug);
      toggle.setAttribute("aria-pressed", String(read));
      toggle.classList.toggle("md-button--primary", read);
    };
    toggle.addEventListener("click", () => {
      const read = readSet();
      if (read.has(slug)) read.delete(slug);
      else read.add(slug);
      save(READ_KEY, [...read].sort());
      sync();
      live(wrap, read.has(slug) ? "Chapter marked as read" : "Chapter marked as not read");
    });
    sync();
  }

  function showReadChapters(root) {
    const links = root.querySelectorAll("a[data-chapter]");
    if (!links.length) return;
    const read = readSet();
    let count = 0;
    links.forEach((a) => {
      const isRead = read.has(a.dataset.chapter);
      if (isRead) count += 1;
      let mark = a.parentElement.querySelector(".pb-read-mark");
      if (isRead && !mark) {
        mark = document.createElement("span");
        mark.className = "pb-read-mark";
        mark.innerHTML = '<span aria-hidden="true">✓</span><span class="pb-visually-hidden">(read)</span>';
        a.after(mark);
      } else if (!isRead && mark) {
        mark.remove();
      }
    });
    const table = links[0].closest("table");
    if (!table) return;
    let summary = root.querySelector(".pb-read-summary");
    if (!summary) {
      summary = document.createElement("p");
      summary.className = "pb-read-summary";
      (table.closest(".md-typeset__scrollwrap") || table).before(summary);
    }
    summary.hidden = count === 0;
    summary.textContent = `You have marked ${count} of ${links.length} chapters as read (✓), in this browser.`;
  }

  document$.subscribe(() => {
    if (window.playbookCalc || document.getElementById("calc-js") || !document.querySelector("form[data-calc]")) return;
    const script = document.createElement("script");
    script.id = "calc-js";
    script.src = CALC_SRC;
    document.body.appendChild(script);
  });

  document$.subscribe(() => {
    stopTimer();
    stopTimer = () => {};
    setupChecklist(document);
    setupDrillNotes(document);
    setupTimer(document);
    setupReadToggle(document);
    showReadChapters(document);
  });
})();
