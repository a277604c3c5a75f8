import {
  type ChangeRecordDetail,
  getChangeRecord,
  getDocument,
  getVersionProof,
  type VersionProof,
} from "../../store/queries/index.js";
import { liveSourceUrl } from "../components/provenance.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

/** Everything the change record page shows. */
export interface ChangeView {
  record: ChangeRecordDetail;
  /** Proof of the version before (none for a first version) and after. */
  before: VersionProof | null;
  after: VersionProof;
  /** Where the document is fetched from live, when declared. */
  liveUrl: string | null;
}

export async function loadChange(deps: ServerDeps, id: number): Promise<ChangeView> {
  const record = await getChangeRecord(deps.src, id);
  if (!record) throw notFound(`Change record ${id}`);
  const [before, after, document] = await Promise.all([
    record.fromVersionId === null ? null : getVersionProof(deps.src, record.fromVersionId),
    getVersionProof(deps.src, record.toVersionId),
    getDocument(deps.src, record.documentId),
  ]);
  if (!after) throw notFound(`Version ${record.toVersionId}`);
  return { record, before: before ?? null, after, liveUrl: liveSourceUrl(document?.sources ?? []) };
}
