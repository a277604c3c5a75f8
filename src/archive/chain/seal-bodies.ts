/**
 * What a seal of an analysis or a change record covers, as canonical JSON. An analysis seal is a manifest: one
 * hash of the analysis's own fields, then per provision (by id) a hash of its row and one of its classifications,
 * so that `verify` names the very provision that was edited, deleted or slipped in.
 */
import type { ChangeRecord, StoredAnalysisRows } from "../../store/index.js";
import { canonicalJson, sha256Hex } from "../../util/hash.js";

/** The manifest of one version's analysis. */
export interface AnalysisSealBody {
  kind: "analysis";
  versionId: number;
  /** Hash of language, grade, score, grade details, entities, provision count and analyzer. */
  fields: string;
  /** [provision id, hash of its row, hash of its classifications], by id. */
  provisions: [number, string, string][];
}

/** A change record's content, every field but the time it was computed. */
export interface ChangeRecordSealBody {
  kind: "change-record";
  id: number;
  documentId: number;
  fromVersionId: number | null;
  toVersionId: number;
  recordedAt: string;
  changeKind: string;
  severity: string;
  headline: string;
  summary: unknown;
  deltas: unknown;
  provisionChanges: unknown;
}

/**
 * The manifest of the analysis as stored now. Rows are hashed as JSON arrays of their stored values (JSON columns as
 * their stored text, which both backends keep as written): no parsing, so verifying a large archive stays cheap.
 */
export function analysisSealBody({
  analysis,
  provisions,
  classifications,
}: StoredAnalysisRows): AnalysisSealBody {
  const clausesOf = new Map<number, unknown[]>();
  for (const c of classifications) {
    const list = clausesOf.get(c.provision_id) ?? [];
    list.push([
      c.version_id,
      c.document_id,
      c.type,
      c.confidence,
      c.polarity,
      c.severity,
      c.evidence_start,
      c.evidence_end,
      c.source,
      c.reasons,
    ]);
    clausesOf.set(c.provision_id, list);
  }
  return {
    kind: "analysis",
    versionId: analysis.version_id,
    fields: sha256Hex(
      JSON.stringify([
        analysis.document_id,
        analysis.language,
        analysis.grade,
        analysis.score,
        analysis.grade_details,
        analysis.entities,
        analysis.provision_count,
        analysis.analyzer,
      ]),
    ),
    provisions: provisions.map((p) => [
      p.id,
      sha256Hex(
        JSON.stringify([
          p.version_id,
          p.document_id,
          p.idx,
          p.key,
          p.heading_path,
          p.start_offset,
          p.end_offset,
          p.text,
          p.max_severity,
        ]),
      ),
      sha256Hex(JSON.stringify(clausesOf.get(p.id) ?? [])),
    ]),
  };
}

/** The seal body of a change record as stored now. */
export function changeRecordSealBody(r: ChangeRecord): ChangeRecordSealBody {
  return {
    kind: "change-record",
    id: r.id,
    documentId: r.documentId,
    fromVersionId: r.fromVersionId,
    toVersionId: r.toVersionId,
    recordedAt: r.recordedAt,
    changeKind: r.kind,
    severity: r.severity,
    headline: r.headline,
    summary: r.summary,
    deltas: r.deltas,
    provisionChanges: r.provisionChanges,
  };
}

/**
 * How the analysis stored now differs from its sealed manifest, one line per difference naming the provision
 * (CW-P-n); empty when they agree.
 */
export function analysisDifferences(sealed: AnalysisSealBody, now: AnalysisSealBody): string[] {
  const out: string[] = [];
  const at = `analysis of version ${sealed.versionId}`;
  if (sealed.fields !== now.fields) out.push(`${at}: its grade, language, entities or analyzer were altered`);
  const current = new Map(now.provisions.map(([id, row, clauses]) => [id, { row, clauses }]));
  for (const [id, row, clauses] of sealed.provisions) {
    const p = current.get(id);
    current.delete(id);
    if (!p) out.push(`${at}: provision CW-P-${id} was deleted`);
    else if (p.row !== row) out.push(`${at}: provision CW-P-${id} was altered`);
    else if (p.clauses !== clauses)
      out.push(`${at}: the classifications of provision CW-P-${id} were altered`);
  }
  for (const id of current.keys()) out.push(`${at}: provision CW-P-${id} was added outside the analysis`);
  return out;
}

/** The canonical text of a seal body: what is stored and hashed. */
export function sealText(body: AnalysisSealBody | ChangeRecordSealBody): string {
  return canonicalJson(body);
}
