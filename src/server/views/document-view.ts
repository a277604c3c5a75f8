import {
  type DocumentDetail,
  getDocument,
  getVersion,
  listVersions,
  type ProvisionView,
  provisionsOfVersion,
  type VersionDetail,
  type VersionListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

/** Everything the document page shows. */
export interface DocumentView {
  document: DocumentDetail;
  versions: VersionListItem[];
  version: VersionDetail;
  provisions: ProvisionView[];
  isCurrent: boolean;
}

export async function loadDocument(deps: ServerDeps, id: number, versionId?: number): Promise<DocumentView> {
  const document = await getDocument(deps.src, id);
  if (!document) throw notFound(`Document ${id}`);
  const chosen = versionId ?? document.currentVersionId;
  if (chosen === null) throw notFound(`A version of document ${id}`);
  const [versions, version, provisions] = await Promise.all([
    listVersions(deps.src, id),
    getVersion(deps.src, chosen),
    provisionsOfVersion(deps.src, chosen),
  ]);
  if (!version || version.documentId !== id) throw notFound(`Version ${chosen} of document ${id}`);
  return { document, versions, version, provisions, isCurrent: chosen === document.currentVersionId };
}
