/** Atom feeds of change records. Summaries quote policy text: it is escaped before it becomes feed HTML. */
import { Feed } from "feed";
import type { Watchlist } from "../model/index.js";
import { type AlertItem, entryTitle } from "./alert-message.js";

/** A change record as a feed entry (the same shape as an alert, without a delivery). */
export type FeedEntry = Omit<AlertItem, "deliveryId">;

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** An Atom 1.0 document: `entries` newest first, each linking to its change record page. */
export function renderAtomFeed(options: {
  title: string;
  /** The feed's own URL, also its id. */
  selfUrl: string;
  /** The page the feed mirrors. */
  siteUrl: string;
  entries: readonly FeedEntry[];
}): string {
  const updated = options.entries[0] ? new Date(options.entries[0].recordedAt) : new Date(0);
  const feed = new Feed({
    id: options.selfUrl,
    title: options.title,
    link: options.siteUrl,
    updated,
    generator: "ClauseWatch",
    feedLinks: { atom: options.selfUrl },
    copyright: "Summaries by ClauseWatch; quoted text belongs to each platform",
  });
  for (const e of options.entries) {
    feed.addItem({
      id: e.url,
      link: e.url,
      // Escaped like the summaries: the feed marks titles as HTML, and escaping also keeps "]]>" out of CDATA.
      title: escapeHtml(entryTitle(e)),
      date: new Date(e.recordedAt),
      description: escapeHtml(e.summary[0] ?? ""),
      content: `<ul>${e.summary.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul><p>${e.recordId}</p>`,
    });
  }
  return feed.atom1();
}

/** The private feed URL of an Atom watchlist under `baseUrl`: whoever has it can read the watchlist's alerts. */
export function watchlistFeedUrl(baseUrl: string, watchlist: Pick<Watchlist, "secret">): string {
  return new URL(`/feeds/watchlists/${watchlist.secret}.atom`, baseUrl).href;
}
