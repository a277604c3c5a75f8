/** Query results → API records: adds record IDs, page URLs and clause type names; nothing else changes. */
import { countChanges } from "../../changes/counts.js";
import { formatRecordId } from "../../citations/index.js";
import type {
  ChangeRecordDetail,
  ChangeRecordListItem,
  ClauseTypePrevalence,
  ClauseView,
  DocumentDetail,
  PlatformListItem,
  ProvisionListItem,
  SearchHit,
  VersionListItem,
} from "../../store/queries/index.js";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "../../store/queries/index.js";
import { confidenceBand } from "../format.js";
import { platformGradeOf } from "../grades.js";
import { clauseTypeName, type Knowledge } from "../knowledge.js";

export function platformDto(p: PlatformListItem) {
  const platformGrade = platformGradeOf(p.grades)?.grade;
  return {
    ...p,
    grades: p.grades.map(({ gradeDetails: _details, ...g }) => g),
    grade: platformGrade ? { grade: platformGrade.grade, score: platformGrade.score } : null,
    url: `/platforms/${p.slug}`,
  };
}

export function documentDto(d: DocumentDetail) {
  const { sources: _sources, gradeDetails: _details, ...rest } = d;
  return { ...rest, recordId: formatRecordId("document", d.id), url: `/documents/${d.id}` };
}

export function versionSummaryDto(v: VersionListItem) {
  return { ...v, recordId: formatRecordId("version", v.id) };
}

export function clauseDto(c: ClauseView, knowledge: Knowledge) {
  return {
    type: c.type,
    name: clauseTypeName(knowledge, c.type),
    confidence: c.confidence,
    confidenceLevel: confidenceBand(c.confidence),
    polarity: c.polarity,
    severity: c.severity,
    evidenceStart: c.evidenceStart,
    evidenceEnd: c.evidenceEnd,
    source: c.source,
    reasons: c.reasons,
  };
}

export function provisionDto(p: ProvisionListItem, knowledge: Knowledge) {
  return {
    id: p.id,
    recordId: formatRecordId("provision", p.id),
    versionId: p.versionId,
    documentId: p.documentId,
    platformSlug: p.platformSlug,
    platformName: p.platformName,
    termsType: p.termsType,
    recordedAt: p.recordedAt,
    index: p.index,
    key: p.key,
    headingPath: p.headingPath,
    start: p.start,
    end: p.end,
    text: p.text,
    maxSeverity: p.maxSeverity,
    clauses: p.clauses.map((c) => clauseDto(c, knowledge)),
    url: `/provisions/${p.id}`,
  };
}

export function changeRecordDto(c: ChangeRecordListItem) {
  return {
    id: c.id,
    recordId: formatRecordId("change", c.id),
    documentId: c.documentId,
    platformSlug: c.platformSlug,
    platformName: c.platformName,
    termsType: c.termsType,
    fromVersionId: c.fromVersionId,
    toVersionId: c.toVersionId,
    recordedAt: c.recordedAt,
    kind: c.kind,
    severity: c.severity,
    headline: c.headline,
    summary: c.summary,
    url: `/changes/${c.id}`,
  };
}

export function changeRecordDetailDto(c: ChangeRecordDetail) {
  return {
    ...changeRecordDto(c),
    counts: countChanges(c.provisionChanges),
    deltas: c.deltas,
    provisionChanges: c.provisionChanges,
    computedAt: c.computedAt,
  };
}

export function prevalenceDto(p: ClauseTypePrevalence | undefined, analysedPlatforms: number) {
  return {
    platforms: p?.platforms ?? 0,
    analysedPlatforms,
    documents: p?.documents ?? 0,
    provisions: p?.provisions ?? 0,
    platformsBySeverity: p?.platformsBySeverity ?? { high: 0, medium: 0, low: 0 },
    protectiveOnly: p?.protectiveOnly ?? 0,
  };
}

export function searchHitDto(h: SearchHit) {
  return {
    ...h,
    recordId: formatRecordId("provision", h.provisionId),
    snippet: h.snippet.replaceAll(HIGHLIGHT_START, "[[").replaceAll(HIGHLIGHT_END, "]]"),
    url: `/provisions/${h.provisionId}`,
  };
}
