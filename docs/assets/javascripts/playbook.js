/* Site-wide behaviour, started from Material's document$ so it survives instant navigation.
 * 1. A "copy citation" button beside each numbered heading's permalink.
 * 2. Moved anchors: an old #id in the address is sent to its new home (assets/anchor-redirects.json).
 * 3. Tables that scroll sideways can be reached and scrolled with the keyboard; code-block button bars
 *    are not navigation landmarks. */
(() => {
  "use strict";

  const NUMBERED = /^(\d+(?:\.\d+)?)\s+(.+)$/;

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

  function addCiteButtons(root) {
    root.querySelectorAll("article h1[id], article h2[id]").forEach((h) => {
      if (h.querySelector(".pb-cite")) return;
      const title = headingTitle(h);
      const m = NUMBERED.exec(title);
      if (!m) return;
      const citation = `[§${m[1]} ${m[2]}](${pageUrl()}#${h.id})`;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pb-cite";
      button.dataset.citation = citation;
      button.setAttribute("aria-label", `Copy a Markdown citation of §${m[1]} ${m[2]}`);
      button.title = "Copy a citation in Markdown";
      button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14 17h3l2-4V7h-6v6h3M6 17h3l2-4V7H5v6h3z"/></svg>';
      button.addEventListener("click", async () => {
        const ok = await copyText(citation);
        button.classList.toggle("pb-cite--done", ok);
        announce(ok ? `Copied citation: §${m[1]} ${m[2]}` : "Copy failed: select the heading link instead");
        window.setTimeout(() => button.classList.remove("pb-cite--done"), 1500);
      });
      h.appendChild(button);
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
  // (axe: scrollable-region-focusable). Only wrappers that do scroll join the tab order.
  function keyboardScrollers(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("tabindex", "0");
      else if (wrap.getAttribute("tabindex") === "0") wrap.removeAttribute("tabindex");
    });
  }
  // Material wraps each code block's copy button in a <nav>: two code blocks make two identical, unnamed
  // navigation landmarks (axe: landmark-unique). A copy button is no navigation; the button stays.
  function unlandmarkCodeNavs(root) {
    root.querySelectorAll("nav.md-code__nav:not([role]), .md-search-result nav.md-tags:not([role])")
      .forEach((nav) => nav.setAttribute("role", "none"));
  }

  // Search results carry each page's tags in an unnamed <nav>, one per result: same problem.
  const results = document.querySelector(".md-search-result__list");
  if (results) {
    new MutationObserver(() => unlandmarkCodeNavs(results)).observe(results, { childList: true, subtree: true });
  }

  let resizing;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(() => keyboardScrollers(document), 200);
  });

  document$.subscribe(() => {
    addCiteButtons(document);
    followMovedAnchor();
    keyboardScrollers(document);
    unlandmarkCodeNavs(document);
  });
})();
