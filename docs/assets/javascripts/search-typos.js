/* Search that forgives typos. Loaded before Material's bundle (overrides/main.html).
 *
 * Material's search worker receives each query as a message { type: 2, data: "…" }.
 * For every plain word of six letters or more we add a fuzzy twin ("idempotancy"
 * → "idempotancy idempotancy~2"), so a misspelling still finds the section while an
 * exact or prefix match keeps ranking first. Queries that already use search syntax
 * (+ - ~ ^ * : ") pass through untouched, except a few symbolic formulas ("R + W > N")
 * that are looked up as the words the text uses for them ("quorum"). */
(() => {
  "use strict";
  const QUERY = 2;
  const SYNTAX = /(?:^|\s)[+-]|[~^*:"]/;
  // Symbolic notation the index cannot hold as one token, mapped to the words the text uses.
  const ALIASES = new Map([
    ["r+w>n", "quorum"],
    ["w+r>n", "quorum"],
    ["r+w<=n", "quorum"],
    ["2w>n", "quorum majority"],
  ]);

  function forgive(query) {
    if (typeof query !== "string") return query;
    const alias = ALIASES.get(query.toLowerCase().replace(/\s+/g, "").replace(/&gt;/g, ">"));
    if (alias) return alias;
    if (SYNTAX.test(query)) return query;
    // "two-phase commit": a hyphenated word must match as a whole, not as "two" OR "phase"
    const words = query.trim().split(/\s+/).filter(Boolean)
      .map((w) => (/^\p{L}+(?:-\p{L}+)+$/u.test(w) ? `"${w.replace(/-/g, " ")}"` : w));
    // short acronyms ("CAP", "CDC", "p99") match exactly first, before "capacity" and friends
    const acronym = (w) => /^\p{Lu}[\p{Lu}\d]{1,5}$|^(?=.*\d)(?=.*\p{L})[\p{L}\d]{2,6}$/u.test(w);
    const exact = words.filter(acronym).map((w) => `${w}^10`);
    // a number in a longer query ("RFC 1918") is the specific part: require it
    const required = words.length > 1 ? words.filter((w) => /^\d{3,}$/.test(w)).map((w) => `+${w}`) : [];
    const fuzzy = words
      .filter((w) => /^\p{L}{6,}$/u.test(w))
      .map((w) => `${w}~${w.length >= 9 ? 2 : 1}`);
    const extra = [...exact, ...required, ...fuzzy];
    return extra.length || words.some((w) => w.startsWith('"')) ? [...words, ...extra].join(" ") : query;
  }

  const NativeWorker = window.Worker;
  if (!NativeWorker) return;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes("search")) return;
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && message.type === QUERY) message = { ...message, data: forgive(message.data) };
        return post(message, ...rest);
      };
    }
  };
  window.playbookSearchForgive = forgive;
})();
