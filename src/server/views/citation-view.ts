/** Citations of records, built from stored facts (src/store/queries) and formatted by src/citations. */
import { buildCitation, type Citation, type RecordKind } from "../../citations/index.js";
import { type CitationFacts, citationFacts } from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { documentTitle } from "../format.js";

/** Where a record lives on this site. */
export function recordPath(kind: RecordKind, id: number, documentId?: number): string {
  switch (kind) {
    case "document":
      return `/documents/${id}`;
    case "version":
      return documentId === undefined ? `/versions/${id}` : `/documents/${documentId}?version=${id}`;
    case "provision":
      return `/provisions/${id}`;
    case "change":
      return `/changes/${id}`;
  }
}

function titleOf(facts: CitationFacts): string {
  const doc = documentTitle(facts.platformName, facts.termsType);
  const date = facts.recordedAt.slice(0, 10);
  switch (facts.kind) {
    case "document":
      return doc;
    case "version":
      return `${doc}, version of ${date}`;
    case "provision": {
      let heading: string | undefined;
      try {
        const path: unknown = JSON.parse(facts.headingPath ?? "[]");
        if (Array.isArray(path) && typeof path[path.length - 1] === "string")
          heading = path[path.length - 1] as string;
      } catch {
        heading = undefined;
      }
      const n = (facts.provisionIndex ?? 0) + 1;
      return `${doc} (version of ${date}), provision ${n}${heading ? `: ${heading}` : ""}`;
    }
    case "change":
      return `${doc}, change of ${date}`;
  }
}

/** The citation of a record, or undefined when it does not exist. */
export async function loadCitation(
  deps: ServerDeps,
  kind: RecordKind,
  id: number,
  origin: string,
): Promise<Citation | undefined> {
  const facts = await citationFacts(deps.src, kind, id);
  if (!facts) return undefined;
  return buildCitation(
    {
      kind,
      id,
      title: titleOf(facts),
      entity: facts.platformName,
      document: documentTitle(facts.platformName, facts.termsType),
      capturedAt: facts.recordedAt,
      sha256: facts.sha256,
      sourceUrl: facts.sourceUrl,
    },
    deps.publicUrl ?? origin,
    deps.now(),
    recordPath(kind, id, facts.documentId),
  );
}
