/** The citation record of an archived item, and its three renderings: plain text, BibTeX and CSL-JSON. */
import { formatRecordId, type RecordKind } from "./record-id.js";

/** What a citation states about one archived record. */
export interface Citation {
  recordId: string;
  kind: RecordKind;
  /** Human title, e.g. "GitHub Privacy Policy, provision 12 (Sharing with service providers)". */
  title: string;
  /** The platform (the legal author of the document). */
  entity: string;
  /** The document's title, e.g. "GitHub Privacy Policy". */
  document: string;
  /** When the cited text was captured (ISO 8601 UTC). */
  capturedAt: string;
  /** SHA-256 (hex) of the archived text the record belongs to. */
  sha256: string;
  /** Where the platform published the document. */
  sourceUrl: string;
  /** Permanent address of the record in this archive. */
  url: string;
  /** When the citation was produced (ISO 8601 date, the "accessed" date of citation styles). */
  accessed: string;
}

/** The facts a citation is built from (the store answers these). */
export interface CitationSource {
  kind: RecordKind;
  id: number;
  title: string;
  entity: string;
  document: string;
  capturedAt: string;
  sha256: string;
  sourceUrl: string;
}

/** Builds the citation of a record; `baseUrl` is the public origin of the site, `now` the access time. */
export function buildCitation(source: CitationSource, baseUrl: string, now: Date, path: string): Citation {
  return {
    recordId: formatRecordId(source.kind, source.id),
    kind: source.kind,
    title: source.title,
    entity: source.entity,
    document: source.document,
    capturedAt: source.capturedAt,
    sha256: source.sha256,
    sourceUrl: source.sourceUrl,
    url: new URL(path, baseUrl).toString(),
    accessed: now.toISOString().slice(0, 10),
  };
}

/** "2025-08-01T06:06:33.000Z" → "2025-08-01 06:06:33 UTC" (readable, still unambiguous). */
function readableTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** The citation block as labelled lines, for pasting into filings and reports. */
export function citationText(c: Citation): string {
  return [
    `Entity: ${c.entity}`,
    `Document: ${c.document}`,
    `Record ID: ${c.recordId}`,
    `Captured: ${readableTime(c.capturedAt)}`,
    `SHA-256: ${c.sha256}`,
    `Source URL: ${c.sourceUrl}`,
    `Archived at: ${c.url}`,
    `Accessed: ${c.accessed}`,
  ].join("\n");
}

/** Escapes BibTeX specials so that any document title survives LaTeX. */
function bibEscape(text: string): string {
  return text
    .replace(/\\/g, "\\textbackslash{}")
    .replace(/([{}%&$#_])/g, "\\$1")
    .replace(/~/g, "\\textasciitilde{}")
    .replace(/\^/g, "\\textasciicircum{}");
}

/**
 * Protects the case of every word with a capital (`{GitHub} {Privacy} {Policy}`): bibliography styles and
 * reference managers lower-case titles, which would turn names into common words.
 */
function protectCase(escaped: string): string {
  return escaped.replace(
    /(?<![\\\p{L}\p{N}])[\p{L}\p{N}'’-]*\p{Lu}[\p{L}\p{N}'’-]*/gu,
    (word) => `{${word}}`,
  );
}

/** URLs go in `\url{}`/`url =` fields verbatim except for the characters that would close the group. */
function bibUrl(url: string): string {
  return url.replace(/[{}\\]/g, (ch) => encodeURIComponent(ch));
}

/** The citation as a BibTeX `@misc` entry keyed by the record ID. */
export function citationBibtex(c: Citation): string {
  const year = c.capturedAt.slice(0, 4);
  const fields: [string, string][] = [
    // Double braces: the platform is a corporate author, not a "Last, First" person.
    ["author", `{{${bibEscape(c.entity)}}}`],
    ["title", `{${protectCase(bibEscape(c.title))}}`],
    ["howpublished", `{${protectCase(bibEscape(c.document))}, archived by {ClauseWatch}}`],
    ["year", `{${year}}`],
    ["url", `{${bibUrl(c.url)}}`],
    ["urldate", `{${c.accessed}}`],
    [
      "note",
      `{Record ID ${c.recordId}; captured ${bibEscape(readableTime(c.capturedAt))}; SHA-256 ${c.sha256}; source \\url{${bibUrl(c.sourceUrl)}}}`,
    ],
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n");
  return `@misc{${c.recordId},\n${body}\n}`;
}

/** CSL-JSON item (the format of Zotero, Pandoc and citeproc). */
export interface CslItem {
  id: string;
  type: "webpage";
  title: string;
  author: { literal: string }[];
  "container-title": string;
  publisher: string;
  URL: string;
  issued: { "date-parts": [[number, number, number]] };
  accessed: { "date-parts": [[number, number, number]] };
  archive: string;
  archive_location: string;
  note: string;
}

function dateParts(iso: string): [[number, number, number]] {
  const [y = 0, m = 1, d = 1] = iso.slice(0, 10).split("-").map(Number);
  return [[y, m, d]];
}

/** The citation as one CSL-JSON item. */
export function citationCsl(c: Citation): CslItem {
  return {
    id: c.recordId,
    type: "webpage",
    title: c.title,
    author: [{ literal: c.entity }],
    "container-title": c.document,
    publisher: "ClauseWatch",
    URL: c.url,
    issued: { "date-parts": dateParts(c.capturedAt) },
    accessed: { "date-parts": dateParts(c.accessed) },
    archive: "ClauseWatch",
    archive_location: c.recordId,
    note: `Captured ${readableTime(c.capturedAt)}; SHA-256 ${c.sha256}; source ${c.sourceUrl}`,
  };
}
