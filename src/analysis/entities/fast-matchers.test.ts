/** The entity matchers' fast paths find exactly what the reference expressions find. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { explain } from "../explain/index.js";
import { plainText, segment, truncateWords } from "../segment/index.js";
import { DATE_FORMS, dateMatches } from "./dates.js";
import { emailMatches } from "./emails.js";
import { escapeRegex } from "./escape-regex.js";
import {
  DATA_CATEGORIES,
  extractEntities,
  findDataCategories,
  findRetentionPeriods,
  findThirdParties,
  findTransferPlaces,
  KNOWN_THIRD_PARTIES,
  readProvision,
  sentences,
} from "./index.js";
import { isTransferFrame } from "./places.js";

const fixtures = fileURLToPath(new URL("../segment/fixtures/", import.meta.url));
const documents = readdirSync(fixtures)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(join(fixtures, f), "utf8"));

/** findThirdParties as first written: one `u` alternation per case mode, run with matchAll. */
function referenceThirdParties(plain: string): string[] {
  const all: { start: number; end: number; name: string }[] = [];
  for (const caseSensitive of [false, true]) {
    const owner = new Map<string, string>();
    for (const p of KNOWN_THIRD_PARTIES) {
      if (Boolean(p.caseSensitive) !== caseSensitive) continue;
      for (const m of p.match) owner.set(caseSensitive ? m : m.toLowerCase(), p.name);
    }
    const body = [...owner.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join("|");
    const regex = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`,
      caseSensitive ? "gu" : "giu",
    );
    for (const m of plain.matchAll(regex)) {
      const name = owner.get(caseSensitive ? m[0] : m[0].toLowerCase());
      if (name) all.push({ start: m.index, end: m.index + m[0].length, name });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: string[] = [];
  let coveredTo = -1;
  for (const hit of all) {
    if (hit.start < coveredTo) continue;
    coveredTo = hit.end;
    if (!found.includes(hit.name)) found.push(hit.name);
  }
  return found;
}

/** E-mail matches as first found: EMAIL run with matchAll over the whole text. */
function referenceEmailMatches(text: string): { index: number; address: string }[] {
  const email =
    /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
  return [...text.matchAll(email)].map((m) => ({ index: m.index, address: m[0] }));
}

describe("entity fast paths", () => {
  const texts = [
    ...documents,
    ...documents.flatMap((d) => d.split("\n")),
    // Characters where the fast expression must not be used: astral letters, KELVIN SIGN, LONG S.
    "𝐀Google Analytics and Stripe𝐁, Google Analytics 🙂 Stripe",
    "Goo\u212Ale Analytics, \u017Ftripe, Stripe, Amazon Web Services",
    "We use Google Analytics, Mixpanel and AWS; see stripe.com and Square.",
    // Names glued to a letter or digit before them, and a valid name starting inside a glued one.
    "xGoogle Analytics, ÉStripe, 9Square, _Stripe, GoogleGoogle Analytics, xAmazon Web Services AWS",
  ];

  it("finds the same third parties as the unicode expressions", () => {
    for (const text of texts) assert.deepEqual(findThirdParties(text), referenceThirdParties(text), text);
  });

  it("finds the same e-mail addresses as running the expression at every position", () => {
    const tricky = [
      "a@b.com.x@y.com, a@b+c@d.io x .abc@d.com ..q@r.st @@ x@ @y.com privacy@ex.co.uk.",
      "mailto:%20dpo@x.com <support@help.example.org> logo@2x.png first.last+tag@sub-d.example.travel",
      "abc@def@ghi.jk lo_ng-name%x@h.i.jk a@b.c a@b.cd-e @@@x@y.zz",
    ];
    for (const text of [...texts, ...tricky])
      assert.deepEqual(emailMatches(text), referenceEmailMatches(text), text);
  });

  it("finds the same data categories as running every category's regex", () => {
    for (const doc of documents) {
      const sentences = doc.split(/\n|(?<=[.!?])\s+/);
      const reference: string[] = [];
      for (const s of sentences) {
        if (
          /\b(?:do|does|will) not (?:\w+ ){0,2}(?:collect|process|store|request|ask for|require)\b|\bnever (?:collect|process|store|ask for)\b/i.test(
            s,
          )
        )
          continue;
        for (const c of DATA_CATEGORIES)
          if (!reference.includes(c.name) && c.regex.test(s)) reference.push(c.name);
      }
      assert.deepEqual(findDataCategories(sentences), reference);
    }
  });

  it("merges each provision's findings into the document's: the same as reading all its sentences at once", () => {
    const names = [
      "# Partners",
      "We use Google Analytics. Stripe processes payments; Amazon Web Services, Inc. Hosts data in Ireland.",
      "- Meta Platforms, Inc.\n- Square. AWS! Google",
    ].join("\n\n");
    let parties = 0;
    for (const doc of [...documents, names]) {
      const provisions = segment(doc);
      const own = provisions.map((p) => sentences(plainText(p.text)));
      const all = own.flat();
      const frames = provisions.map((p) => [p.headingPath.at(-1) ?? "", p.context ?? ""]);
      const countries: string[] = [];
      own.forEach((list, i) => {
        for (const place of findTransferPlaces(list, frames[i]!.join(" \n ")))
          if (!countries.includes(place)) countries.push(place);
        // Explanations frame a provision with "\n", entities with " \n ": the same topic either way.
        assert.equal(isTransferFrame(frames[i]!.join("\n")), isTransferFrame(frames[i]!.join(" \n ")));
      });
      for (let run = 0; run < 2; run++) {
        const entities = extractEntities(doc, provisions);
        assert.deepEqual(entities.dataCategories, findDataCategories(all));
        assert.deepEqual(entities.retentionPeriods, findRetentionPeriods(all));
        assert.deepEqual(entities.countries, countries);
        assert.deepEqual(entities.thirdParties, findThirdParties(all.join("\n")));
        const exclude = entities.thirdParties.slice(0, 1).map((name) => name.toUpperCase());
        assert.deepEqual(
          extractEntities(doc, provisions, { exclude }).thirdParties,
          findThirdParties(all.join("\n"), exclude),
        );
        parties += entities.thirdParties.length;
      }
      // Explanations read a provision's third parties from its sentences, as they read them from its plain text.
      for (const p of provisions) {
        assert.deepEqual(readProvision(p.text).thirdParties(), findThirdParties(plainText(p.text)), p.text);
      }
    }
    assert.ok(parties > 10, String(parties));
  });

  it("explains a provision the same when its facts come from the per-provision cache", () => {
    const provision = documents.flatMap((d) => segment(d)).find((p) => /@/.test(p.text))!;
    const classification = {
      type: "privacy-contact",
      name: "Privacy contact",
      confidence: 0.9,
      confidenceLevel: "High" as const,
      polarity: "neutral" as const,
      severity: "low" as const,
      evidence: { start: provision.start, end: provision.end, text: provision.text },
      source: "pattern" as const,
      reasons: [],
    };
    const type = {
      id: "privacy-contact",
      name: "Privacy contact",
      explanation: {
        whatItIs: "{platform}.",
        whyItMatters: "x",
        consumerImpact: "y",
        whatYouCanDo: ["z {contact}"],
      },
    };
    const entities = {
      thirdParties: ["Google Analytics"],
      emails: ["privacy@example.com"],
      dates: [],
      retentionPeriods: [],
      countries: [],
      dataCategories: [],
    };
    const first = explain(classification, type, entities, provision);
    assert.deepEqual(explain(classification, type, entities, provision), first);
    // Evidence that is the whole provision is quoted from the reading's plain text: the same as reading it again.
    for (const marked of documents.flatMap((d) => segment(d)).filter((p) => /\]\(|\*\*|&\w+;/.test(p.text))) {
      const whole = {
        ...classification,
        evidence: { start: marked.start, end: marked.end, text: marked.text },
      };
      const quote = `The provision says: “${truncateWords(plainText(marked.text), 240)}”`;
      assert.equal(explain(whole, type, entities, marked).specifics[0], quote);
    }
    assert.deepEqual(explain(classification, type, entities, { ...provision }), first);
    // A provision edited in place is read again.
    const edited = { ...provision };
    explain(classification, type, entities, edited);
    edited.text = "Write to privacy@other.example about cookies.";
    assert.notDeepEqual(explain(classification, type, entities, edited).specifics, first.specifics);
  });
});

describe("date matching in the parts of a text that hold a year", () => {
  it("finds what every form finds over the whole text", () => {
    const tricky = [
      "Effective: (June 15, 2023) [15 June 2023](x) _2023-06-15_ 2023-06-15T10:00 06/15/2023: October\u00a02019.",
      "Updated 1st of January,\n2024 | 2024-13-45 | 31 February 2024 | 12345678 | x2023 | 2023-06-15-01 | Sept. 3 2022",
      "Ｊune 15, 2023 June 15, 2023\u212a \u017f 5 May 2026/2027 Jan. 2020,2021",
    ];
    for (const text of [...documents, ...tricky]) {
      const reference = DATE_FORMS.flatMap((form) =>
        [...text.matchAll(form.regex)].map((m) => [DATE_FORMS.indexOf(form), m.index, ...m]),
      );
      const found = [...dateMatches(text)].map(({ form, start, match }) => [
        DATE_FORMS.indexOf(form),
        start,
        ...match,
      ]);
      assert.deepEqual(found, reference, text.slice(0, 80));
    }
  });
});
