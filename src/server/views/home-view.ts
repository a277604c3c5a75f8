import {
  type ChangeRecordListItem,
  changesPerMonth,
  currentVersions,
  type DashboardCounts,
  dashboardCounts,
  listChangeRecords,
  listPlatforms,
  type MonthlyChanges,
  mostSevereProvisions,
  newSevereProvisions,
  type PlatformListItem,
  type ProvisionListItem,
} from "../../store/queries/index.js";
import type { ServerDeps } from "../deps.js";

/** Everything the dashboard shows. */
export interface HomeView {
  counts: DashboardCounts;
  recentChanges: ChangeRecordListItem[];
  severe: ProvisionListItem[];
  /** Provisions added by the latest changes and still in force, most severe first. */
  added: ProvisionListItem[];
  platforms: PlatformListItem[];
  months: MonthlyChanges[];
}

export async function loadHome(deps: ServerDeps): Promise<HomeView> {
  // Read once for the three sections that need it.
  const current = await currentVersions(deps.src);
  const [counts, recentChanges, severe, added, platforms, months] = await Promise.all([
    dashboardCounts(deps.src, current),
    listChangeRecords(deps.src, { limit: 8, kinds: ["substantive"] }),
    mostSevereProvisions(deps.src, { limit: 8, current }),
    newSevereProvisions(deps.src, { limit: 6 }),
    listPlatforms(deps.src, undefined, { gradeDetails: false, current }),
    changesPerMonth(deps.src),
  ]);
  return { counts, recentChanges, severe, added, platforms, months };
}
