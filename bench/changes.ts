/**
 * Change-intelligence benchmark over the real histories of /work/shared/corpus/ota-contrib (ODC-By 1.0, Open
 * Terms Archive contributors): change records for every pair of consecutive versions of each document.
 *
 * Reports throughput (pairs/s on this one process, with and without segmentation + classification), the share
 * of technical-upgrade versions ("Apply technical or declaration upgrade", "Refilter") classed substantive
 * (aim < 10 %), the share of date-only pairs classed minor (aim 100 %; detected here independently of the
 * rules under test), and the distribution of kinds and severities. Writes bench/out/changes.json and ten
 * seeded random summaries with their diffs to bench/out/changes-spotcheck.md.
 *
 * Run: node --import tsx bench/changes.ts [--corpus DIR] [--limit N] [--no-classify]
 * (--no-classify: segmentation only, every provision unclassified — fast, for iterating on the rules.)
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { argValue } from "../scripts/argv.js";
import { reextractionOf } from "../src/archive/ota/commit-kinds.js";
import { analyzeVersion, segmentOnly } from "../src/changes/analyze-version.js";
import { factMisses, loadFactPairs } from "../src/changes/fact-check.js";
import { computeChangeRecord, diffProvisions, renderDiffText } from "../src/changes/index.js";
import { countWords } from "../src/changes/words.js";
import type { ChangeKind, ChangeRecordData, ClassifiedProvision, Severity } from "../src/model/index.js";

interface ManifestRow {
  service: string;
  termsType: string;
  date: string;
  file: string;
  commitKind: string;
  sha256: string;
}

const CORPUS = argValue("--corpus") ?? "/work/shared/corpus/ota-contrib";
const LIMIT = Number(argValue("--limit") ?? Number.POSITIVE_INFINITY);
const OUT = "bench/out";
const ANALYZE = process.argv.includes("--no-classify") ? segmentOnly : analyzeVersion;
const TECHNICAL_COMMITS = new Set(["Apply technical or declaration upgrade", "Refilter"]);

// Independent date-only detector: a different, deliberately plain expression from the one in src/changes.
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const BENCH_DATE = new RegExp(
  [
    `(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS}),?\\s+\\d{4}`,
    `(?:${MONTHS}),?\\s+\\d{4}`,
    "\\d{4}-\\d{2}-\\d{2}",
    "\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}",
  ].join("|"),
  "gi",
);
/**
 * Words of a version's content, counted independently of src/changes: letter runs, lower-cased, with Markdown
 * link targets dropped. Two versions whose word counts differ by less than {@link CONTENT_WORDS} have (almost)
 * the same content, whatever their layout.
 */
function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of text
    .replace(/\]\([^)]*\)/g, "]")
    .toLowerCase()
    .match(/[a-z]+/g) ?? [])
    bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}
const CONTENT_WORDS = 20;
function contentWordsChanged(a: string, b: string): number {
  const x = wordBag(a);
  const y = wordBag(b);
  let changed = 0;
  for (const [w, n] of x) changed += Math.abs(n - (y.get(w) ?? 0));
  for (const [w, n] of y) if (!x.has(w)) changed += n;
  return changed;
}

function dateOnlyPair(a: string, b: string): boolean {
  return a !== b && a.replace(BENCH_DATE, "<date>") === b.replace(BENCH_DATE, "<date>");
}

/** Lines of `a` missing from `b` (as a multiset), trimmed and non-empty. */
function linesMissing(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  const out: string[] = [];
  for (const l of a) {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    else out.push(l);
  }
  return out;
}

/** Words a short date line may have: "Last updated: 5 March 2024", "Effective Date in EEA, UK, and Switzerland: …". */
const DATE_LINE_WORDS = 15;

/**
 * Pairs whose only differing lines are short lines with a year in them (date stamps in any wording: "Last
 * modified" → "Last updated", "[1] May 2026" → "5 May 2026", "©2018" → "©2019"), by a line comparison
 * independent of src/changes. None of them should be substantive.
 */
function dateLinesOnly(a: string, b: string): boolean {
  if (a === b) return false;
  const x = a
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const y = b
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const changed = [...linesMissing(x, y), ...linesMissing(y, x)];
  return (
    changed.length > 0 &&
    changed.every(
      (l) => /\b(?:19|20)\d\d\b/.test(l) && (l.match(/[\p{L}\p{N}]+/gu) ?? []).length <= DATE_LINE_WORDS,
    )
  );
}

/** Mulberry32: small seeded PRNG so that the spot-check sample is reproducible. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PairResult {
  doc: string;
  from: string;
  to: string;
  commitKind: string;
  kind: ChangeKind;
  severity: Severity;
  identical: boolean;
  dateOnly: boolean;
  /** Only short date lines differ (line comparison): the issue's date-only pairs. */
  dateLines: boolean;
  /** Deltas of the record (clause-level differences named). */
  deltas: number;
  /** Words gained or lost between the versions, by the independent word count above. */
  contentWords: number;
  summary: string[];
  diff: string;
  changes: number;
  /** The newer text is identical to a version recorded before the older one (a return). */
  returns: boolean;
  /** Substantive changes to provisions present in both versions (wording changed, not extraction scope). */
  reworded: number;
  /** SHA-256 of the stored parts of the record: a speed change must leave every one of them as it was. */
  digest: string;
}

const rows = readFileSync(join(CORPUS, "manifest.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as ManifestRow);
const docs = new Map<string, ManifestRow[]>();
for (const row of rows) {
  const id = `${row.service}/${row.termsType}`;
  const list = docs.get(id);
  if (list) list.push(row);
  else docs.set(id, [row]);
}

/**
 * CPU milliseconds of this process since `start` (user + system). CPU time rather than wall time: the bench
 * shares two cores with other jobs, and wall time would measure the machine's load, not this code.
 */
function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** SHA-256 of what a change record stores: kind, severity, headline, summary, deltas, provision changes. */
function recordDigest(record: ChangeRecordData): string {
  const { kind, severity, headline, summary, deltas, provisionChanges } = record;
  return createHash("sha256")
    .update(JSON.stringify({ kind, severity, headline, summary, deltas, provisionChanges }))
    .digest("hex");
}

let analysisMs = 0;
let recordMs = 0;
let baselineMs = 0;
let analysedVersions = 0;
// Stands in for version ids in the summaries' citations.
let versionCount = 0;
const results: PairResult[] = [];
for (const [doc, versions] of docs) {
  if (results.length >= LIMIT) break;
  let previous: { text: string; words: number; provisions: ClassifiedProvision[]; row: ManifestRow } | null =
    null;
  // Texts seen so far in this document, by SHA-256: the version a later one may return to.
  const seen = new Map<string, { versionId: number; recordedAt: string }>();
  for (const row of versions) {
    const text = readFileSync(join(CORPUS, row.file), "utf8");
    let t = process.cpuUsage();
    const provisions = ANALYZE(text);
    analysisMs += cpuMsSince(t);
    // Each version counted once, as the record's pipeline would (the after of one record, the before of the next).
    t = process.cpuUsage();
    const words = countWords(text);
    recordMs += cpuMsSince(t);
    analysedVersions++;
    if (previous) {
      t = process.cpuUsage();
      const record = computeChangeRecord({
        beforeText: previous.text,
        afterText: text,
        before: previous.provisions,
        after: provisions,
        returnsTo: previous.row.sha256 === row.sha256 ? null : (seen.get(row.sha256) ?? null),
        reextraction: reextractionOf(row.commitKind),
        wordCounts: { before: previous.words, after: words },
      });
      recordMs += cpuMsSince(t);
      // Baseline in the same run: matching the provisions alone, without judging, deltas or summaries.
      t = process.cpuUsage();
      diffProvisions(previous.provisions, provisions);
      baselineMs += cpuMsSince(t);
      results.push({
        doc,
        from: previous.row.date,
        to: row.date,
        commitKind: row.commitKind,
        kind: record.kind,
        severity: record.severity,
        identical: previous.text === text,
        dateOnly: dateOnlyPair(previous.text, text),
        dateLines: dateLinesOnly(previous.text, text),
        deltas: record.deltas.length,
        contentWords: contentWordsChanged(previous.text, text),
        summary: record.summary,
        diff: renderDiffText(record.provisionChanges, { color: false }),
        changes: record.provisionChanges.length,
        returns: record.summary[0]?.startsWith("Returns to the exact text") ?? false,
        reworded: record.provisionChanges.filter((c) => c.change === "modified" && c.kind === "substantive")
          .length,
        digest: recordDigest(record),
      });
    }
    previous = { text, words, provisions, row };
    seen.set(row.sha256, { versionId: ++versionCount, recordedAt: row.date });
  }
}

const count = <T>(items: readonly T[], pred: (x: T) => boolean): number => items.filter(pred).length;
const share = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
const tally = (items: readonly PairResult[], key: (r: PairResult) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of items) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};

/** Whether a record says the document's own date moved forward (see `reextractionLine`). */
const platformDated = (r: PairResult): boolean =>
  r.summary.some((line) => line.includes("the document's own date moved from"));
const technical = results.filter((r) => TECHNICAL_COMMITS.has(r.commitKind) && !r.identical);
// Technical upgrades re-extract the latest capture, which may be newer than the last version: those whose
// words changed substantially carry real changes at the source, the others are the extraction noise proper.
const technicalSameWords = technical.filter((r) => r.contentWords < CONTENT_WORDS);
const dateOnly = results.filter((r) => r.dateOnly);
const dateLines = results.filter((r) => r.dateLines);
// The hand-checked pairs (test/fixtures/changes): share whose record names every fact, kind and severity.
const factPairs = loadFactPairs(join("test", "fixtures", "changes"), ".");
const factFailures = factPairs
  .map(({ pair, beforeText, afterText }) => ({
    pair,
    misses: factMisses(pair, computeChangeRecord({ beforeText, afterText, analyze: ANALYZE })),
  }))
  .filter((f) => f.misses.length > 0);
const pairs = results.length;
const perPairAnalysisMs = analysisMs / Math.max(1, analysedVersions);
const figures = {
  corpus: CORPUS,
  documents: docs.size,
  pairs,
  identicalPairs: count(results, (r) => r.identical),
  // One digest of every record, in corpus order: equal digests mean byte-identical records (per pair in
  // bench/out/changes-digests.txt, to find the ones that differ).
  recordsDigest: createHash("sha256")
    .update(results.map((r) => r.digest).join("\n"))
    .digest("hex"),
  throughput: {
    clock: "process CPU time (user + system), one process",
    pairsPerSecondRecordOnly: Math.round(pairs / (recordMs / 1000)),
    pairsPerSecondWithAnalysis: Math.round(pairs / ((recordMs + perPairAnalysisMs * pairs) / 1000)),
    analysis: ANALYZE === segmentOnly ? "segmentation only" : "segmentation + classification",
    msPerVersionAnalysis: Math.round(perPairAnalysisMs * 100) / 100,
    msPerPairRecord: Math.round((recordMs / Math.max(1, pairs)) * 100) / 100,
    baseline: "provision matching alone (diffProvisions), same pairs, same run",
    baselinePairsPerSecond: Math.round(pairs / (baselineMs / 1000)),
    recordToBaselineRatio: Math.round((recordMs / Math.max(1, baselineMs)) * 100) / 100,
  },
  facts: {
    pairs: factPairs.length,
    named: factPairs.length - factFailures.length,
    namedPercent: share(factPairs.length - factFailures.length, factPairs.length),
    misses: factFailures.map((f) => `${f.pair.after}: ${f.misses.join("; ")}`),
  },
  dateLines: {
    definition: `every differing line has a year and at most ${DATE_LINE_WORDS} words (line comparison)`,
    pairs: dateLines.length,
    substantive: count(dateLines, (r) => r.kind === "substantive"),
    kinds: tally(dateLines, (r) => r.kind),
    substantiveDocs: dateLines.filter((r) => r.kind === "substantive").map((r) => `${r.doc} ${r.to}`),
  },
  technicalUpgrades: {
    pairs: technical.length,
    substantive: count(technical, (r) => r.kind === "substantive"),
    substantivePercent: share(
      count(technical, (r) => r.kind === "substantive"),
      technical.length,
    ),
    kinds: tally(technical, (r) => r.kind),
    // Re-extractions whose only substantive changes were provisions newly or no longer extracted: technical.
    rescoped: count(technical, (r) => r.summary.some((l) => l.startsWith("The new extraction rules"))),
    // What the substantive ones carry: reworded provisions, and a changed date stamp (the platform's own sign).
    substantiveReworded: count(technical, (r) => r.kind === "substantive" && r.reworded > 0),
    // Each substantive re-extraction should name the edit that makes it so (a delta per record at least).
    substantiveNamingAnEdit: count(technical, (r) => r.kind === "substantive" && r.deltas > 0),
    // Re-extractions whose text states a later date of its own than the previous version's: the capture re-read
    // is newer than that version, and the platform says it published a new one. The rest are what re-extraction
    // alone can change: the share of those classed substantive is the noise figure of issue 12.
    platformDated: {
      pairs: count(technical, platformDated),
      substantive: count(technical, (r) => platformDated(r) && r.kind === "substantive"),
    },
    sameOwnDate: {
      pairs: count(technical, (r) => !platformDated(r)),
      substantive: count(technical, (r) => !platformDated(r) && r.kind === "substantive"),
      substantivePercent: share(
        count(technical, (r) => !platformDated(r) && r.kind === "substantive"),
        count(technical, (r) => !platformDated(r)),
      ),
      substantiveNamingAnEdit: count(
        technical,
        (r) => !platformDated(r) && r.kind === "substantive" && r.deltas > 0,
      ),
    },
    substantiveWithNewDateStamp: count(
      technical,
      (r) => r.kind === "substantive" && r.summary.some((l) => l.startsWith("Updates the date stamp")),
    ),
    sameWords: {
      definition: `fewer than ${CONTENT_WORDS} words gained or lost (independent word count)`,
      pairs: technicalSameWords.length,
      substantive: count(technicalSameWords, (r) => r.kind === "substantive"),
      substantivePercent: share(
        count(technicalSameWords, (r) => r.kind === "substantive"),
        technicalSameWords.length,
      ),
      substantiveDocs: technicalSameWords
        .filter((r) => r.kind === "substantive")
        .map((r) => `${r.doc} ${r.to}`),
    },
    wordsChanged: {
      pairs: technical.length - technicalSameWords.length,
      substantive: count(technical, (r) => r.contentWords >= CONTENT_WORDS && r.kind === "substantive"),
      // Listed with their first summary lines so that each can be re-read against its diff.
      substantiveDocs: technical
        .filter((r) => r.contentWords >= CONTENT_WORDS && r.kind === "substantive")
        .map(
          (r) =>
            `${r.doc} ${r.from} → ${r.to} (${r.contentWords} words): ${r.summary.slice(0, 3).join(" | ")}`,
        ),
    },
  },
  dateOnly: {
    pairs: dateOnly.length,
    minor: count(dateOnly, (r) => r.kind === "minor"),
    minorPercent: share(
      count(dateOnly, (r) => r.kind === "minor"),
      dateOnly.length,
    ),
    misclassed: dateOnly.filter((r) => r.kind !== "minor").map((r) => `${r.doc} ${r.to} → ${r.kind}`),
  },
  // Versions identical to one recorded before their predecessor: flickers between variants or failed captures.
  returns: {
    pairs: count(results, (r) => r.returns),
    kinds: tally(
      results.filter((r) => r.returns),
      (r) => r.kind,
    ),
  },
  kinds: tally(results, (r) => r.kind),
  // Versions flagged as having lost most of their words (a failed capture more often than an edit).
  mostlyDisappeared: results
    .filter((r) => r.summary.some((line) => line.startsWith("Most of the document disappeared")))
    .map((r) => `${r.doc} ${r.to} (${r.commitKind})`),
  severities: tally(
    results.filter((r) => r.kind === "substantive"),
    (r) => r.severity,
  ),
  kindsByCommit: Object.fromEntries(
    [...new Set(results.map((r) => r.commitKind))].map((k) => [
      k,
      tally(
        results.filter((r) => r.commitKind === k),
        (r) => r.kind,
      ),
    ]),
  ),
};

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "changes.json"), `${JSON.stringify(figures, null, 2)}\n`);
writeFileSync(
  join(OUT, "changes-digests.txt"),
  results.map((r) => `${r.digest} ${r.doc} ${r.from} → ${r.to}\n`).join(""),
);

const random = seeded(20260822);
const pool = results.filter((r) => !r.identical);
const sample: PairResult[] = [];
while (sample.length < 10 && pool.length > 0)
  sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
const MAX_DIFF_CHARS = 6000;
const spot = [
  "# Change records — spot check (10 seeded random pairs)",
  "",
  "Source: Open Terms Archive contrib versions (ODC-By 1.0, Open Terms Archive contributors).",
  "",
  ...sample.flatMap((r, i) => [
    `## ${i + 1}. ${r.doc}: ${r.from} → ${r.to} (${r.commitKind})`,
    "",
    `**${r.kind}**${r.kind === "substantive" ? ` / ${r.severity}` : ""} — ${r.changes} provision change(s)`,
    "",
    ...r.summary.map((l) => `- ${l}`),
    "",
    "```text",
    r.diff.length > MAX_DIFF_CHARS
      ? `${r.diff.slice(0, MAX_DIFF_CHARS)}\n… (diff truncated)`
      : r.diff.trimEnd(),
    "```",
    "",
  ]),
];
writeFileSync(join(OUT, "changes-spotcheck.md"), spot.join("\n"));
console.log(JSON.stringify(figures, null, 2));
