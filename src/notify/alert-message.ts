/** What an alert says: the change record, in the shapes each channel sends. */
import { formatRecordId } from "../citations/record-id.js";
import type { Alert, ChangeKind, Severity, Watchlist } from "../model/index.js";
import { type ChangeRecordListItem, getChangeRecord, type QuerySource } from "../store/queries/index.js";

/** One change record as an alert carries it. */
export interface AlertItem {
  /** The alert's id: the same on every retry, so receivers can drop repeats. */
  deliveryId: number;
  recordId: string;
  /** The change record's page. */
  url: string;
  platform: string;
  termsType: string;
  /** ISO date of the new version. */
  recordedAt: string;
  kind: ChangeKind;
  severity: Severity;
  /** The record's one-sentence headline: webhook `headline`, feed entry title, e-mail subject. */
  headline: string;
  summary: string[];
}

/** A listed change record as a feed entry or alert, linking to its page under `baseUrl`. */
export function changeEntryOf(record: ChangeRecordListItem, baseUrl: string): Omit<AlertItem, "deliveryId"> {
  return {
    recordId: formatRecordId("change", record.id),
    url: new URL(`/changes/${record.id}`, baseUrl).href,
    platform: record.platformName,
    termsType: record.termsType,
    recordedAt: record.recordedAt,
    kind: record.kind,
    severity: record.severity,
    headline: record.headline,
    summary: record.summary,
  };
}

/** The items of `alerts`, oldest change first; alerts whose record is gone are left out. */
export async function loadAlertItems(
  src: QuerySource,
  alerts: readonly Alert[],
  baseUrl: string,
): Promise<AlertItem[]> {
  const items: AlertItem[] = [];
  for (const alert of [...alerts].sort((a, b) => a.changeRecordId - b.changeRecordId)) {
    const record = await getChangeRecord(src, alert.changeRecordId);
    if (record) items.push({ deliveryId: alert.id, ...changeEntryOf(record, baseUrl) });
  }
  return items;
}

/** The JSON body of a webhook call. */
export function webhookPayload(watchlist: Watchlist, items: readonly AlertItem[]): string {
  return JSON.stringify({
    type: watchlist.cadence === "weekly" ? "clausewatch.digest" : "clausewatch.change",
    watchlist: { id: watchlist.id, name: watchlist.name },
    changes: items,
  });
}

/** An e-mail in plain text: policy text quoted in it can never become markup or a script. */
export interface EmailMessage {
  subject: string;
  text: string;
}

/** "<Platform> <Document>: <headline>": what tells one change from another in a subject or a feed. */
export function entryTitle(item: Pick<AlertItem, "platform" | "termsType" | "headline">): string {
  return `${item.platform} ${item.termsType}: ${item.headline}`;
}

function itemTitle(item: AlertItem): string {
  return `${entryTitle(item)} (${item.kind}, ${item.severity} severity, ${item.recordedAt.slice(0, 10)})`;
}

/** Subject and body of an alert or digest e-mail. */
export function emailMessage(watchlist: Watchlist, items: readonly AlertItem[]): EmailMessage {
  const subject =
    watchlist.cadence === "weekly"
      ? `[ClauseWatch] ${watchlist.name}: ${items.length} change${items.length === 1 ? "" : "s"} this week`
      : `[ClauseWatch] ${entryTitle(items[0]!)}`;
  const blocks = items.map((item) =>
    [itemTitle(item), ...item.summary.map((line) => `  - ${line}`), `  ${item.recordId}: ${item.url}`].join(
      "\n",
    ),
  );
  const footer = `You receive this because of the ClauseWatch watchlist "${watchlist.name}" (#${watchlist.id}).`;
  return { subject: subject.replace(/[\r\n]+/g, " "), text: `${blocks.join("\n\n")}\n\n--\n${footer}\n` };
}
