/** Reader of the CLAUDETTE corpus layout (`sentences/<Doc>.txt` + line-aligned `tags/<Doc>.txt`). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLAUDETTE_TAGS, type ClaudetteTag } from "../../knowledge/vocabulary.js";
import { TrainingDataError } from "./errors.js";

/** One sentence and its raw tags ("ltd2", "j3", "countrym"…). */
export interface ClaudetteSentence {
  text: string;
  tags: string[];
}

/** One terms-of-service document. */
export interface ClaudetteDocument {
  name: string;
  sentences: ClaudetteSentence[];
}

/** CLAUDETTE category → our clause type (PRODUCT.md section 2). */
export const CLAUDETTE_TYPE: Readonly<Record<ClaudetteTag, string>> = {
  a: "arbitration",
  ch: "unilateral-change",
  cr: "content-removal",
  j: "jurisdiction",
  law: "choice-of-law",
  ltd: "limitation-of-liability",
  ter: "unilateral-termination",
  use: "contract-by-using",
};

function lines(text: string): string[] {
  const out = text.replace(/\r\n?/g, "\n").split("\n");
  if (out.at(-1) === "") out.pop();
  return out;
}

/**
 * Reads every document of a CLAUDETTE folder, sorted by name.
 * @throws TrainingDataError when a document's sentence and tag files differ in length
 */
export function readClaudette(dir: string): ClaudetteDocument[] {
  const names = readdirSync(join(dir, "sentences"))
    .filter((f) => f.endsWith(".txt"))
    .sort();
  return names.map((file) => {
    const sentences = lines(readFileSync(join(dir, "sentences", file), "utf8"));
    const tags = lines(readFileSync(join(dir, "tags", file), "utf8"));
    if (sentences.length !== tags.length) {
      throw new TrainingDataError(
        `${sentences.length} sentences but ${tags.length} tag lines`,
        join(dir, "tags", file),
      );
    }
    return {
      name: file.replace(/\.txt$/, ""),
      sentences: sentences.map((text, i) => ({ text, tags: tags[i]!.split(/\s+/).filter(Boolean) })),
    };
  });
}

/**
 * The categories a sentence carries at one of `levels` (1 = consumer-friendly variant, 2 = potentially unfair,
 * 3 = clearly unfair). Tags without a level digit (`countrym`) and categories outside the eight are ignored.
 */
export function claudetteCategories(tags: readonly string[], levels: readonly number[]): ClaudetteTag[] {
  const out = new Set<ClaudetteTag>();
  for (const tag of tags) {
    const m = /^([a-z]+)(\d)$/.exec(tag);
    if (!m) continue;
    const code = CLAUDETTE_TAGS.find((t) => t === m[1]);
    if (code && levels.includes(Number(m[2]))) out.add(code);
  }
  return [...out];
}
