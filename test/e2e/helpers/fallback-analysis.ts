/**
 * Stand-in for the analysis pipeline (src/pipeline), used by these tests only while that module does not
 * exist: segments with the project's segmenter, classifies with the knowledge base's detection patterns
 * (whichever group files load), and stores provisions, classifications, a version analysis and the change
 * record computed by src/changes. Once src/pipeline lands, `analysisListener` uses it instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { segment } from "../../../src/analysis/segment/index.js";
import type { VersionListener } from "../../../src/archive/archiver.js";
import { computeChangeRecord } from "../../../src/changes/index.js";
import {
  type ClauseType,
  matchPatterns,
  resolvePolarity,
  resolveSeverity,
} from "../../../src/knowledge/index.js";
import { ClauseTypeFileSchema } from "../../../src/knowledge/schema.js";
import type { Classification, ClassifiedProvision, Severity, Version } from "../../../src/model/index.js";
import type { Store } from "../../../src/store/index.js";

const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge/clause-types", import.meta.url));
const RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

/** Clause types of every group file that validates (the knowledge base may be incomplete during development). */
function loadTypes(): ClauseType[] {
  if (!existsSync(KNOWLEDGE)) return [];
  const types: ClauseType[] = [];
  for (const file of readdirSync(KNOWLEDGE).filter((f) => f.endsWith(".json"))) {
    const parsed = ClauseTypeFileSchema.safeParse(JSON.parse(readFileSync(join(KNOWLEDGE, file), "utf8")));
    if (parsed.success) types.push(...parsed.data.types);
  }
  return types;
}

function classify(types: readonly ClauseType[], text: string): ClassifiedProvision[] {
  return segment(text).map((p) => {
    const clauses: Classification[] = [];
    for (const type of types) {
      const hits = matchPatterns(type, p.text);
      const best = hits[0];
      if (!best) continue;
      const confidence = Math.min(0.99, best.pattern.weight);
      clauses.push({
        type: type.id,
        name: type.name,
        confidence,
        confidenceLevel: confidence >= 0.8 ? "High" : confidence >= 0.5 ? "Medium" : "Low",
        polarity: resolvePolarity(type, p.text, hits).value,
        severity: resolveSeverity(type, p.text, hits).value,
        evidence: {
          start: p.start + best.start,
          end: p.start + best.end,
          text: p.text.slice(best.start, best.end),
        },
        source: "pattern",
        reasons: hits.map((h) => ({
          kind: "pattern" as const,
          name: h.pattern.id,
          weight: h.pattern.weight,
        })),
      });
    }
    return { ...p, clauses };
  });
}

function maxSeverity(p: ClassifiedProvision): Severity | null {
  let worst: Severity | null = null;
  for (const c of p.clauses) {
    if (c.polarity === "protective") continue;
    if (!worst || RANK[c.severity] > RANK[worst]) worst = c.severity;
  }
  return worst;
}

function grade(provisions: readonly ClassifiedProvision[]): { grade: string; score: number } {
  const high = provisions.filter((p) => maxSeverity(p) === "high").length;
  const score = Math.max(0, 100 - high * 4);
  return {
    grade: score >= 85 ? "A" : score >= 70 ? "B" : score >= 55 ? "C" : score >= 40 ? "D" : "E",
    score,
  };
}

/** The stand-in listener: analysis rows and the change record of every new version. */
export function fallbackListener(store: Store): VersionListener {
  const types = loadTypes();
  return async (version: Version, previous: Version | undefined) => {
    const after = classify(types, version.text);
    const before = previous ? classify(types, previous.text) : null;
    const record = computeChangeRecord({
      beforeText: previous?.text ?? null,
      afterText: version.text,
      before,
      after,
    });
    const now = new Date().toISOString();
    const g = grade(after);
    await store.transaction(async (tx) => {
      const db = tx.db;
      await db
        .insertInto("version_analyses")
        .values({
          version_id: version.id,
          document_id: version.documentId,
          language: "en",
          grade: g.grade,
          score: g.score,
          grade_details: JSON.stringify({ formula: "test stand-in" }),
          entities: JSON.stringify({
            thirdParties: [],
            emails: [],
            dates: [],
            retentionPeriods: [],
            countries: [],
            dataCategories: [],
          }),
          provision_count: after.length,
          analyzer: "test-fallback",
          analyzed_at: now,
        })
        .execute();
      for (const p of after) {
        const row = await db
          .insertInto("provisions")
          .values({
            version_id: version.id,
            document_id: version.documentId,
            idx: p.index,
            key: p.key,
            heading_path: JSON.stringify(p.headingPath),
            start_offset: p.start,
            end_offset: p.end,
            text: p.text,
            max_severity: maxSeverity(p),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (const c of p.clauses) {
          await db
            .insertInto("classifications")
            .values({
              provision_id: row.id,
              version_id: version.id,
              document_id: version.documentId,
              type: c.type,
              confidence: c.confidence,
              polarity: c.polarity,
              severity: c.severity,
              evidence_start: c.evidence.start,
              evidence_end: c.evidence.end,
              source: c.source,
              reasons: JSON.stringify(c.reasons),
            })
            .execute();
        }
      }
      await db
        .insertInto("change_records")
        .values({
          document_id: version.documentId,
          from_version_id: previous?.id ?? null,
          to_version_id: version.id,
          recorded_at: version.recordedAt,
          kind: record.kind,
          severity: record.severity,
          summary: JSON.stringify(record.summary),
          provision_changes: JSON.stringify(record.provisionChanges),
          computed_at: now,
        })
        .execute();
    });
  };
}
