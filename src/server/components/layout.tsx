/** The page shell: landmarks, skip link, navigation, one h1 per page (given by each page). */
import type { Child } from "hono/jsx";
import { STYLESHEET, STYLESHEET_PATH } from "../assets/assets.js";
import type { FeedLink } from "../feeds.js";

/** Sections of the main navigation. */
export type NavSection = "home" | "platforms" | "changes" | "clause-types" | "compare" | "search" | "api";

const NAV: { id: NavSection; href: string; label: string }[] = [
  { id: "home", href: "/", label: "Dashboard" },
  { id: "platforms", href: "/platforms", label: "Platforms" },
  { id: "changes", href: "/changes", label: "Changes" },
  { id: "clause-types", href: "/clause-types", label: "Clause types" },
  { id: "compare", href: "/compare", label: "Compare" },
  { id: "search", href: "/search", label: "Search" },
  { id: "api", href: "/api/docs", label: "API" },
];

/** A breadcrumb trail entry; the last one is the current page. */
export interface Crumb {
  href?: string;
  label: string;
}

export interface LayoutProps {
  title: string;
  description?: string;
  section?: NavSection;
  crumbs?: Crumb[];
  /** Embed the stylesheet (PDF rendering from a string has no server to fetch it from). */
  inlineStyles?: boolean;
  /** An Atom feed of this page's changes, announced to feed readers. */
  feed?: FeedLink;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const crumbs = props.crumbs ?? [];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{`${props.title} · ClauseWatch`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.feed ? (
          <link rel="alternate" type="application/atom+xml" title={props.feed.title} href={props.feed.href} />
        ) : null}
        {props.inlineStyles ? (
          // The stylesheet is our own constant; escaping would break its child combinators.
          <style dangerouslySetInnerHTML={{ __html: STYLESHEET }} />
        ) : (
          <link rel="stylesheet" href={STYLESHEET_PATH} />
        )}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to main content
        </a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">
              ClauseWatch
            </a>
            <nav class="main" aria-label="Main">
              <ul>
                {NAV.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.id === props.section ? "page" : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <search class="quick">
              <form method="get" action="/search">
                <label for="quick-q" class="visually-hidden">
                  Search provisions
                </label>
                <input id="quick-q" name="q" type="search" placeholder="Search provisions" maxlength={200} />
                <button type="submit">Search</button>
              </form>
            </search>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {crumbs.length > 0 ? (
            <nav class="crumbs" aria-label="Breadcrumb">
              <ol>
                {crumbs.map((c, i) =>
                  c.href && i < crumbs.length - 1 ? (
                    <li>
                      <a href={c.href}>{c.label}</a>
                    </li>
                  ) : (
                    <li aria-current={i === crumbs.length - 1 ? "page" : undefined}>{c.label}</li>
                  ),
                )}
              </ol>
            </nav>
          ) : null}
          {props.children}
        </main>
        <footer class="site">
          <div>
            ClauseWatch is an independent archive. It is not affiliated with the platforms it monitors.
            Analyses describe what documents say; they are not legal advice.{" "}
            <a href="/api/docs">Open data API</a>.
          </div>
        </footer>
      </body>
    </html>
  );
}
