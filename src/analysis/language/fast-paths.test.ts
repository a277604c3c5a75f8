/**
 * The language guess reads words with a code-unit scanner between markup spans, and without the e-mail branch of
 * the markup expression on texts without "@": it gives exactly what the guess as first written gives.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { detectLanguage, eachMarkup, LANGUAGES, stopWord, WEIGHTS } from "./detect-language.js";
import { STOP_WORDS } from "./stop-words.js";

/** The guess as first written: markup blanked out, the `u` regex, maps of scores. */
function referenceGuess(text: string) {
  const weights = new Map<string, Map<string, number>>();
  for (const [language, words] of Object.entries(STOP_WORDS)) {
    for (const word of new Set(words.split(" "))) {
      const entry = weights.get(word) ?? new Map<string, number>();
      entry.set(language, 1);
      weights.set(word, entry);
    }
  }
  for (const entry of weights.values())
    for (const language of entry.keys()) entry.set(language, 1 / entry.size);
  const read =
    text.length <= 40_000
      ? text
      : `${text.slice(0, 20_000)}\n${text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 20_000)}`;
  const scores = new Map<string, number>(LANGUAGES.map((language) => [language, 0]));
  let hits = 0;
  for (const m of read
    .replace(/\]\([^)]*\)|https?:\/\/\S+|<[^>]*>|[\w.+-]+@[\w.-]+/g, " ")
    .matchAll(/\p{L}+/gu)) {
    const entry = weights.get(m[0].toLowerCase());
    if (!entry) continue;
    hits += 1;
    for (const [language, weight] of entry) scores.set(language, scores.get(language)! + weight);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [bestLanguage, best] = ranked[0]!;
  const second = ranked[1]?.[1] ?? 0;
  if (hits < 2 || best === 0) return { language: "und", confidence: 0, isEnglish: false };
  const confidence = Math.round(((best - second) / best) * Math.min(1, hits / 20) * 100) / 100;
  return { language: bestLanguage, confidence, isEnglish: bestLanguage === "en" };
}

const here = fileURLToPath(new URL(".", import.meta.url));
const documents = [join(here, "fixtures"), join(here, "../segment/fixtures")].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => readFileSync(join(dir, f), "utf8")),
);
const tricky = [
  "Nous 𝐧𝐞 vendons pas vos données, et le 𝐖𝐞 sell est en anglais.",
  "Écrivez à privacy@example.com ou <a href='x'>ici</a> et lisez [la politique](https://ex.com/a) — DIE Daten",
  "İSTANBUL İle die und der the of ΣΟΦΊΑ a+b@c.d+e@f.g de la le",
];

describe("language guess fast paths", () => {
  it("guesses exactly like the reference on real policies, their paragraphs and tricky texts", () => {
    const paragraphs = documents.flatMap((d) => d.split("\n\n"));
    for (const text of [...documents, ...paragraphs, ...tricky]) {
      assert.deepEqual(detectLanguage(text), referenceGuess(text), text.slice(0, 80));
    }
  });

  it("looks words up in place as their lower-cased strings are looked up, ASCII or not", () => {
    const words = [
      ...Object.values(STOP_WORDS).flatMap((list) => list.split(" ")),
      ...documents.flatMap((d) => d.match(/\p{L}+/gu) ?? []),
    ];
    const cased = words.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]);
    const odd = [
      "İn",
      "İN",
      "ın",
      "THE",
      "tHe",
      "ſo",
      "\u212Aan",
      "für",
      "FÜR",
      "être",
      "ÊTRE",
      "de",
      "dé",
      "a",
      "A",
      "z",
    ];
    let stop = 0;
    for (const word of [...cased, ...odd]) {
      const text = ` ${word}.`;
      const reference = WEIGHTS.get(word.toLowerCase());
      assert.deepEqual(stopWord(text, 1, 1 + word.length), reference, word);
      if (reference) stop++;
    }
    assert.ok(stop > 1000, String(stop));
  });

  it("finds the markup spans a global search for the whole markup expression finds", () => {
    const markup = /\]\([^)]*\)|https?:\/\/\S+|<[^>]*>|[\w.+-]+@[\w.-]+/g;
    const emails = [
      "a@b+c@d x@ @y a@b@c.d ..q@r.st @@ ](x)foo@bar.com <a@b> http://x@y.z/p mail:me@ex.co+you@ex.org",
      "[write](mailto:dpo@ex.com)dpo@ex.com.<b>x@y</b>@z a.b+c-d_e@f-g.h_i@j k@-l m@.n o@_ ](p@q) https://r@s",
    ];
    let spans = 0;
    for (const text of [...documents, ...documents.flatMap((d) => d.split("\n")), ...tricky, ...emails]) {
      const mine: [number, number][] = [];
      eachMarkup(text, (start, end) => {
        mine.push([start, end]);
      });
      const reference = [...text.matchAll(markup)].map((m): [number, number] => [
        m.index,
        m.index + m[0].length,
      ]);
      assert.deepEqual(mine, reference, text.slice(0, 80));
      spans += mine.length;
    }
    assert.ok(spans > 100, String(spans));
  });

  it("never shortens a word by lower-casing it, so longer words are skipped unread", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (ch.toLowerCase().length < 1) assert.fail(`U+${c.toString(16)}`);
    }
  });
});
