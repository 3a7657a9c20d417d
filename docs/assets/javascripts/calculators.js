/* The playbook's calculators: availability, downtime, error budget, estimator, fan-out, Little's law.
 *
 * The math mirrors the build's Python macros (macros/availability.py, budget.py, tail.py, capacity.py)
 * and the formatting mirrors macros/fmt.py; the browser tests feed this file test vectors generated
 * from those Python functions. Probabilities are carried with their complement (the unavailability,
 * computed exactly from the typed decimal) so that six parallel 99.9 % replicas give 1 − 10⁻¹⁸, not 100 %.
 *
 * Markup: every <form data-calc="…"> block on a page is one instance. Inputs are found by their name,
 * which is also their key in the address's query string; results go to [data-out="…"] elements.
 * Started from Material's document$, so it runs again after instant navigation.
 */
(() => {
  "use strict";

  if (window.playbookCalc) {
    window.playbookCalc.mountAll();
    return;
  }

  const NBSP = "\u00a0";
  const DASH = "—";
  const MINUTE = 60;
  const HOUR = 3600;
  const DAY = 86400;
  const YEAR_DAYS = 365.25;
  const YEAR = YEAR_DAYS * DAY;
  const MONTH = 30 * DAY;
  const PERIODS = {
    year: YEAR,
    quarter: YEAR / 4,
    month: MONTH,
    "28 days": 28 * DAY,
    week: 7 * DAY,
    day: DAY,
    hour: HOUR,
  };
  const PERIOD_LABELS = {
    year: "per year",
    quarter: "per quarter",
    month: "per 30-day month",
    "28 days": "per 28 days",
    week: "per week",
    day: "per day",
    hour: "per hour",
  };
  // Google SRE Workbook, "Alerting on SLOs" (as macros/budget.py SRE_WORKBOOK_ALERTS)
  const SRE_WORKBOOK_ALERTS = [
    [0.02, 3600, 300, "Page"],
    [0.05, 6 * 3600, 1800, "Page"],
    [0.1, 3 * 86400, 6 * 3600, "Ticket"],
  ];
  const MAX_KOFN = 10000; // macros.availability.k_of_n
  const MAX_FANOUT = 10000000; // macros.tail.MAX_N

  /* ---------------------------------------------------------------- exact decimal helpers */

  /** A double's exact value as [mantissa BigInt, exponent of two]. x must be finite and >= 0. */
  function decompose(x) {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const e = (hi >>> 20) & 0x7ff;
    let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (e === 0) return [m, -1074];
    m |= 1n << 52n;
    return [m, e - 1075];
  }

  /** round-half-even(x × 10^d) as a BigInt, on the exact binary value of x >= 0 (as Python's round). */
  function roundScaled(x, d) {
    const [m, e] = decompose(x);
    let num = m;
    let den = 1n;
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
    if (d >= 0) num *= 10n ** BigInt(d);
    else den *= 10n ** BigInt(-d);
    let q = num / den;
    const twice = 2n * (num - q * den);
    if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
    return q;
  }

  function groupDigits(intText) {
    return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /** Python's f"{round(x, d):,.{d}f}" (d > 0) or f"{int(round(x, d)):,}" (d <= 0), for x >= 0. */
  function fixed(x, d) {
    const n = roundScaled(x, d);
    if (d <= 0) return groupDigits((n * 10n ** BigInt(-d)).toString());
    const s = n.toString().padStart(d + 1, "0");
    return `${groupDigits(s.slice(0, -d))}.${s.slice(-d)}`;
  }

  function stripZeros(text) {
    return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  }

  /** Python's round(x) for a float: to the nearest integer, ties to even. */
  function roundHalfEven(x) {
    const f = Math.floor(x);
    const diff = x - f;
    if (diff > 0.5) return f + 1;
    if (diff < 0.5) return f;
    return f % 2 === 0 ? f : f + 1;
  }

  /* ---------------------------------------------------------------- formatting (macros/fmt.py) */

  const isNum = (x) => typeof x === "number" && Number.isFinite(x);

  /** fmt_sig: x to sig significant figures, thousands separated, no trailing zeros. */
  function fmtSig(x, sig = 3) {
    if (!isNum(x)) return DASH;
    if (x === 0) return "0";
    if (x < 0) return `-${fmtSig(-x, sig)}`;
    const exponent = Math.floor(Math.log10(x));
    let decimals = sig - 1 - exponent;
    const rounded = Number(fixed(x, decimals).replace(/,/g, ""));
    if (rounded !== 0 && Math.floor(Math.log10(rounded)) !== exponent) decimals -= 1;
    return stripZeros(fixed(x, decimals));
  }

  /** fmt_duration: seconds as a person writes them ("864 ms", "43.2 min", "8 h 46 min"). */
  function fmtDuration(s, sig = 3, zero = null) {
    if (!isNum(s) || s < 0) return DASH;
    if (s === 0) return zero === null ? DASH : zero;
    if (s < 1e-15) return `<${NBSP}0.000001${NBSP}ns`; // below the site's range: never "0 s"
    if (s < 1e-6) return `${fmtSig(s * 1e9, sig)}${NBSP}ns`;
    if (s < 1e-3) return `${fmtSig(s * 1e6, sig)}${NBSP}µs`;
    if (s < 1) return `${fmtSig(s * 1e3, sig)}${NBSP}ms`;
    if (s < 100) return `${fmtSig(s, sig)}${NBSP}s`;
    if (s < HOUR) return `${fmtSig(s / MINUTE, sig)}${NBSP}min`;
    if (s < DAY) {
      const minutes = roundHalfEven(s / MINUTE);
      const h = Math.floor(minutes / 60);
      const m = minutes % 60;
      if (h === 24) return `24${NBSP}h`;
      return m ? `${h}${NBSP}h ${m}${NBSP}min` : `${h}${NBSP}h`;
    }
    if (s < 60 * DAY) return `${fmtSig(s / DAY, sig)}${NBSP}days`;
    if (s < 2 * YEAR) return `${fmtSig(s / MONTH, sig)}${NBSP}months`;
    return `${fmtSig(s / YEAR, sig)}${NBSP}years`;
  }

  /**
   * fmt_percent for a fraction f whose complement c = 1 − f is known accurately (c may be omitted).
   * The complement keeps two significant figures: 0.997801 → "99.78 %", 1 − 1e-18 → "99.9999999999999999 %".
   */
  function fmtPercent(f, c) {
    if (!isNum(f)) return DASH;
    const rest = (isNum(c) ? c : 1 - f) * 100;
    const pct = f * 100;
    if (pct > 0 && pct < 50) return `${fmtSig(pct, 3)}${NBSP}%`;
    if (rest <= 0 || f > 1) {
      const decimals = Number.isInteger(pct) ? 0 : 2;
      return `${stripZeros(fixed(pct, decimals)).replace(/,/g, "")}${NBSP}%`;
    }
    const decimals = Math.max(1, 1 - Math.floor(Math.log10(rest)));
    if (decimals > 24) return `>${NBSP}99.${"9".repeat(22)}${NBSP}%`;
    const r = roundScaled(rest, decimals); // the complement, rounded like the percentage
    const total = (100n * 10n ** BigInt(decimals) - r).toString().padStart(decimals + 1, "0");
    const digits = total.slice(0, -decimals) + "." + total.slice(-decimals);
    return `${stripZeros(digits)}${NBSP}%`;
  }

  const WORDS = [
    [1e15, "quadrillion"],
    [1e12, "trillion"],
    [1e9, "billion"],
    [1e6, "million"],
  ];

  /** fmt_count: "1,157", "579,000", "3.52 trillion". */
  function fmtCount(n, sig = 3) {
    if (!isNum(n)) return DASH;
    if (n < 0) return `−${fmtCount(-n, sig)}`;
    for (const [scale, word] of WORDS) {
      if (n >= scale * 0.9995) return `${fmtSig(n / scale, sig)}${NBSP}${word}`;
    }
    if (Number.isInteger(n)) return groupDigits(String(n));
    return fmtSig(n, sig);
  }

  const SI = [
    [1e18, "EB"],
    [1e15, "PB"],
    [1e12, "TB"],
    [1e9, "GB"],
    [1e6, "MB"],
    [1e3, "KB"],
  ];

  /** fmt_size: bytes with SI units (1 KB = 1,000 B). */
  function fmtSize(b, sig = 3) {
    if (!isNum(b) || b < 0) return DASH;
    for (const [scale, unit] of SI) {
      if (b >= scale * 0.9995) return `${fmtSig(b / scale, sig)}${NBSP}${unit}`;
    }
    return `${fmtSig(b, sig)}${NBSP}B`;
  }

  /** fmt_rate: "1,160 QPS", "2.89 million QPS". */
  function fmtRate(r, unit = "QPS", sig = 3) {
    if (!isNum(r) || r < 0) return DASH;
    const text = r < 1e6 ? fmtSig(r, sig) : fmtCount(r, sig);
    return `${text}${NBSP}${unit}`;
  }

  const BITS = [
    [1e12, "Tbps"],
    [1e9, "Gbps"],
    [1e6, "Mbps"],
    [1e3, "Kbps"],
  ];

  /** macros.capacity.bits_per_second. */
  function fmtBits(bps, sig = 3) {
    if (!isNum(bps) || bps < 0) return DASH;
    for (const [scale, unit] of BITS) {
      if (bps >= scale * 0.9995) return `${fmtSig(bps / scale, sig)}${NBSP}${unit}`;
    }
    return `${fmtSig(bps, sig)}${NBSP}bps`;
  }

  /** macros.capacity.bandwidth: "100 MB/s (800 Mbps)". */
  function fmtBandwidth(bytesPerSecond, sig = 3) {
    if (!isNum(bytesPerSecond)) return DASH;
    return `${fmtSize(bytesPerSecond, sig)}/s (${fmtBits(bytesPerSecond * 8, sig)})`;
  }

  /** macros.tail.prob_text for a probability v with complement c: "63.4 %", "> 99.9999 %". */
  function probText(v, c) {
    if (!isNum(v)) return DASH;
    const comp = isNum(c) ? c : 1 - v;
    if (v <= 0) return `0${NBSP}%`;
    if (comp <= 0) return `100${NBSP}%`;
    if (comp < 1e-6) return `>${NBSP}99.9999${NBSP}%`;
    if (v < 1e-6) return `<${NBSP}0.0001${NBSP}%`;
    if (v > 0.99) return fmtPercent(v, comp);
    return `${fmtSig(v * 100, 3)}${NBSP}%`;
  }

  /** An availability given by ln(1 − A): like fmtPercent, and never "100 %" while 1 − A > 0 underflows. */
  function fmtPercentLn(lnQ) {
    if (lnQ === -Infinity) return `100${NBSP}%`;
    const q = Math.exp(lnQ);
    if (q > 0) return fmtPercent(-Math.expm1(lnQ), q);
    return `>${NBSP}99.${"9".repeat(22)}${NBSP}%`;
  }

  /** Nines for an unavailability given by its natural log: −log10(1 − A), two figures as on the site. */
  function fmtNines(lnQ) {
    if (lnQ === -Infinity) return "unbounded (100 %, no downtime)";
    return fmtSig(-lnQ / Math.LN10, 2);
  }

  const fmt = {
    sig: fmtSig,
    duration: fmtDuration,
    percent: fmtPercent,
    percentLn: fmtPercentLn,
    count: fmtCount,
    size: fmtSize,
    rate: fmtRate,
    bits: fmtBits,
    bandwidth: fmtBandwidth,
    prob: probText,
    nines: fmtNines,
  };

  /* ---------------------------------------------------------------- math (mirrors the macros) */

  function periodSeconds(period) {
    if (typeof period === "number") return period;
    if (!(period in PERIODS)) throw new RangeError(`unknown period ${period}`);
    return PERIODS[period];
  }

  /** ln(a + b) from ln a and ln b. */
  function logAdd(x, y) {
    if (x === -Infinity) return y;
    if (y === -Infinity) return x;
    const m = Math.max(x, y);
    return m + Math.log1p(Math.exp(Math.min(x, y) - m));
  }

  const LN_FACT_SMALL = [0];
  for (let i = 1; i < 64; i += 1) LN_FACT_SMALL.push(LN_FACT_SMALL[i - 1] + Math.log(i));

  /** ln(m!) for a whole m >= 0: exact sums below 64, Stirling's series above. */
  function lnFactorial(m) {
    if (m < 64) return LN_FACT_SMALL[m];
    const x = m + 1;
    const x2 = x * x;
    return (
      (x - 0.5) * Math.log(x) -
      x +
      0.5 * Math.log(2 * Math.PI) +
      1 / (12 * x) -
      1 / (360 * x * x2) +
      1 / (1260 * x * x2 * x2) -
      1 / (1680 * x * x2 * x2 * x2)
    );
  }

  /**
   * macros.availability.k_of_n, in unavailability space: ln of the chance that fewer than k of n
   * identical replicas (each down with probability q) are up, Σᵢ₌₀ᵏ⁻¹ C(n, i) (1 − q)ⁱ qⁿ⁻ⁱ.
   */
  function kOfNLnDown(q, n, k) {
    if (q <= 0) return -Infinity;
    if (q >= 1) return 0;
    const lnA = Math.log1p(-q);
    const lnQ = Math.log(q);
    const lnN = lnFactorial(n);
    let acc = -Infinity;
    for (let i = 0; i < k; i += 1) {
      acc = logAdd(acc, lnN - lnFactorial(i) - lnFactorial(n - i) + i * lnA + (n - i) * lnQ);
    }
    return Math.min(acc, 0);
  }

  /** A probability from ln of its complement: {a, q, lnQ}. */
  function fromLnQ(lnQ) {
    const q = Math.exp(lnQ);
    return { a: lnQ === -Infinity ? 1 : -Math.expm1(lnQ), q, lnQ };
  }

  function kOfN(q, n, k) {
    return fromLnQ(kOfNLnDown(q, n, k));
  }

  /**
   * macros.availability.composite: a series of groups, each {q, n, k} (one replica's unavailability,
   * replicas, replicas needed). Returns {a, q, lnQ, groups: [{a, q, lnQ}]}.
   */
  function composite(groups) {
    const parts = groups.map((g) => kOfN(g.q, g.n ?? 1, g.k ?? 1));
    // 1 − Π(1 − qᵢ) = −expm1(Σ log1p(−qᵢ)); when every qᵢ underflows, Σ qᵢ to first order
    const sumLog1p = parts.reduce((s, p) => s + Math.log1p(-p.q), 0);
    let lnQ;
    if (parts.every((p) => p.lnQ === -Infinity)) lnQ = -Infinity;
    else if (sumLog1p !== 0) lnQ = Math.log(-Math.expm1(sumLog1p));
    else lnQ = parts.reduce((s, p) => logAdd(s, p.lnQ), -Infinity);
    return { ...fromLnQ(lnQ), groups: parts };
  }

  const math = {
    PERIODS,
    SRE_WORKBOOK_ALERTS,
    periodSeconds,
    kOfN,
    composite,
    /** (1 − A) × period, in seconds. */
    downtimeSeconds: (q, period = "year") => q * periodSeconds(period),
    /** The availability allowing d seconds per period: {a, q}. */
    availabilityFromDowntime: (d, period = "year") => {
      const q = d / periodSeconds(period);
      return { a: 1 - q, q, lnQ: Math.log(q) };
    },
    /** −log10(1 − A). */
    nines: (q) => -Math.log10(q),
    errorBudgetSeconds: (q, window = "month") => q * periodSeconds(window),
    /** error rate ÷ (1 − SLO). */
    burnRate: (e, q) => e / q,
    /** window ÷ burn rate. */
    timeToExhaustion: (e, q, window = "month") => periodSeconds(window) / (e / q),
    /** The multiwindow, multi-burn-rate rows of macros.budget.burn_rate_table. */
    alertRows: (q, period = "month") => {
      const p = periodSeconds(period);
      return SRE_WORKBOOK_ALERTS.map(([fraction, longW, shortW, notify]) => {
        const rate = (fraction * p) / longW;
        return { notify, fraction, longW, shortW, rate, threshold: rate * q, gone: p / rate };
      });
    },
    avgQps: (dau, perUser) => (dau * perUser) / DAY,
    bandwidth: (qps, bytes) => qps * bytes,
    storageGrowthBytes: (qps, bytes, years = 1, replication = 1) => qps * bytes * DAY * YEAR_DAYS * years * replication,
    boxCount: (peak, perBox, headroom = 1) => Math.max(1, Math.ceil(Number(((peak / perBox) * headroom).toFixed(9)))),
    /** Splits actions per user per day by a read:write ratio r (reads per write). */
    splitActions: (actions, ratio) => ({ reads: (actions * ratio) / (ratio + 1), writes: actions / (ratio + 1) }),
    /** pᴺ and 1 − pᴺ for a leaf quantile p with complement q: {within, slow}. */
    fanout: (q, n) => {
      const lnWithin = n * Math.log1p(-q);
      // pᴺ below the smallest double is still above 0: keep it positive so it reads "< 0.0001 %", not "0 %"
      const within = lnWithin === -Infinity ? 0 : Math.max(Math.exp(lnWithin), Number.MIN_VALUE);
      return { within, slow: -Math.expm1(lnWithin) };
    },
    /** target^(1/N) with its complement: {value, complement}. */
    leafQuantile: (q, n) => {
      const ln = Math.log1p(-q) / n;
      return { value: Math.exp(ln), complement: -Math.expm1(ln) };
    },
    littleConcurrency: (throughput, latency) => throughput * latency,
    littleThroughput: (concurrency, latency) => concurrency / latency,
    littleLatency: (concurrency, throughput) => concurrency / throughput,
  };

  /* ---------------------------------------------------------------- input parsing */

  const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;
  const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

  /** An exact decimal from text: {neg, m: BigInt, scale} meaning (−1)^neg × m / 10^scale; or null. */
  function parseDecimal(text) {
    const t = GROUPED.test(text) ? text.replace(/,/g, "") : text;
    const match = DECIMAL.exec(t);
    if (!match || (match[2] === "" && (match[3] === undefined || match[3] === ""))) return null;
    const frac = match[3] || "";
    const exp = match[4] ? Number(match[4]) : 0;
    if (Math.abs(exp) > 400) return null;
    let m = BigInt((match[2] || "0") + frac);
    let scale = frac.length - exp;
    if (scale < 0) {
      m *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return { neg: match[1] === "-", m, scale };
  }

  const toNumber = (m, scale) => Number(`${m}e-${scale}`);

  function decimalText(m, scale) {
    if (scale === 0) return m.toString();
    const s = m.toString().padStart(scale + 1, "0");
    return stripZeros(`${s.slice(0, -scale)}.${s.slice(-scale)}`);
  }

  const fail = (error) => ({ ok: false, error });

  function commaError(t) {
    if (/^\d+,\d{1,2}$|^\d+,\d{4,}$|^\d*\.\d*,|,\d*\./.test(t) || /^\d+,\d+$/.test(t)) {
      return fail(`Use a point for decimals: ${t.replace(",", ".")}, not ${t}.`);
    }
    return fail("Not a number: use digits and a decimal point, e.g. 1500.5 or 1,500.");
  }

  /**
   * A probability typed as a percentage ("99.9", "99.9 %", "p99.9") or a fraction ("0.999").
   * Returns {ok, a, q, pct (text), note} or {ok: false, error}.
   */
  function parseProb(raw, { what = "an availability", example = "99.9", percentile = false, allowOne = true } = {}) {
    let t = String(raw ?? "").trim();
    if (t === "") return fail(`Enter ${what}, e.g. ${example} %.`);
    let percent = false;
    if (percentile && /^p/i.test(t)) {
      percent = true;
      t = t.slice(1).trim();
    }
    if (/%$/.test(t)) {
      percent = true;
      t = t.replace(/\s*%$/, "");
    }
    if (t.includes(",")) {
      if (/^\d+,\d+$/.test(t)) return fail(`Use a point for decimals: ${t.replace(",", ".")}, not ${t}.`);
      return fail(`Not a number: type e.g. ${example} (percent) or 0.999 (fraction).`);
    }
    const d = parseDecimal(t);
    if (!d) return fail(`Not a number: type e.g. ${example} (percent) or 0.999 (fraction).`);
    if (d.neg && d.m !== 0n) return fail(`${what[0].toUpperCase()}${what.slice(1)} cannot be negative.`);
    if (d.m === 0n) return fail(`${what[0].toUpperCase()}${what.slice(1)} must be above 0 %.`);
    const one = 10n ** BigInt(d.scale); // 1 in this scale
    let fraction = !percent && d.m <= one;
    if (!percent && d.m > 100n * one) {
      return fail(`${t} is above 100 %: type a percentage up to 100 (99.9) or a fraction up to 1 (0.999).`);
    }
    if (percent && d.m > 100n * one) return fail(`${t} % is above 100 %: nothing is up more than all the time.`);
    // the exact complement, as (m, scale) of the fraction
    let qm;
    let qs;
    if (fraction) {
      qm = one - d.m;
      qs = d.scale;
    } else {
      qm = 100n * one - d.m;
      qs = d.scale + 2;
    }
    if (!allowOne && qm === 0n) return fail(`${what[0].toUpperCase()}${what.slice(1)} must be below 100 % here.`);
    const q = toNumber(qm, qs);
    const pctM = fraction ? d.m * 100n : d.m; // percentage, in d.scale
    const pct = decimalText(pctM, d.scale);
    const note = fraction ? `${t} read as a fraction: ${pct}${NBSP}%` : `Read as ${pct}${NBSP}%`;
    const value = fraction ? toNumber(d.m, d.scale) : toNumber(d.m, d.scale + 2); // the fraction itself
    return { ok: true, a: 1 - q, q, value, pct, note, fraction };
  }

  const SUFFIX = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, million: 1e6, b: 1e9, B: 1e9, bn: 1e9, billion: 1e9, G: 1e9 };

  /**
   * A positive number: "500000000", "500,000,000", "5e8", "500M", "500 million".
   * opts: {label, min, minInclusive, max, maxText, integer, suffixes, allowZero}.
   */
  function parseNumber(raw, opts = {}) {
    const { label = "This value", min = 0, max = 1e15, integer = false, suffixes = true, allowZero = false } = opts;
    let t = String(raw ?? "").trim();
    if (t === "") return fail(`Enter ${label.toLowerCase()}.`);
    let scale = 1;
    const sm = suffixes ? /^(.*?)\s*(k|K|M|million|bn|billion|B|G)$/.exec(t) : null;
    if (sm && sm[1] !== "") {
      t = sm[1];
      scale = SUFFIX[sm[2]];
    }
    if (t.includes(",") && !GROUPED.test(t)) return commaError(t);
    const d = parseDecimal(t);
    if (!d) return fail(`Not a number: use digits${suffixes ? ", e.g. 1500, 1,500, 1.5k or 2e6" : ", e.g. 1500 or 1,500"}.`);
    if (d.neg && d.m !== 0n) return fail(`${label} cannot be negative.`);
    const v = toNumber(d.m, d.scale) * scale;
    if (!Number.isFinite(v) || v > max) {
      return fail(`${label} above ${opts.maxText || fmtCount(max)} is beyond what this calculator accepts.`);
    }
    if (v === 0 && !allowZero) return fail(`${label} must be above 0.`);
    if (integer && !Number.isInteger(v)) return fail(`${label} must be a whole number, not ${String(raw).trim()}.`);
    if (opts.minInclusive !== undefined && v < opts.minInclusive) {
      const why = opts.minWhy ? ": " + opts.minWhy : "";
      return fail(`${label} must be at least ${fmtSig(opts.minInclusive)}${why}.`);
    }
    if (v < min) return fail(`${label} must be above ${fmtSig(min)}.`);
    return { ok: true, value: v };
  }

  const DURATION_UNITS = [
    [/^(?:ns|nanoseconds?)$/i, 1e-9],
    [/^(?:µs|us|microseconds?)$/i, 1e-6],
    [/^(?:ms|milliseconds?)$/i, 1e-3],
    [/^(?:s|secs?|seconds?)$/i, 1],
    [/^(?:m|mins?|minutes?)$/i, MINUTE],
    [/^(?:h|hrs?|hours?)$/i, HOUR],
    [/^(?:d|days?)$/i, DAY],
    [/^(?:w|wks?|weeks?)$/i, 7 * DAY],
  ];

  /** A duration with units: "13 min", "8 h 46 min", "864 ms", "1.5 days". Returns {ok, value (s)}. */
  function parseDuration(raw, { label = "The duration", allowZero = false, max = 100 * YEAR, maxText = "100 years" } = {}) {
    const text = String(raw ?? "").trim();
    if (text === "") return fail(`Enter ${label.toLowerCase()} with a unit, e.g. 13 min.`);
    if (/^-/.test(text)) return fail(`${label} cannot be negative.`);
    const parts = text.match(/[^\s\d.,]+|[\d.,]+(?:e[+-]?\d+)?/gi) || [];
    if (parts.join("").length !== text.replace(/\s+/g, "").length) {
      return fail("Not a duration: write e.g. 13 min, 8 h 46 min or 864 ms.");
    }
    let total = 0;
    let i = 0;
    if (parts.length === 1 && /^[\d.,]+$/.test(parts[0])) {
      const only = parseDecimal(parts[0].includes(",") ? "x" : parts[0]);
      if (only && only.m === 0n && allowZero) return { ok: true, value: 0 };
      return fail(`Add a unit to ${parts[0]}: ms, s, min, h or days (e.g. ${parts[0]} min).`);
    }
    while (i < parts.length) {
      const numText = parts[i];
      const unitText = parts[i + 1];
      if (numText.includes(",")) return commaError(numText);
      const d = parseDecimal(numText);
      if (!d) return fail("Not a duration: write e.g. 13 min, 8 h 46 min or 864 ms.");
      if (unitText === undefined) return fail(`Add a unit after ${numText}: ms, s, min, h or days.`);
      const unit = DURATION_UNITS.find(([re]) => re.test(unitText));
      if (!unit) return fail("Not a unit this calculator knows: use ms, s, min, h, days or weeks.");
      total += toNumber(d.m, d.scale) * unit[1];
      i += 2;
    }
    if (!Number.isFinite(total) || total > max) return fail(`${label} above ${maxText} is beyond what this calculator accepts.`);
    if (total === 0 && !allowZero) return fail(`${label} must be above 0.`);
    return { ok: true, value: total };
  }

  /** A size in bytes: "1 KB", "1000", "2.5 MB", "1 KiB". */
  function parseSize(raw, { label = "The size", max = 1e12 } = {}) {
    const text = String(raw ?? "").trim();
    const m = /^(.*?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|bytes?)$/i.exec(text);
    const units = { b: 1, byte: 1, bytes: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };
    if (m && m[1] !== "") {
      const r = parseNumber(m[1], { label, max: max / units[m[2].toLowerCase()], suffixes: false, maxText: fmtSize(max) });
      return r.ok ? { ok: true, value: r.value * units[m[2].toLowerCase()] } : r;
    }
    return parseNumber(text, { label, max, suffixes: false, maxText: fmtSize(max) });
  }

  /** A read:write ratio: "10:1", "10", "1:4" → reads per write. */
  function parseRatio(raw) {
    const text = String(raw ?? "").trim();
    if (text === "") return fail("Enter a read:write ratio, e.g. 10:1.");
    const parts = text.split(/\s*:\s*/);
    if (parts.length > 2) return fail("Not a ratio: write reads:writes, e.g. 10:1.");
    const reads = parseNumber(parts[0], { label: "The read side", max: 1e9, suffixes: false });
    if (!reads.ok) return reads;
    const writes = parts.length === 2 ? parseNumber(parts[1], { label: "The write side", max: 1e9, suffixes: false }) : { ok: true, value: 1 };
    if (!writes.ok) return writes;
    return { ok: true, value: reads.value / writes.value };
  }

  const parse = { decimal: parseDecimal, prob: parseProb, number: parseNumber, duration: parseDuration, size: parseSize, ratio: parseRatio };

  /* ---------------------------------------------------------------- the UI */

  let uid = 0;

  function liveAnnounce(form, text) {
    const live = form.querySelector("[data-calc-live]");
    if (!live) return;
    clearTimeout(live._timer);
    live._timer = setTimeout(() => {
      live.textContent = text;
    }, 600);
  }

  function status(form, text) {
    const el = form.querySelector("[data-calc-status]");
    if (el) el.textContent = text;
  }

  /** Unique ids for this instance: a second copy of a block on one page gets suffixed ids. */
  function uniquifyIds(form) {
    const renames = {};
    form.querySelectorAll("[id]").forEach((el) => {
      if (document.querySelectorAll(`#${CSS.escape(el.id)}`).length > 1) {
        uid += 1;
        renames[el.id] = `${el.id}--${uid}`;
        el.id = renames[el.id];
      }
    });
    if (!Object.keys(renames).length) return;
    form.querySelectorAll("[for], [aria-describedby], [aria-labelledby], [aria-controls]").forEach((el) => {
      for (const attr of ["for", "aria-describedby", "aria-labelledby", "aria-controls"]) {
        const v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.split(/\s+/).map((id) => renames[id] || id).join(" "));
      }
    });
  }

  function messageFor(input) {
    const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/);
    for (const id of ids) {
      const el = id && document.getElementById(id);
      if (el && el.hasAttribute("data-msg")) return el;
    }
    return null;
  }

  /** Show the parse result next to the field: an error (aria-invalid) or a note of what was understood. */
  function mark(input, result) {
    const msg = messageFor(input);
    if (result.ok) {
      input.removeAttribute("aria-invalid");
      if (msg) {
        msg.textContent = result.note || "";
        msg.classList.remove("calc-msg--error");
      }
    } else {
      input.setAttribute("aria-invalid", "true");
      if (msg) {
        msg.textContent = result.error;
        msg.classList.add("calc-msg--error");
      }
    }
    return result;
  }

  function field(form, name) {
    return form.querySelector(`[name="${name}"]`);
  }

  function read(form, name, parser, opts) {
    const input = field(form, name);
    return mark(input, parser(input.value, opts));
  }

  function out(form, key, text) {
    form.querySelectorAll(`[data-out="${key}"]`).forEach((el) => {
      el.textContent = text;
    });
  }

  /** Clear every result: a bad input never leaves a stale or wrong number on screen. */
  function clearOutputs(form, reason) {
    form.querySelectorAll("[data-out]:not([data-keep])").forEach((el) => {
      el.textContent = DASH;
    });
    const note = form.querySelector("[data-calc-blocked]");
    if (note) note.textContent = reason;
    form._rows = null;
    liveAnnounce(form, reason);
  }

  function unblock(form) {
    const note = form.querySelector("[data-calc-blocked]");
    if (note) note.textContent = "";
  }

  const BLOCKED = "Fix the marked field to see results.";

  /* ---- 1. availability composer */

  function rowFields(row) {
    return {
      name: row.querySelector('[data-field="name"]'),
      a: row.querySelector('[data-field="a"]'),
      n: row.querySelector('[data-field="n"]'),
      k: row.querySelector('[data-field="k"]'),
    };
  }

  /** Renumber the rows: names (the URL keys av1-a …), ids, labels and legends follow the order. */
  function renumberRows(form) {
    const prefix = form.dataset.calcKey || "av";
    form.querySelectorAll("[data-row]").forEach((row, index) => {
      const i = index + 1;
      row.querySelector("legend").textContent = `Component ${i}`;
      const base = `${form.dataset.calcId}-${i}`;
      row.querySelectorAll("[data-field]").forEach((input) => {
        const f = input.dataset.field;
        input.name = `${prefix}${i}-${f}`;
        input.id = `${base}-${f}`;
        const label = row.querySelector(`[data-label="${f}"]`);
        if (label) label.htmlFor = input.id;
        const msg = row.querySelector(`[data-msg="${f}"]`);
        if (msg) {
          msg.id = `${base}-${f}-msg`;
          input.setAttribute("aria-describedby", msg.id);
        }
      });
      const remove = row.querySelector('[data-action="remove-row"]');
      if (remove) remove.setAttribute("aria-label", `Remove component ${i}`);
    });
  }

  function addRow(form, values = {}) {
    const template = form.querySelector("template[data-row-template]");
    const list = form.querySelector("[data-rows]");
    const row = template.content.firstElementChild.cloneNode(true);
    const f = rowFields(row);
    f.name.value = values.name ?? "";
    f.a.value = values.a ?? "99.9";
    f.n.value = values.n ?? "1";
    f.k.value = values.k ?? "1";
    list.appendChild(row);
    renumberRows(form);
    return row;
  }

  function computeAvailability(form) {
    const rows = [...form.querySelectorAll("[data-row]")];
    const groups = [];
    let ok = true;
    rows.forEach((row, index) => {
      const f = rowFields(row);
      const a = mark(f.a, parseProb(f.a.value));
      const n = mark(f.n, parseNumber(f.n.value, { label: "Replicas", integer: true, max: MAX_KOFN, suffixes: false }));
      let k = parseNumber(f.k.value, { label: "Replicas needed", integer: true, max: MAX_KOFN, suffixes: false });
      if (k.ok && n.ok && k.value > n.value) k = fail(`Replicas needed cannot exceed the ${n.value} replicas.`);
      mark(k.ok ? f.k : f.k, k);
      const group = row.querySelector('[data-out="group"]');
      if (!(a.ok && n.ok && k.ok)) {
        ok = false;
        if (group) group.textContent = DASH;
        return;
      }
      const label = f.name.value.trim() || `Component ${index + 1}`;
      groups.push({ q: a.q, n: n.value, k: k.value, label, pct: a.pct, group });
    });
    if (!rows.length) return clearOutputs(form, "Add a component to see results.");
    if (!ok) return clearOutputs(form, BLOCKED);
    unblock(form);
    const result = composite(groups);
    let weakest = 0;
    result.groups.forEach((g, i) => {
      const spec = groups[i];
      if (spec.group) {
        spec.group.textContent =
          spec.n === 1 ? `On its own: ${fmtPercentLn(g.lnQ)}` : `${spec.k} of ${spec.n} up: ${fmtPercentLn(g.lnQ)}`;
      }
      if (g.lnQ > result.groups[weakest].lnQ) weakest = i;
    });
    const availability = fmtPercentLn(result.lnQ);
    out(form, "availability", availability);
    out(form, "nines", fmtNines(result.lnQ));
    const rowsOut = [["Availability", availability], ["Nines", fmtNines(result.lnQ)]];
    for (const p of ["year", "month", "week", "day"]) {
      const s = result.lnQ === -Infinity ? 0 : Math.exp(result.lnQ + Math.log(PERIODS[p]));
      const text = fmtDuration(s, 3, "none");
      out(form, `downtime-${p}`, text);
      rowsOut.push([`Downtime ${PERIOD_LABELS[p]}`, text]);
    }
    const w = groups[weakest];
    const wg = result.groups[weakest];
    const weakText =
      result.lnQ === -Infinity
        ? "none: every component is at 100 %"
        : `${w.label} (${fmtPercentLn(wg.lnQ)}${w.n > 1 ? ", " + w.k + " of " + w.n + " replicas needed" : ""})`;
    out(form, "weakest", weakText);
    rowsOut.push(["Weakest link", weakText]);
    const inputs = groups.map((g, i) => [
      `Component ${i + 1}: ${g.label}`,
      g.n === 1 ? `${g.pct}${NBSP}%` : `${g.n} replicas at ${g.pct}${NBSP}%, ${g.k} needed`,
    ]);
    form._rows = { inputs, results: rowsOut };
    liveAnnounce(form, `Composite availability ${availability}, ${fmtNines(result.lnQ)} nines, weakest link ${weakText}.`);
  }

  /* ---- 2. SLA ↔ downtime */

  function computeDowntime(form) {
    const a = read(form, "dt-a", parseProb);
    const down = read(form, "dt-down", parseDuration, { label: "The downtime", allowZero: true });
    const period = field(form, "dt-period").value in PERIODS ? field(form, "dt-period").value : "month";
    const results = [];
    const inputs = [];
    let announce = [];
    if (a.ok) {
      inputs.push(["Availability", `${a.pct}${NBSP}%`]);
      for (const p of ["year", "month", "week", "day"]) {
        const text = fmtDuration(math.downtimeSeconds(a.q, p), 3, "none");
        out(form, `down-${p}`, text);
        results.push([`Downtime ${PERIOD_LABELS[p]}`, text]);
      }
      out(form, "nines", a.q > 0 ? fmtNines(Math.log(a.q)) : fmtNines(-Infinity));
      announce.push(`${a.pct} % allows ${results[1][1]} per 30-day month`);
    } else {
      form.querySelectorAll('[data-out^="down-"], [data-out="nines"]').forEach((el) => {
        el.textContent = DASH;
      });
    }
    let reverseOk = down.ok;
    if (down.ok && down.value >= PERIODS[period]) {
      reverseOk = false;
      mark(field(form, "dt-down"), fail(`${fmtDuration(down.value)} is not shorter than the period (${PERIOD_LABELS[period].replace("per ", "")}): no availability allows that.`));
    }
    if (reverseOk) {
      const r = math.availabilityFromDowntime(down.value, period);
      const text = fmtPercent(r.a, r.q);
      out(form, "reverse", text);
      out(form, "reverse-nines", r.q > 0 ? fmtNines(Math.log(r.q)) : fmtNines(-Infinity));
      inputs.push([`Downtime ${PERIOD_LABELS[period]}`, field(form, "dt-down").value.trim()]);
      results.push([`Availability for that downtime`, text]);
      announce.push(`${field(form, "dt-down").value.trim()} ${PERIOD_LABELS[period]} is ${text}`);
    } else {
      out(form, "reverse", DASH);
      out(form, "reverse-nines", DASH);
    }
    if (a.ok && reverseOk) unblock(form);
    else {
      const note = form.querySelector("[data-calc-blocked]");
      if (note) note.textContent = BLOCKED;
      announce = [BLOCKED, ...announce];
    }
    form._rows = results.length ? { inputs, results } : null;
    liveAnnounce(form, `${announce.join(". ")}.`);
  }

  /* ---- 3. error budget and burn rate */

  function computeBudget(form) {
    const slo = read(form, "eb-slo", parseProb, { what: "an objective (SLO)", example: "99.9" });
    const windowName = field(form, "eb-window").value in PERIODS ? field(form, "eb-window").value : "month";
    const err = read(form, "eb-err", (raw) => {
      const r = parseProb(raw, { what: "an error rate", example: "0.1" });
      if (!r.ok && /must be above 0/.test(r.error)) return { ok: true, value: 0, q: 1, pct: "0", note: "Read as 0 % errors" };
      if (!r.ok) return r;
      return { ...r, note: r.note.replace(/%$/, "% of requests failing") };
    });
    if (!(slo.ok && err.ok)) return clearOutputs(form, BLOCKED);
    unblock(form);
    const q = slo.q;
    const e = err.value;
    const label = PERIOD_LABELS[windowName].replace("per ", "");
    const budgetText = fmtDuration(math.errorBudgetSeconds(q, windowName), 3, `none: a 100${NBSP}% objective leaves no error budget`);
    out(form, "budget", budgetText);
    let burnText;
    let goneText;
    if (q === 0) {
      burnText = `no budget: at 100${NBSP}% every error breaches the objective`;
      goneText = e === 0 ? "never: no errors" : "immediately: the first error breaches it";
    } else {
      burnText = `${fmtSig(math.burnRate(e, q))}×`;
      goneText = e === 0 ? "never: no errors, no budget spent" : fmtDuration(math.timeToExhaustion(e, q, windowName));
    }
    out(form, "burn", burnText);
    out(form, "gone", goneText);
    const table = form.querySelector("[data-alerts]");
    const none = form.querySelector("[data-no-alerts]");
    if (table) table.hidden = q === 0;
    if (none) none.hidden = q !== 0;
    const tableRows = q === 0 ? [] : alertTable(q, windowName);
    tableRows.forEach((cells, i) => cells.forEach((c, j) => out(form, `alert-${i}-${j}`, c)));
    form._alerts = tableRows;
    form._rows = {
      inputs: [
        ["SLO", `${slo.pct}${NBSP}%`],
        ["Window", label],
        ["Observed error rate", `${err.pct}${NBSP}%`],
      ],
      results: [
        ["Error budget", budgetText],
        ["Burn rate", burnText],
        ["Whole budget gone in", goneText],
      ],
    };
    liveAnnounce(form, `Error budget ${budgetText} per ${label}; burn rate ${burnText}; budget gone in ${goneText}.`);
  }

  /** The cells of macros.budget.burn_rate_table for an SLO complement q and a period. */
  function alertTable(q, period) {
    const pct = (x) => `${fmtSig(x * 100, 3)}${NBSP}%`;
    return math.alertRows(q, period).map((r) => [
      r.notify,
      pct(r.fraction),
      fmtDuration(r.longW),
      fmtDuration(r.shortW),
      `${fmtSig(r.rate)}×`,
      r.threshold > 1 ? `never fires: it would need ${pct(r.threshold)} errors` : pct(r.threshold),
      fmtDuration(r.gone),
    ]);
  }

  /* ---- 4. back-of-envelope estimator */

  const ESTIMATOR_FIELDS = [
    ["est-dau", parseNumber, { label: "Daily active users", max: 1e10, maxText: "10 billion (more people than exist)" }],
    ["est-actions", parseNumber, { label: "Actions per user per day", max: 1e6 }],
    ["est-ratio", parseRatio],
    ["est-peak", parseNumber, { label: "The peak factor", minInclusive: 1, minWhy: "peak over average", max: 100 }],
    ["est-payload", parseSize, { label: "The payload size" }],
    ["est-repl", parseNumber, { label: "Replication", minInclusive: 1, minWhy: "one copy at least", max: 100, suffixes: false }],
    ["est-years", parseNumber, { label: "Retention", max: 100, maxText: "100 years", suffixes: false }],
    ["est-headroom", parseNumber, { label: "Headroom", minInclusive: 1, minWhy: "2 means run at half capacity", max: 100, suffixes: false }],
    ["est-app", parseNumber, { label: "Application server capacity", max: 1e9 }],
    ["est-dbread", parseNumber, { label: "Database read capacity", max: 1e9 }],
    ["est-dbwrite", parseNumber, { label: "Database write capacity", max: 1e9 }],
  ];

  function computeEstimator(form) {
    const v = {};
    let ok = true;
    for (const [name, parser, opts] of ESTIMATOR_FIELDS) {
      const r = read(form, name, parser, opts);
      ok = ok && r.ok;
      v[name] = r.value;
    }
    if (!ok) return clearOutputs(form, BLOCKED);
    unblock(form);
    const { reads, writes } = math.splitActions(v["est-actions"], v["est-ratio"]);
    const avgR = math.avgQps(v["est-dau"], reads);
    const avgW = math.avgQps(v["est-dau"], writes);
    const pf = v["est-peak"];
    const peakR = avgR * pf;
    const peakW = avgW * pf;
    const size = v["est-payload"];
    const perDay = v["est-dau"] * writes * size;
    const kept = math.storageGrowthBytes(avgW, size, v["est-years"], v["est-repl"]);
    const h = v["est-headroom"];
    const results = [
      ["avg-read", "Average reads", fmtRate(avgR)],
      ["avg-write", "Average writes", fmtRate(avgW)],
      ["peak-read", "Peak reads", fmtRate(peakR)],
      ["peak-write", "Peak writes", fmtRate(peakW)],
      ["bw-out", "Egress at peak (reads × payload)", fmtBandwidth(math.bandwidth(peakR, size))],
      ["bw-in", "Ingress at peak (writes × payload)", fmtBandwidth(math.bandwidth(peakW, size))],
      ["storage-day", "New data per day (one copy)", fmtSize(perDay)],
      ["storage-total", "Over the retention, all replicas", fmtSize(kept)],
      ["boxes-app", "Application servers", fmtCount(math.boxCount(peakR + peakW, v["est-app"], h))],
      ["boxes-dbread", "Database read replicas", fmtCount(math.boxCount(peakR, v["est-dbread"], h))],
      ["boxes-dbwrite", "Database write primaries", fmtCount(math.boxCount(peakW, v["est-dbwrite"], h))],
    ];
    for (const [key, , text] of results) out(form, key, text);
    const inputs = ESTIMATOR_FIELDS.map(([name]) => {
      const input = field(form, name);
      const label = form.querySelector(`label[for="${input.id}"]`);
      return [label ? label.textContent.trim() : name, input.value.trim()];
    });
    form._rows = { inputs, results: results.map(([, label, text]) => [label, text]) };
    liveAnnounce(form, `Peak ${results[2][2]} reads and ${results[3][2]} writes; ${results[7][2]} stored; ${results[8][2]} application servers.`);
  }

  /* ---- 5. tail-latency fan-out */

  function computeFanout(form) {
    const p = read(form, "fo-p", parseProb, { what: "a leaf percentile", example: "99", percentile: true });
    const n = read(form, "fo-n", parseNumber, { label: "The fan-out N", integer: true, max: MAX_FANOUT, suffixes: false });
    const target = read(form, "fo-target", parseProb, { what: "a target percentile", example: "99", percentile: true });
    if (!(p.ok && n.ok && target.ok)) return clearOutputs(form, BLOCKED);
    unblock(form);
    const f = math.fanout(p.q, n.value);
    const leaf = math.leafQuantile(target.q, n.value);
    const slow = probText(f.slow, f.within);
    const within = probText(f.within, f.slow);
    const need = probText(leaf.value, leaf.complement);
    out(form, "slow", slow);
    out(form, "within", within);
    out(form, "leaf", need);
    form._rows = {
      inputs: [
        ["Leaf percentile", `p${p.pct}`],
        ["Fan-out N", fmtCount(n.value)],
        ["Target for the whole request", `p${target.pct}`],
      ],
      results: [
        ["Requests waiting on a slow leaf (1 − pᴺ)", slow],
        ["Requests with every leaf within p (pᴺ)", within],
        ["Per-leaf percentile needed (target^(1/N))", need],
      ],
    };
    liveAnnounce(form, `${slow} of requests wait on a leaf slower than p${p.pct}; each leaf needs ${need}.`);
  }

  /* ---- 6. Little's law */

  function computeLittle(form) {
    const solve = (form.querySelector('[name="ll-solve"]:checked') || {}).value || "concurrency";
    const fields = { throughput: "ll-throughput", latency: "ll-latency", concurrency: "ll-concurrency" };
    for (const [key, name] of Object.entries(fields)) {
      const input = field(form, name);
      const solved = key === solve;
      input.disabled = solved;
      input.closest("[data-field-wrap]")?.classList.toggle("calc-field--solved", solved);
    }
    const get = {
      throughput: () => read(form, "ll-throughput", parseNumber, { label: "Throughput", max: 1e12 }),
      latency: () => read(form, "ll-latency", parseDuration, { label: "Latency", max: 7 * DAY, maxText: "a week" }),
      concurrency: () => read(form, "ll-concurrency", parseNumber, { label: "Concurrency", max: 1e12 }),
    };
    const vals = {};
    let ok = true;
    for (const key of Object.keys(fields)) {
      if (key === solve) {
        mark(field(form, fields[key]), { ok: true, note: "Computed below" });
        continue;
      }
      const r = get[key]();
      ok = ok && r.ok;
      vals[key] = r.value;
    }
    if (!ok) return clearOutputs(form, BLOCKED);
    unblock(form);
    let text;
    let label;
    let pool = null;
    if (solve === "concurrency") {
      const l = math.littleConcurrency(vals.throughput, vals.latency);
      text = fmtCount(l);
      label = "Concurrency (requests in flight)";
      pool = Math.ceil(Number(l.toFixed(9)));
    } else if (solve === "throughput") {
      text = fmtRate(math.littleThroughput(vals.concurrency, vals.latency));
      label = "Throughput";
    } else {
      text = fmtDuration(math.littleLatency(vals.concurrency, vals.throughput));
      label = "Latency";
    }
    out(form, "result-label", label);
    out(form, "result", text);
    out(
      form,
      "pool",
      pool === null
        ? "Pool sizing: solve for concurrency."
        : `A pool of at least ${fmtCount(pool)} workers or connections is busy on average; size for the peak, with headroom.`,
    );
    const inputs = Object.keys(fields)
      .filter((k) => k !== solve)
      .map((k) => [k[0].toUpperCase() + k.slice(1), field(form, fields[k]).value.trim()]);
    form._rows = { inputs, results: [[label, text]] };
    liveAnnounce(form, `${label}: ${text}.`);
  }

  const CALCULATORS = {
    availability: { compute: computeAvailability, anchor: "calc-availability", prefix: /^av\d+-(?:name|a|n|k)$/ },
    downtime: { compute: computeDowntime, anchor: "calc-downtime", prefix: /^dt-/ },
    "error-budget": { compute: computeBudget, anchor: "calc-error-budget", prefix: /^eb-/ },
    estimator: { compute: computeEstimator, anchor: "calc-estimator", prefix: /^est-/ },
    fanout: { compute: computeFanout, anchor: "calc-fanout", prefix: /^fo-/ },
    "littles-law": { compute: computeLittle, anchor: "calc-littles-law", prefix: /^ll-/ },
  };

  /* ---- shareable state: the query string */

  function formState(form) {
    const state = [];
    form.querySelectorAll("input[name], select[name]").forEach((el) => {
      if (el.type === "radio" && !el.checked) return;
      state.push([el.name, el.value]);
    });
    return state;
  }

  function writeUrl(form) {
    const spec = CALCULATORS[form.dataset.calc];
    const url = new URL(location.href);
    for (const key of [...url.searchParams.keys()]) if (spec.prefix.test(key)) url.searchParams.delete(key);
    for (const [k, v] of formState(form)) url.searchParams.set(k, v);
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function shareUrl(form) {
    const spec = CALCULATORS[form.dataset.calc];
    const url = new URL(location.href);
    url.search = "";
    for (const [k, v] of formState(form)) url.searchParams.set(k, v);
    url.hash = form.dataset.calcAnchor || spec.anchor;
    return url.href;
  }

  function readUrl(form) {
    const params = new URLSearchParams(location.search);
    const spec = CALCULATORS[form.dataset.calc];
    const keys = [...params.keys()].filter((k) => spec.prefix.test(k));
    if (!keys.length) return;
    if (form.dataset.calc === "availability") {
      const prefix = form.dataset.calcKey || "av";
      const count = Math.min(50, Math.max(0, ...keys.map((k) => Number(/^\D+(\d+)/.exec(k)[1]))));
      const list = form.querySelector("[data-rows]");
      list.replaceChildren();
      for (let i = 1; i <= count; i += 1) {
        const get = (f) => params.get(`${prefix}${i}-${f}`);
        addRow(form, { name: get("name") ?? "", a: get("a") ?? "", n: get("n") ?? "1", k: get("k") ?? "1" });
      }
      return;
    }
    form.querySelectorAll("input[name], select[name]").forEach((el) => {
      if (!params.has(el.name)) return;
      const v = params.get(el.name);
      if (el.type === "radio") el.checked = el.value === v;
      else if (el.tagName === "SELECT") {
        if ([...el.options].some((o) => o.value === v)) el.value = v;
      } else el.value = v;
    });
  }

  /* ---- copy link / copy as Markdown */

  function escapeCell(text) {
    return String(text).replace(/\|/g, "\\|").replace(/\u00a0/g, " ");
  }

  function markdownTable(form) {
    const title = form.getAttribute("aria-label") || "Calculator";
    const rows = form._rows;
    if (!rows) return null;
    const lines = [`| ${escapeCell(title)} | Value |`, "|---|--:|"];
    for (const [k, v] of rows.inputs) lines.push(`| ${escapeCell(k)} | ${escapeCell(v)} |`);
    for (const [k, v] of rows.results) lines.push(`| **${escapeCell(k)}** | **${escapeCell(v)}** |`);
    let text = lines.join("\n");
    if (form._alerts && form._alerts.length) {
      const head = ["Notify", "Budget spent", "Long window", "Short window", "Burn rate", "Alert when error rate >", "Whole budget gone in"];
      text += `\n\n| ${head.join(" | ")} |\n|---|--:|--:|--:|--:|--:|--:|\n`;
      text += form._alerts.map((r) => `| ${r.map(escapeCell).join(" | ")} |`).join("\n");
    }
    return `${text}\n\n[Open this calculation](${shareUrl(form)})\n`;
  }

  async function copyText(form, text) {
    const box = form.querySelector("[data-copy-text]");
    if (box) box.value = text;
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      if (!box) return false;
      box.hidden = false;
      box.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (_) {
        ok = false;
      }
      return ok;
    }
  }

  async function onAction(form, action, button) {
    if (action === "add-row") {
      const row = addRow(form);
      row.querySelector('[data-field="a"]').focus();
      update(form);
    } else if (action === "remove-row") {
      const row = button.closest("[data-row]");
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumberRows(form);
      update(form);
      (next ? next.querySelector('[data-field="a"]') : form.querySelector('[data-action="add-row"]')).focus();
    } else if (action === "copy-link") {
      const ok = await copyText(form, shareUrl(form));
      status(form, ok ? "Link copied: it reopens this calculation." : "Copy failed: the link is selected in the box below.");
    } else if (action === "copy-markdown") {
      const md = markdownTable(form);
      if (!md) {
        status(form, "Nothing to copy yet: fix the marked field first.");
        return;
      }
      const ok = await copyText(form, md);
      status(form, ok ? "Markdown table copied: paste it into the RFC." : "Copy failed: the table is selected in the box below.");
    }
  }

  function update(form) {
    CALCULATORS[form.dataset.calc].compute(form);
  }

  function mount(form) {
    const spec = CALCULATORS[form.dataset.calc];
    if (!spec || form.dataset.calcReady) return;
    form.dataset.calcReady = "true";
    uid += 1;
    const taken = [...document.querySelectorAll("form[data-calc-ready]")].some((f) => f !== form && f.dataset.calcId === form.dataset.calcId);
    if (!form.dataset.calcId || taken) form.dataset.calcId = `${form.dataset.calcId || "calc"}${uid}`;
    uniquifyIds(form);
    if (form.dataset.calc === "availability") renumberRows(form);
    readUrl(form);
    form.addEventListener("submit", (event) => event.preventDefault());
    const onChange = () => {
      update(form);
      writeUrl(form);
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      if (button && form.contains(button)) onAction(form, button.dataset.action, button).then(() => writeUrl(form));
    });
    update(form);
    form.classList.add("calc--ready");
  }

  function mountAll(root = document) {
    root.querySelectorAll("form[data-calc]").forEach(mount);
  }

  window.playbookCalc = { math, fmt, parse, alertTable, mountAll, markdownTable, shareUrl };

  if (typeof window.document$ !== "undefined" && window.document$ && window.document$.subscribe) {
    window.document$.subscribe(() => mountAll());
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => mountAll());
  } else {
    mountAll();
  }
})();
