/**
 * Picks provisions worth labelling by hand (issue 11, item 5): runs the shipped classifier over the latest full
 * version of every document of the OTA contrib corpus and ranks each provision not yet in `labels/` by how unsure
 * or contestable the reading is. The score only chooses what a person reads; it never sets a label.
 *
 * Run: node --import tsx scripts/pick-label-candidates.ts [--corpus DIR] [--per-document N] [--out FILE] [--rare]
 * Writes one JSON object per candidate (platform, document, versionDate, text, context, headings, predicted
 * findings, score and why), best first within each document.
 *
 * With --rare, reads every version of every document instead (newest first) and keeps only provisions whose
 * wording cues a rare type (biometrics, session replay, claim time limits), so that older wordings supply examples
 * the latest versions lack. These are segmented but not classified: the cue alone chose them.
 *
 * With --model-only, reads every version of every document (newest first) and keeps only provisions with a
 * finding shown at high or medium that rests on the text model alone (no pattern of its type fired) below
 * confidence 0.95: the findings least often right on the reading sets, so the readings that teach the model most.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readHeldOutPlatforms, readKeptOutDocuments } from "../src/analysis/classify/label-check.js";
import { readLabels } from "../src/analysis/classify/training-data.js";
import { analyzeText } from "../src/analysis/index.js";
import { segment } from "../src/analysis/segment/index.js";
import type { ClassifiedProvision } from "../src/model/index.js";
import { argValue } from "./argv.js";

const CORPUS = argValue("--corpus") ?? "/work/shared/corpus/ota-contrib";
const PER_DOCUMENT = Number(argValue("--per-document") ?? 60);
const OUT = argValue("--out") ?? "bench/out/label-candidates.jsonl";
const DOCUMENTS = ["Privacy Policy", "Trackers Policy", "Terms of Service"];
const RARE_ONLY = process.argv.includes("--rare");
const MODEL_ONLY = process.argv.includes("--model-only");
/** Cues of the types this round added, for --rare. */
const RARE_CUES = new Set(["biometric", "session-replay", "claim-limit"]);

const HELD_OUT_PLATFORMS = readHeldOutPlatforms("labels/held-out-platforms.txt");
/** Documents of the development and fresh reading sets: never a source of labels (`platform\tdocument`). */
const KEPT_OUT_DOCUMENTS = new Set(readKeptOutDocuments("labels").map((d) => `${d.platform}\t${d.document}`));

/** Wordings that make a reading contestable (READING.md's hard cases) or mark a rare type worth reading. */
const CUES: readonly [string, RegExp, number][] = [
  ["denial", /\b(do|does|will|shall) not\b|\bnever\b|\bhas not\b|\bhave not\b|\bno longer\b/i, 1],
  ["user-rule", /\byou (may|must|shall|will|agree) not\b|\bdon't\b|\bdo not (post|use|share|upload)\b/i, 1],
  ["carve-out", /\bnothing in (these|this)\b|\bdoes not (limit|exclude)\b/i, 1.5],
  ["warranty", /\bas is\b|\bas available\b|\bwarrant(y|ies)\b/i, 1.5],
  [
    "claim-limit",
    /\b(one|1|two|2) \(?\d?\)? ?years?\b[^.]{0,80}\b(claim|cause of action|barred)\b|\bbarred\b/i,
    2,
  ],
  [
    "biometric",
    /\bbiometric|\bfacial\b|\bface (geometry|recognition|scan)|\bvoiceprint|\bfingerprint|\bgaze\b|\beye[- ]track/i,
    2,
  ],
  [
    "session-replay",
    /\bsession (replay|recording)|\bhotjar\b|\bfullstory\b|\bclarity\b|\bmouse (movements?|clicks)|\bkeystroke|\bscroll/i,
    2,
  ],
  ["proctoring", /\bproctor|\bexam\b|\bmonitor/i, 1.5],
];

interface Finding {
  type: string;
  confidence: number;
  source: string;
  polarity: string;
  severity: string;
}

/** How much a careful reading of this provision is likely to teach the model, and why. */
function score(p: ClassifiedProvision): { score: number; why: string[] } {
  const why: string[] = [];
  let s = 0;
  const add = (points: number, reason: string): void => {
    s += points;
    why.push(reason);
  };
  const words = p.text.split(/\s+/).filter(Boolean).length;
  const unsure = p.clauses.filter((c) => c.confidence >= 0.25 && c.confidence <= 0.75);
  if (unsure.length > 0) add(2 * unsure.length, "near-threshold");
  const patternOnly = p.clauses.filter((c) => c.source === "pattern" && c.confidence < 0.5);
  if (patternOnly.length > 0) add(1, "pattern-without-model");
  if (p.clauses.some((c) => c.reasons.every((r) => r.kind !== "pattern") && c.confidence < 0.6))
    add(1, "model-without-pattern");
  if (p.clauses.some((c) => c.severity === "high")) add(1.5, "high");
  if (p.text.trimStart().startsWith("|")) add(1, "table-row");
  if (words <= 6 && p.clauses.length > 0) add(2, "short-fragment-with-finding");
  for (const [name, re, points] of CUES) if (re.test(p.text)) add(points, name);
  if (words < 4 && p.clauses.length === 0) s -= 3; // bare fragments without findings teach little
  return { score: s, why };
}

function latestFullVersion(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const sizes = files.map((f) => statSync(join(dir, f)).size);
  const largest = Math.max(...sizes);
  // The latest version unless it is a stub (a redirect or an error page): then the latest near-full one.
  for (let i = files.length - 1; i >= 0; i--) if (sizes[i]! >= 0.5 * largest) return files[i];
  return undefined;
}

const labelled = new Set(readLabels("labels").map((r) => r.text));
const rows: string[] = [];

function dateOf(file: string): string {
  return file.replace(/\.md$/, "").replace(/T(\d\d)-(\d\d)-(\d\d)/, "T$1:$2:$3");
}

/**
 * Provisions of every version of one document, newest first, each text once and not labelled yet, that `why`
 * gives reasons to read (up to PER_DOCUMENT); `read` reads a version (segmenting alone is enough for cues).
 */
function everyVersionCandidates(
  platform: string,
  document: string,
  dir: string,
  read: (source: string) => readonly ClassifiedProvision[],
  why: (p: ClassifiedProvision) => string[],
): void {
  const seen = new Set<string>();
  let kept = 0;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .reverse();
  for (const file of files) {
    for (const p of read(readFileSync(join(dir, file), "utf8"))) {
      if (kept >= PER_DOCUMENT) return;
      const text = p.text.trim();
      if (labelled.has(text) || seen.has(text)) continue;
      seen.add(text);
      const reasons = why(p);
      if (reasons.length === 0) continue;
      kept++;
      const candidate = { platform, document, versionDate: dateOf(file), text, context: p.context };
      rows.push(
        JSON.stringify({
          ...candidate,
          headings: p.headingPath,
          findings: findingsOf(p),
          score: 0,
          why: reasons,
        }),
      );
    }
  }
}

/** Rare-type provisions: segmented, not classified, chosen by their wording's cue alone. */
function rareCandidates(platform: string, document: string, dir: string): void {
  everyVersionCandidates(
    platform,
    document,
    dir,
    (source) => segment(source).map((p) => ({ ...p, clauses: [] })),
    (p) => CUES.filter(([name, re]) => RARE_CUES.has(name) && re.test(p.text.trim())).map(([name]) => name),
  );
}

/** A finding shown at high or medium that only the text model supports, and is not near-certain. */
function unsupportedShown(c: ClassifiedProvision["clauses"][number]): boolean {
  return (
    c.severity !== "low" &&
    c.confidence >= 0.5 &&
    c.confidence < 0.95 &&
    c.reasons.every((r) => r.kind !== "pattern")
  );
}

/** Provisions with a model-only finding ({@link unsupportedShown}). */
function modelOnlyCandidates(platform: string, document: string, dir: string): void {
  everyVersionCandidates(
    platform,
    document,
    dir,
    (source) => analyzeText(source).provisions,
    (p) => (p.clauses.some(unsupportedShown) ? ["model-only"] : []),
  );
}

function findingsOf(p: ClassifiedProvision): Finding[] {
  return p.clauses.map((c) => ({
    type: c.type,
    confidence: Number(c.confidence.toFixed(2)),
    source: c.source,
    polarity: c.polarity,
    severity: c.severity,
  }));
}

/** The provisions of the latest full version of one document, most contestable first. */
function rankedCandidates(platform: string, document: string, dir: string, file: string): void {
  const source = readFileSync(join(dir, file), "utf8");
  const seen = new Set<string>();
  const picked = analyzeText(source)
    .provisions.map((p) => ({ p, ...score(p) }))
    .filter(({ p }) => {
      const text = p.text.trim();
      if (labelled.has(text) || seen.has(text)) return false;
      seen.add(text);
      return true;
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, PER_DOCUMENT);
  for (const { p, score: s, why } of picked) {
    const findings = findingsOf(p);
    const candidate = {
      platform,
      document,
      versionDate: dateOf(file),
      text: p.text.trim(),
      context: p.context,
    };
    rows.push(JSON.stringify({ ...candidate, headings: p.headingPath, findings, score: s, why }));
  }
}

for (const platform of readdirSync(CORPUS).sort()) {
  if (HELD_OUT_PLATFORMS.includes(platform) || !statSync(join(CORPUS, platform)).isDirectory()) continue;
  for (const document of DOCUMENTS) {
    if (KEPT_OUT_DOCUMENTS.has(`${platform}\t${document}`)) continue;
    const dir = join(CORPUS, platform, document);
    let file: string | undefined;
    try {
      file = latestFullVersion(dir);
    } catch {
      continue; // the platform has no such document
    }
    if (!file) continue;
    if (RARE_ONLY) rareCandidates(platform, document, dir);
    else if (MODEL_ONLY) modelOnlyCandidates(platform, document, dir);
    else rankedCandidates(platform, document, dir, file);
  }
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${rows.join("\n")}\n`);
console.log(`${rows.length} candidates → ${OUT}`);
