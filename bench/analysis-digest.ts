/**
 * One SHA-256 of everything the analysis says about the latest version of every document of a corpus
 * (default /work/shared/corpus/ota-contrib): the JSON of every `analyzeText` result, then of every explanation.
 * A speed change must leave both digests as they were.
 *
 * Run: node --import tsx bench/analysis-digest.ts [--corpus DIR]
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { clearClassificationMemo } from "../src/analysis/classify/index.js";
import { explain } from "../src/analysis/explain/index.js";
import { analyzeText } from "../src/analysis/index.js";
import { loadTaxonomy } from "../src/knowledge/index.js";
import { forgetRemembered } from "../src/util/memo.js";
import { latestVersions } from "./corpus.js";

const i = process.argv.indexOf("--corpus");
const corpus = i >= 0 ? process.argv[i + 1]! : "/work/shared/corpus/ota-contrib";
const { byId } = loadTaxonomy();

const analyses = createHash("sha256");
const explanations = createHash("sha256");
const rows = latestVersions(corpus);
for (const row of rows) {
  // As the classify bench does: each document is analysed as if it were the first.
  clearClassificationMemo();
  forgetRemembered();
  const analysis = analyzeText(readFileSync(join(corpus, row.file), "utf8"));
  analyses.update(`${JSON.stringify(analysis)}\n`);
  for (const p of analysis.provisions) {
    for (const c of p.clauses) {
      const type = byId.get(c.type);
      if (type) explanations.update(`${JSON.stringify(explain(c, type, analysis.entities, p))}\n`);
    }
  }
}
console.log(`${rows.length} documents`);
console.log(`analyses     ${analyses.digest("hex")}`);
console.log(`explanations ${explanations.digest("hex")}`);
