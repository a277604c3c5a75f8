import type { Entities, Review } from "../../model/index.js";
import {
  bestClauseExcerpts,
  type ClauseExcerpt,
  type ClauseTypePrevalence,
  clauseTypePrevalence,
  currentClassifications,
  currentVersions,
  getDocument,
  getProvision,
  getVersion,
  listProvisions,
  openVersionText,
  type ProvisionAppearance,
  type ProvisionDetail,
  type ProvisionListItem,
  provisionHistory,
  type VersionDetail,
} from "../../store/queries/index.js";
import { sha256Hex } from "../../util/hash.js";
import { isTableRow, tableContextStart, tableHeaderAt } from "../components/markdown.js";
import { liveSourceUrl } from "../components/provenance.js";
import type { ServerDeps } from "../deps.js";
import { notFound } from "../http-errors.js";

/** Everything the provision page shows. */
export interface ProvisionPageView {
  provision: ProvisionDetail;
  history: ProvisionAppearance[];
  /** Same clause type at other platforms, per clause type of this provision (strongest first). */
  elsewhere: { type: string; excerpts: ClauseExcerpt[] }[];
  /** Other severe provisions of the same version. */
  otherRisks: ProvisionListItem[];
  entities: Entities | null;
  /** The version the provision belongs to, for its proof. */
  version: VersionDetail;
  /** The header row of the table, when the provision is a table row. */
  tableHeader: string | undefined;
  /** Where the document is fetched from live, when declared. */
  liveUrl: string | null;
  /** Reviewers' verdicts on this text, oldest first. */
  reviews: Review[];
  /** Prevalence of the provision's main clause type, and the number of analysed platforms. */
  prevalence: { type: ClauseTypePrevalence | null; analysedPlatforms: number } | null;
}

const ELSEWHERE_LIMIT = 6;

/** The header of the table a table-row provision belongs to, read from the lines above it only. */
async function tableHeaderOf(deps: ServerDeps, p: ProvisionDetail): Promise<string | undefined> {
  if (!isTableRow(p.text)) return undefined;
  const text = await openVersionText(deps.src, p.versionId);
  const above = (await text?.read(tableContextStart(p.start), p.start)) ?? "";
  return tableHeaderAt(above, above.length);
}

export async function loadProvision(deps: ServerDeps, id: number): Promise<ProvisionPageView> {
  const provision = await getProvision(deps.src, id);
  if (!provision) throw notFound(`Provision ${id}`);
  // Other platforms are shown for the main clause type only: each comparison reads every platform's provisions
  // of that type, and the other types link to their own comparison pages.
  const types = [...new Set(provision.clauses.map((c) => c.type))].slice(0, 1);
  const main = types[0];
  // Read once for the comparison and the prevalence, which count the same classifications.
  const current = main === undefined ? [] : await currentVersions(deps.src);
  const classifications = main === undefined ? [] : await currentClassifications(deps.src, current, main);
  const [history, elsewhere, risks, version, table, reviews, document, tableHeader] = await Promise.all([
    provisionHistory(deps.src, provision.documentId, provision.key),
    Promise.all(
      types.map(async (type) => ({
        type,
        excerpts: (await bestClauseExcerpts(deps.src, { type, excerptChars: 360, current, classifications }))
          .filter((e) => e.platformId !== provision.platformId)
          .slice(0, ELSEWHERE_LIMIT),
      })),
    ),
    listProvisions(deps.src, { versionId: provision.versionId, severity: "high", limit: 6 }),
    getVersion(deps.src, provision.versionId),
    main === undefined
      ? Promise.resolve(null)
      : clauseTypePrevalence(deps.src, main, current, classifications),
    deps.store.reviews.forText(sha256Hex(provision.text)),
    getDocument(deps.src, provision.documentId),
    tableHeaderOf(deps, provision),
  ]);
  if (!version) throw notFound(`Version ${provision.versionId}`);
  return {
    provision,
    history,
    elsewhere,
    otherRisks: risks.filter((r) => r.id !== provision.id).slice(0, 5),
    entities: version.analysis?.entities ?? null,
    version,
    tableHeader,
    liveUrl: liveSourceUrl(document?.sources ?? []),
    reviews,
    prevalence:
      table && main !== undefined
        ? { type: table.types.get(main) ?? null, analysedPlatforms: table.analysedPlatforms }
        : null,
  };
}
