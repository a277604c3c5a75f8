/** The Atom feeds that pages announce (served by routes/feed-routes.ts). */

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
