"""The page's scripts start after its first paint, not before it.

One job. Material's page ends with parser-blocking scripts: search-typos.js, Material's bundle and the
project's playbook.js. A browser fetches them while it reads the page and, on a long page, runs them
(hundreds of milliseconds of main thread on a phone) before it has shown the text. This hook moves
them behind the first paint:

- each script becomes a `<link rel="preload" as="script">` in the head, so it still downloads at once;
- in their place at the end of the body, a small loader inserts the same scripts into the head, in the
  same order (`async = false`), once the page is parsed (DOMContentLoaded) and the browser has reported
  its first paint (a `paint` PerformanceObserver entry), whichever comes last, and one more frame has
  been drawn. On a long page the first paint may show only the header, and the frame that shows the
  text may come just after the parse: so the text is on the screen before any script runs. Where no
  paint will be reported (a page opened in a background tab, or a browser without paint timing) it
  starts at DOMContentLoaded, and in any case no later than 3 s after the page's load event. In the
  head, the new script elements change nothing that the page's styles select on (inserted into the
  body, each made the browser check the style of the whole body again);
- Material's bundle starts its components when `document$` emits, which it does on DOMContentLoaded.
  When the scripts arrive after that event, the loader emits `document$` itself, once, after the
  last script has run: the same order as before (bundle, the project's subscribers, then the document).
  `window.playbookScriptsReady` is true from then on (the browser tests wait for it);
- with instant navigation on, the loader also does, two frames before the scripts, the first thing the bundle
  does as it starts: it makes every relative `href` and `src` of the page absolute, by calling the function
  that the head script defined and used for the head's URLs (`window.__pb_absolute`, in
  overrides/partials/javascripts/head.html: the rule is written once; where it is not defined, nothing is
  done here and the bundle does it). Each link changed is restyled: done here, that restyle is a task of the
  browser's own, between frames, instead of a part of the bundle's start (650 links on the glossary), and
  the bundle finds nothing left to change.

Inline scripts stay where they are (the search loader must run before the bundle, and runs earlier
still). The build fails, naming the page, if the page's scripts are not where the hook expects them.
"""

from __future__ import annotations

import json
import re

CONFIG = '<script id="__config"'
SCRIPT = re.compile(r'<script src="(?P<src>[^"]+)"></script>')
BUNDLE = re.compile(r"(?:^|/)bundle\.[0-9a-f]+\.min\.js$")

# The loader, small (it is in every page). %s: the URLs, as JSON.
LOADER = """<script>((srcs) => {
  let started = false, painted = false, parsed = false;
  const absolute = () => { const f = window.__pb_absolute; window.__pb_absolute = null; if (f) f(); };
  const start = () => {
    if (started) return;
    started = true;
    absolute();
    const add = (src) => Object.assign(document.createElement("script"), {
      src: new URL(src, document.baseURI).href, async: false,
    });
    const scripts = srcs.map((src) => document.head.appendChild(add(src)));
    scripts.at(-1).addEventListener("load", () => {
      if (document.readyState !== "loading" && window.document$) document$.next(document);
      window.playbookScriptsReady = true;
    });
  };
  const frame = requestAnimationFrame;
  const ready = () => { if (painted && parsed) { absolute(); frame(() => frame(() => setTimeout(start))); } };
  if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    const first = (list, observer) => { observer.disconnect(); painted = true; ready(); };
    new PerformanceObserver(first).observe({ type: "paint", buffered: true });
  } else painted = true;
  document.addEventListener("DOMContentLoaded", () => { parsed = true; if (document.hidden) start(); ready(); });
  addEventListener("load", () => setTimeout(start, 3000));
})(%s);</script>"""


class ScriptsNotFound(RuntimeError):
    pass


def defer_scripts(page_html: str, where: str) -> str:
    """`page_html` with the external scripts after Material's config preloaded and started after first paint."""
    config_at = page_html.find(CONFIG)
    if config_at < 0:
        raise ScriptsNotFound(f"hooks/script_loader.py: {where}: no Material config script ({CONFIG}…)")
    found = list(SCRIPT.finditer(page_html, config_at))
    srcs = [m["src"] for m in found]
    if sum(bool(BUNDLE.search(src)) for src in srcs) != 1:
        raise ScriptsNotFound(
            f"hooks/script_loader.py: {where}: expected Material's bundle once among the scripts after its "
            f"config, found {srcs}; Material's base template changed: review the hook"
        )
    head_end = page_html.find("</head>")
    if head_end < 0 or head_end > config_at:
        raise ScriptsNotFound(f"hooks/script_loader.py: {where}: no </head> before the page's scripts")
    loader = LOADER % json.dumps(srcs)
    out, last = [], config_at
    for i, m in enumerate(found):
        out.append(page_html[last:m.start()])
        if i == 0:
            out.append(loader)
        last = m.end()
    out.append(page_html[last:])
    preload = "".join(f'<link rel="preload" as="script" href="{src}">' for src in srcs)
    return page_html[:head_end] + preload + page_html[head_end:config_at] + "".join(out)


def on_post_page(output: str, page, **_) -> str:
    return defer_scripts(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, **_) -> str:
    if template_name == "404.html":
        return defer_scripts(output_content, template_name)
    return output_content
