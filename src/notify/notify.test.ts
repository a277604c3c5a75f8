import assert from "node:assert/strict";
import { it } from "node:test";
import type { Watchlist } from "../model/index.js";
import { renderAtomFeed } from "./atom-feed.js";
import { checkTarget } from "./create-watchlist.js";
import { alertRetryDelayMs, digestDue } from "./deliver-alerts.js";
import { DEFAULT_WATCH_FILTER, matchesWatch } from "./match-watch.js";

const facts = {
  platformSlug: "coursera",
  termsType: "Privacy Policy",
  kind: "substantive" as const,
  severity: "medium" as const,
  clauseTypes: new Set(["sharing-institutional-clients"]),
};

it("matches on every part of the filter, an empty list meaning any", () => {
  assert.equal(matchesWatch(DEFAULT_WATCH_FILTER, facts), true);
  assert.equal(matchesWatch(DEFAULT_WATCH_FILTER, { ...facts, kind: "minor" }), false);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, minSeverity: "high" }, facts), false);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, platforms: ["edx", "coursera"] }, facts), true);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, platforms: ["edx"] }, facts), false);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, termsTypes: ["privacy policy"] }, facts), true);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, termsTypes: ["Terms of Service"] }, facts), false);
  assert.equal(matchesWatch({ ...DEFAULT_WATCH_FILTER, clauseTypes: ["arbitration"] }, facts), false);
  assert.equal(
    matchesWatch(
      { ...DEFAULT_WATCH_FILTER, clauseTypes: ["arbitration", "sharing-institutional-clients"] },
      facts,
    ),
    true,
  );
});

it("accepts http(s) webhooks and e-mail addresses, and refuses the rest with a reason", () => {
  assert.equal(checkTarget("webhook", "https://hooks.example.org/cw"), "https://hooks.example.org/cw");
  assert.equal(checkTarget("email", "dpo@example.org"), "dpo@example.org");
  assert.equal(checkTarget("atom", null), null);
  assert.throws(() => checkTarget("webhook", "file:///etc/passwd"), /http or https/);
  assert.throws(() => checkTarget("webhook", "https://user:pw@example.org/"), /credentials/);
  assert.throws(() => checkTarget("webhook", "not a url"), /not a URL/);
  assert.throws(() => checkTarget("email", "dpo@example.org\r\nBcc: x@y.z"), /control character U\+000D/);
  assert.throws(() => checkTarget("email", "dpo\u0000@example.org"), /control character U\+0000/);
  assert.throws(() => checkTarget("email", null), /needs a target/);
  assert.throws(() => checkTarget("atom", "https://example.org"), /no target/);
});

it("retries after a minute, doubling up to six hours, and sends digests a week apart", () => {
  assert.equal(alertRetryDelayMs(1), 60_000);
  assert.equal(alertRetryDelayMs(3), 240_000);
  assert.equal(alertRetryDelayMs(50), 6 * 3600_000);
  const w = { createdAt: "2026-11-01T00:00:00.000Z", lastDigestAt: null } as Watchlist;
  assert.equal(digestDue(w, new Date("2026-11-07T23:59:00Z")), false);
  assert.equal(digestDue(w, new Date("2026-11-08T00:00:00Z")), true);
  assert.equal(
    digestDue({ ...w, lastDigestAt: "2026-11-08T00:00:00.000Z" }, new Date("2026-11-10T00:00:00Z")),
    false,
  );
});

it("escapes policy text in feed entries, so a reader rendering the HTML shows it as text", () => {
  const xml = renderAtomFeed({
    title: "t",
    selfUrl: "https://clausewatch.example/feeds/changes.atom",
    siteUrl: "https://clausewatch.example/changes",
    entries: [
      {
        recordId: "CW-C-1",
        url: "https://clausewatch.example/changes/1",
        platform: "Example <i>]]>",
        termsType: "Privacy Policy",
        recordedAt: "2026-11-24T00:00:00Z",
        kind: "substantive",
        severity: "high",
        headline: "Adds sale of data: “<b>we sell</b>”",
        summary: ['Adds a provision: “<script>alert(1)</script><img src=x onerror="y">”'],
      },
    ],
  });
  assert.doesNotMatch(xml, /<script>|<img|<i>|<b>/);
  // "]]>" would close a CDATA section early; escaped, it cannot.
  assert.equal(xml.match(/\]\]>/g)?.length, xml.match(/<!\[CDATA\[/g)?.length);
  // Escaped for HTML, then for XML: a reader decodes the XML once and gets escaped HTML.
  assert.match(xml, /&amp;lt;script&amp;gt;|&lt;script&gt;/);
  assert.match(xml, /<id>https:\/\/clausewatch\.example\/changes\/1<\/id>/);
});
