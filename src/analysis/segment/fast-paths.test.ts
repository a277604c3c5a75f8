/**
 * Provision keys read words with a code-unit scanner between markup spans and normalise plain ASCII words
 * without regexes: the significant words are exactly those of the key's words as first written (markup blanked
 * out, the `u` regex, every word through `keyWord`).
 * Plain text skips the Markdown replacements on texts without any character they need: the same text results.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { plainText } from "./markdown-text.js";
import { assignProvisionKeys, baseProvisionKey, keyWord, significantWords } from "./provision-key.js";
import { segment } from "./segment.js";

function referenceCollect(markdown: string, windowLength: number, limit: number): string[] {
  const cut = markdown.length > windowLength;
  const cleaned = (cut ? markdown.slice(0, windowLength) : markdown).replace(
    /!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]*>|&#?\w+;|https?:\/\/\S+/g,
    " ",
  );
  const out: string[] = [];
  for (const m of cleaned.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (out.length >= limit) break;
    if (cut && m.index + m[0].length === cleaned.length) break;
    const key = keyWord(m[0]);
    if (key !== null) out.push(key);
  }
  return out;
}

function referenceSignificant(markdown: string, limit: number): string[] {
  const short = referenceCollect(markdown, 240, limit);
  if (short.length >= limit || markdown.length <= 240) return short;
  return referenceCollect(markdown, 1000, limit);
}

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const texts = readdirSync(fixtures)
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) => readFileSync(join(fixtures, f), "utf8").split("\n\n"));
const tricky = [
  "Ⅻ. Über die Nutzung — Café ǅungla İstanbul ſtore ① 2024 XIV ix",
  "[Privacy](https://x.com/a) <b>We</b> &amp; &#160; collect **your** data https://example.com/p?q=1 today",
  `${"word ".repeat(47)}cutword and more`,
  `${"[a](https://example.com/very/long) ".repeat(8)}then the real words of this provision finally appear here`,
  "𝐖𝐞 collect 𝐝𝐚𝐭𝐚 from partners and advertisers",
];

describe("provision key fast paths", () => {
  it("finds the same significant words as the reference on real paragraphs and tricky texts", () => {
    for (const text of [...texts, ...tricky]) {
      for (const limit of [8, 10, 100]) {
        assert.deepEqual(significantWords(text, limit), referenceSignificant(text, limit), text.slice(0, 80));
      }
    }
  });
});

/** plainText as first written: every replacement on every text. */
function referencePlain(markdown: string): string {
  const names: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  const emphasis = /(\*{1,3}|_{1,3}|~~)(?=\S)([^*_~]*?\S)\1/g;
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->/g, " ")
    .replace(emphasis, "$2")
    .replace(emphasis, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
      return names[lower] ?? " ";
    })
    .replace(/\s+/g, " ")
    .trim();
}

describe("provision keys of a document", () => {
  it("are each provision's base key, hashed once per distinct heading or lead, with its occurrence suffix", () => {
    for (const document of readdirSync(fixtures).filter((f) => f.endsWith(".md"))) {
      const provisions = segment(readFileSync(join(fixtures, document), "utf8"));
      const seen = new Map<string, number>();
      const reference = provisions.map((p) => {
        const base = baseProvisionKey(p.headingPath, p.text);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return n === 1 ? base : `${base}~${n}`;
      });
      assert.deepEqual(assignProvisionKeys(provisions), reference);
    }
  });
});

describe("plain text fast path", () => {
  it("gives the reference's text on real paragraphs, lines and whitespace variants", () => {
    const lines = texts.flatMap((t) => t.split("\n"));
    const spaced = [" a  b ", "a\u00a0b", "a\tb\n", "\u2003lead", "plain words only", "", "   "];
    for (const text of [...texts, ...lines, ...tricky, ...spaced]) {
      assert.equal(plainText(text), referencePlain(text), text.slice(0, 80));
    }
  });
});
