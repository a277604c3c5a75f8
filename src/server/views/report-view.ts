import type { Platform } from "../../model/index.js";
import {
  type ChangeRecordListItem,
  type DocumentDetail,
  findPlatform,
  listChangeRecords,
  listDocuments,
  listPlatforms,
  listProvisions,
  type PlatformListItem,
  type ProvisionListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

/** Everything the printable platform report contains. */
export interface ReportView {
  platform: Platform;
  summary: PlatformListItem;
  documents: DocumentDetail[];
  /** High and medium severity provisions in force, most severe first. */
  findings: ProvisionListItem[];
  changes: ChangeRecordListItem[];
  generatedAt: Date;
}

const MAX_FINDINGS = 120;

export async function loadReport(deps: ServerDeps, slug: string): Promise<ReportView> {
  const platform = await findPlatform(deps.src, slug);
  if (!platform) throw notFound(`Platform “${slug}”`);
  const only = [platform.id];
  const [summaries, documents, high, medium, changes] = await Promise.all([
    listPlatforms(deps.src, only),
    listDocuments(deps.src, { platformId: platform.id }),
    listProvisions(deps.src, { platformIds: only, severity: "high", limit: MAX_FINDINGS }),
    listProvisions(deps.src, { platformIds: only, severity: "medium", limit: MAX_FINDINGS }),
    listChangeRecords(deps.src, { platformIds: only, limit: 25, kinds: ["substantive"] }),
  ]);
  const summary = summaries[0];
  if (!summary) throw notFound(`Platform “${slug}”`);
  return {
    platform,
    summary,
    documents,
    findings: [...high, ...medium].slice(0, MAX_FINDINGS),
    changes,
    generatedAt: deps.now(),
  };
}
