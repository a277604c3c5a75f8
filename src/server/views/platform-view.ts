import type { Platform, Severity } from "../../model/index.js";
import {
  type ChangeRecordListItem,
  changesPerMonth,
  type DocumentDetail,
  findPlatform,
  listChangeRecords,
  listDocuments,
  listPlatforms,
  listProvisions,
  type MonthlyChanges,
  type PlatformListItem,
  type ProvisionListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";
import { type Finding, topFindings } from "./top-findings.js";

/** Provisions per page on the platform page. */
export const PLATFORM_PAGE_SIZE = 50;
/** Recent change records listed on a platform page. */
const RECENT_CHANGES = 30;

/** Everything the platform page shows. */
export interface PlatformView {
  platform: Platform;
  summary: PlatformListItem;
  documents: DocumentDetail[];
  provisions: ProvisionListItem[];
  /** Whether another page of provisions follows. */
  hasMore: boolean;
  changes: ChangeRecordListItem[];
  /** The latest substantive change. */
  lastChange: ChangeRecordListItem | null;
  /** The most severe clear findings in force, whatever the filter. */
  findings: Finding<ProvisionListItem>[];
  months: MonthlyChanges[];
  filter: { severity?: Severity; type?: string; page: number };
}

export async function loadPlatform(
  deps: ServerDeps,
  slug: string,
  filter: { severity?: Severity | undefined; type?: string | undefined; page?: number | undefined },
): Promise<PlatformView> {
  const platform = await findPlatform(deps.src, slug);
  if (!platform) throw notFound(`Platform “${slug}”`);
  const only = [platform.id];
  const page = filter.page ?? 1;
  const unfiltered = !filter.severity && !filter.type && page === 1;
  const [summaries, documents, provisions, changes, months, severest] = await Promise.all([
    // The page shows the documents' grades (below), not the summary's: no grade contributions to parse twice.
    listPlatforms(deps.src, only, { gradeDetails: false }),
    listDocuments(deps.src, { platformId: platform.id }),
    listProvisions(deps.src, {
      platformIds: only,
      ...(filter.severity ? { severity: filter.severity } : {}),
      ...(filter.type ? { clauseType: filter.type } : {}),
      bySeverity: true,
      offset: (page - 1) * PLATFORM_PAGE_SIZE,
      limit: PLATFORM_PAGE_SIZE + 1,
    }),
    listChangeRecords(deps.src, { platformIds: only, limit: RECENT_CHANGES, changesOnly: false }),
    changesPerMonth(deps.src, only),
    // The first page without filters is the same listing: read it once.
    unfiltered
      ? null
      : listProvisions(deps.src, { platformIds: only, bySeverity: true, limit: PLATFORM_PAGE_SIZE }),
  ]);
  // The latest substantive change is usually among the recent records, in the same order: read it apart only
  // when the recent records hold none and there are older ones.
  const recentSubstantive = changes.find((c) => c.fromVersionId !== null && c.kind === "substantive");
  const lastChange =
    recentSubstantive ??
    (changes.length < RECENT_CHANGES
      ? null
      : ((await listChangeRecords(deps.src, { platformIds: only, limit: 1, kinds: ["substantive"] }))[0] ??
        null));
  const summary = summaries[0];
  if (!summary) throw notFound(`Platform “${slug}”`);
  const more = provisions.length > PLATFORM_PAGE_SIZE;
  const listed = provisions.slice(0, PLATFORM_PAGE_SIZE);
  const clean: PlatformView["filter"] = { page };
  if (filter.severity) clean.severity = filter.severity;
  if (filter.type) clean.type = filter.type;
  return {
    platform,
    summary,
    documents,
    provisions: listed,
    hasMore: more,
    changes,
    lastChange,
    findings: topFindings(severest ?? listed),
    months,
    filter: clean,
  };
}
