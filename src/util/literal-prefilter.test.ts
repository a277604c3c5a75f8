import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { escapeRegex } from "../analysis/entities/escape-regex.js";
import { DATA_CATEGORIES } from "../analysis/entities/index.js";
import { compileRegex, loadTaxonomy } from "../knowledge/index.js";
import { LiteralPrefilters, regexLiterals } from "./literal-prefilter.js";

const fixtures = fileURLToPath(new URL("../analysis/segment/fixtures/", import.meta.url));

/** Lines of the segmentation fixtures (real policies) and their sentences: texts the prefilters meet. */
function realTexts(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith(".md"))) {
    for (const line of readFileSync(join(fixtures, name), "utf8").split("\n")) {
      if (!line.trim()) continue;
      out.push(line, ...line.split(/(?<=[.!?])\s+/));
    }
  }
  return out;
}

/** Every expression of the taxonomy (patterns and rules, main, requires and excludes), compiled. */
function taxonomyRegexes(): RegExp[] {
  const specs = loadTaxonomy().types.flatMap((t) => [
    ...t.patterns,
    ...t.polarityRules,
    ...t.severityRules.lower,
    ...t.severityRules.raise,
  ]);
  return specs.flatMap((s) =>
    [s.regex, s.requires, s.excludes].flatMap((src) =>
      src === undefined ? [] : [compileRegex(src, s.flags)],
    ),
  );
}

describe("regexLiterals", () => {
  it("reads required strings through alternation, optional parts and unknown atoms", () => {
    assert.deepEqual(regexLiterals(/\bgender\b/i).literals, ["gender"]);
    assert.deepEqual(regexLiterals(/\b(?:your|full) names?\b/i).literals, ["your name", "full name"]);
    assert.deepEqual(regexLiterals(/(ab|cd)\1xyz/).literals, ["xyz"]);
    assert.deepEqual(regexLiterals(/\x41BCdef/i).literals, ["bcdef"]);
    assert.deepEqual(regexLiterals(/(?<!precise )location data/i).literals, ["location data"]);
    assert.deepEqual(regexLiterals(/Stripe/).literals, ["Stripe"]);
  });

  it("gives no prefilter when every match could avoid literals", () => {
    assert.equal(regexLiterals(/\w+/).literals, null);
    assert.equal(regexLiterals(/(?:sell)?/i).literals, null);
    assert.equal(regexLiterals(/a*|b/).literals, null);
    assert.equal(regexLiterals(/é/i).literals, null); // non-ASCII literals are never relied on
  });
});

describe("LiteralPrefilters", () => {
  it("never rules out a text that a data-category or taxonomy regex matches (real policies)", () => {
    const prefilters = new LiteralPrefilters();
    const regexes = [...DATA_CATEGORIES.map((c) => c.regex), ...taxonomyRegexes()];
    const handles = regexes.map((r) => prefilters.add(r));
    let skipped = 0;
    let matched = 0;
    for (const text of realTexts()) {
      regexes.forEach((regex, k) => {
        const may = prefilters.mayMatch(handles[k]!, text);
        const does = regex.test(text);
        if (does) matched++;
        if (!may) skipped++;
        assert.ok(may || !does, `prefilter ruled out /${regex.source}/${regex.flags} on: ${text}`);
      });
    }
    // The prefilter must also be worth having: it rules out most (regex, text) pairs.
    assert.ok(matched > 100 && skipped > 10 * matched, `matched ${matched}, skipped ${skipped}`);
  });

  it("finds exactly the literals a text holds, as includes does (real policies, taxonomy literals)", () => {
    const literals = [
      ...new Set(
        [...DATA_CATEGORIES.map((c) => c.regex), ...taxonomyRegexes()].flatMap(
          (r) => regexLiterals(r).literals ?? [],
        ),
      ),
    ].filter((l) => /^[\x20-\x7e]+$/.test(l));
    const prefilters = new LiteralPrefilters();
    const handles = literals.map((l) => prefilters.add(new RegExp(escapeRegex(l), "i")));
    let found = 0;
    for (const text of realTexts().slice(0, 400)) {
      const lower = text.toLowerCase();
      const each = prefilters.mayMatchEach(handles, text);
      literals.forEach((l, k) => {
        assert.equal(each[k] === 1, lower.includes(l), `${l} in: ${text}`);
        if (each[k] === 1) found++;
      });
    }
    assert.ok(literals.length > 1000 && found > 1000, `${literals.length} literals, ${found} found`);
  });

  it("finds literals that end inside others and overlap them (the automaton's fail and output links)", () => {
    const prefilters = new LiteralPrefilters();
    const words = ["he", "she", "his", "hers", "sharing", "haring with"];
    const handles = words.map((w) => prefilters.add(new RegExp(w, "i")));
    const found = (text: string): string[] =>
      words.filter((_, k) => prefilters.mayMatchEach(handles, text)[k] === 1);
    assert.deepEqual(found("USHERS"), ["he", "she", "hers"]);
    assert.deepEqual(found("this"), ["his"]);
    assert.deepEqual(found("sharing with"), ["sharing", "haring with"]);
    assert.deepEqual(found("shari"), []);
  });

  it("answers for many regexes at once as for each alone", () => {
    const regexes = [/\bcookies?\b/i, /\bGPS\b/, /data|information/i, /\w+/, /\bſtore\b/iu];
    const prefilters = new LiteralPrefilters();
    const handles = regexes.map((r) => prefilters.add(r));
    for (const text of [...realTexts().slice(0, 300), "We use GPS and cookies", "Kelvin \u212A ſtore", ""]) {
      const each = prefilters.mayMatchEach(handles, text);
      handles.forEach((handle, k) => {
        assert.equal(each[k] === 1, prefilters.mayMatch(handle, text), text);
      });
    }
  });

  it("lets KELVIN SIGN and LONG S through for case-folding unicode regexes", () => {
    const prefilters = new LiteralPrefilters();
    const regex = /cookies/iu;
    const handle = prefilters.add(regex);
    const text = "We use coo\u212Aie\u017F.";
    assert.ok(regex.test(text));
    assert.ok(prefilters.mayMatch(handle, text));
    assert.equal(prefilters.mayMatch(handle, "We use biscuits."), false);
  });

  it("answers for a regex registered after a text was scanned", () => {
    const prefilters = new LiteralPrefilters();
    const a = prefilters.add(/alpha/i);
    assert.equal(prefilters.mayMatch(a, "alpha beta"), true);
    const b = prefilters.add(/beta/i);
    assert.equal(prefilters.mayMatch(b, "alpha beta"), true);
    assert.equal(prefilters.mayMatch(b, "alpha gamma"), false);
  });
});
