/**
 * What each pattern would do if it were decisive: for every pattern that is not (and needs no lead-in), the reading
 * figures' counts on the labelled sets with that one pattern made decisive, against the taxonomy as it is, in the
 * same run. A decisive pattern predicts its type on its wording alone, where the model has seen too little of it
 * (BENCHMARKS.md, eighth stop); this is how the ones made decisive were chosen, and the findings a candidate adds
 * across the corpus still need reading before it is kept.
 *
 * Run: node --import tsx bench/decisive-sweep.ts [--sets study,dev,heldout] [--only id,id] [--out FILE]
 *   --sets: the labelled sets of bench/findings.ts to score on (default all three studied or held out)
 *   --only: these pattern ids only (default every candidate: about 4 s each on the three sets)
 *   --out: where to write the rows as JSON (default bench/out/decisive-sweep.json)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { argValue } from "../scripts/argv.js";
import { classify } from "../src/analysis/classify/index.js";
import { type LabelledDocument, readLabelledDocuments } from "../src/analysis/eval/reading-labels.js";
import { combineScores, type ReadingCounts, scoreDocument } from "../src/analysis/eval/reading-score.js";
import { segment } from "../src/analysis/segment/index.js";
import { type ClauseType, loadTaxonomy } from "../src/knowledge/index.js";
import type { Provision } from "../src/model/index.js";
import { READING_SET_DIRS } from "./reading-sets.js";

const SETS = (argValue("--sets") ?? "study,dev,heldout").split(",");
for (const s of SETS) {
  if (!READING_SET_DIRS[s]) {
    console.error(`unknown set ${s}: expected some of ${Object.keys(READING_SET_DIRS).join(", ")}`);
    process.exit(2);
  }
}
const ONLY = argValue("--only")?.split(",");
const OUT = resolve(argValue("--out") ?? "bench/out/decisive-sweep.json");

/** A labelled document with its provisions, segmented once for every run. */
interface Prepared {
  doc: LabelledDocument;
  segments: Provision[];
}

const prepared = new Map<string, Prepared[]>(
  SETS.map((s) => {
    const dir = READING_SET_DIRS[s]!;
    const docs = readLabelledDocuments(join(dir, "labels"), join(dir, "documents"));
    return [s, docs.map((doc) => ({ doc, segments: segment(doc.text) }))];
  }),
);

/** The counts on each set with the classifier reading `types`. */
function countsWith(types: readonly ClauseType[]): Record<string, ReadingCounts> {
  return Object.fromEntries(
    [...prepared].map(([set, docs]) => [
      set,
      combineScores(
        docs.map(({ doc, segments }) =>
          scoreDocument(doc, classify(segments, doc.text, { taxonomy: { types } })),
        ),
      ).counts,
    ]),
  );
}

/** The counts that say what a change does to the shown findings and to recall. */
const KEYS = ["typeRight", "shown", "found", "highDeserved", "high", "polarInverted"] as const;
type Delta = Record<(typeof KEYS)[number], number>;

const taxonomy = loadTaxonomy();
const base = countsWith(taxonomy.types);
const candidates = taxonomy.types.flatMap((type) =>
  type.patterns
    .filter((p) => !p.decisive && p.leadInRequires === undefined && (!ONLY || ONLY.includes(p.id)))
    .map((pattern) => ({ type, pattern })),
);
console.log(`${candidates.length} candidate patterns, ${SETS.join(", ")}; base: ${JSON.stringify(base)}`);

const rows = candidates.map(({ type, pattern }, i) => {
  const types = taxonomy.types.map((t) =>
    t !== type
      ? t
      : { ...t, patterns: t.patterns.map((p) => (p === pattern ? { ...p, decisive: true } : p)) },
  );
  const counts = countsWith(types);
  const delta = Object.fromEntries(
    SETS.map((set) => [
      set,
      Object.fromEntries(KEYS.map((k) => [k, counts[set]![k] - base[set]![k]])) as Delta,
    ]),
  );
  if ((i + 1) % 25 === 0) console.error(`${i + 1} of ${candidates.length}`);
  return { type: type.id, pattern: pattern.id, delta };
});

const sum = (r: (typeof rows)[number], k: (typeof KEYS)[number]): number =>
  SETS.reduce((s, set) => s + r.delta[set]![k], 0);
const changed = rows.filter((r) => KEYS.some((k) => sum(r, k) !== 0));
changed.sort((a, b) => sum(b, "found") - sum(a, "found") || sum(b, "typeRight") - sum(a, "typeRight"));
console.log(
  "pattern (type): right/shown added, labels found added, deserved/high added, inverted added — all sets",
);
for (const r of changed) {
  console.log(
    `${`${r.pattern} (${r.type})`.padEnd(58)} ${sum(r, "typeRight")}/${sum(r, "shown")}  found ${sum(r, "found")}  high ${sum(r, "highDeserved")}/${sum(r, "high")}  inverted ${sum(r, "polarInverted")}`,
  );
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ sets: SETS, base, rows: changed }, null, 2)}\n`);
console.log(`${changed.length} of ${rows.length} patterns change something; wrote ${OUT}`);
