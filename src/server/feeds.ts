/** The Atom feeds that pages announce (served by routes/feed-routes.ts), and their entries as readers see them. */
import type { FeedEntry } from "../notify/index.js";
import { plainText } from "./components/markdown.js";

/** A feed link: its URL and the title feed readers show. */
export interface FeedLink {
  href: string;
  title: string;
}

/** Substantive changes of every platform. */
export const SITE_FEED: FeedLink = { href: "/feeds/changes.atom", title: "ClauseWatch: substantive changes" };

/** Substantive changes of one platform's documents. */
export function platformFeed(platform: { slug: string; name: string }): FeedLink {
  return {
    href: `/feeds/changes.atom?platform=${encodeURIComponent(platform.slug)}`,
    title: `ClauseWatch: substantive changes to ${platform.name}'s documents`,
  };
}

/**
 * A feed entry in plain text: the headline and summary lines as a reader sees them on the pages, without the
 * Markdown syntax of quoted policy text (`**`, `[text](#anchor)`, `<br>`), which feed readers would show as is.
 */
export function plainFeedEntry(entry: FeedEntry): FeedEntry {
  return {
    ...entry,
    headline: plainText(entry.headline),
    summary: entry.summary.map((line) => plainText(line)),
  };
}
