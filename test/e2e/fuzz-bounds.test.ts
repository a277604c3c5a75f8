/**
 * One corpus of hostile parameter values (test/fixtures/fuzz/hostile-inputs.json) against every route, over a
 * real server on loopback, on both backends: ids past the integer columns, NUL and other control characters,
 * bidi overrides, bad percent-escapes, long strings. Bad input is the client's error: never a 5xx.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { issueApiKey } from "../../src/access/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { describeEachBackend } from "../helpers/backends.js";
import { importProton } from "../helpers/proton-versions.js";

interface HostileValue {
  value: string;
  why: string;
}

/** The corpus, with `@repeat:<text>:<n>` expanded. */
const VALUES: string[] = (
  JSON.parse(readFileSync(new URL("../fixtures/fuzz/hostile-inputs.json", import.meta.url), "utf8")) as {
    values: HostileValue[];
  }
).values.map(({ value }) => {
  const repeat = /^@repeat:(.+):(\d+)$/.exec(value);
  return repeat ? repeat[1]!.repeat(Number(repeat[2])) : value;
});

/** Every GET route and parameter, with `{}` where the hostile value goes. */
const GET_ROUTES = [
  "/platforms/{}",
  "/platforms/proton-mail?type={}",
  "/platforms/proton-mail?severity={}",
  "/platforms/proton-mail?page={}",
  "/platforms/{}/report",
  "/platforms/{}/report.pdf",
  "/documents/{}",
  "/documents/1?version={}",
  "/documents/1?page={}",
  "/versions/{}",
  "/versions/1?page={}",
  "/provisions/{}",
  "/changes?platform={}",
  "/changes?severity={}",
  "/changes?kind={}",
  "/changes?since={}",
  "/changes?until={}",
  "/changes?cursor={}",
  "/changes?limit={}",
  "/changes?format={}",
  "/changes/{}",
  "/clause-types/{}",
  "/compare?p={}",
  "/compare?p=proton-mail&p={}",
  "/search?q={}",
  "/search?type={}",
  "/search?platform={}",
  "/search?since={}",
  "/search?scope={}",
  "/search?page={}",
  "/search?limit={}",
  "/records/{}",
  "/records/CW-P-{}",
  "/records/CW-V-{}",
  "/records/CW-D-{}",
  "/records/CW-C-{}",
  "/feeds/changes.atom?platform={}",
  "/feeds/changes.atom?severity={}",
  "/feeds/watchlists/{}.atom",
  "/feeds/watchlists/{}",
  "/api/v1/platforms/{}",
  "/api/v1/documents?platform={}",
  "/api/v1/documents?cursor={}",
  "/api/v1/documents?limit={}",
  "/api/v1/documents/{}",
  "/api/v1/documents/{}/versions",
  "/api/v1/versions/{}",
  "/api/v1/provisions?platform={}",
  "/api/v1/provisions?document={}",
  "/api/v1/provisions?version={}",
  "/api/v1/provisions?type={}",
  "/api/v1/provisions?cursor={}",
  "/api/v1/provisions?limit={}",
  "/api/v1/provisions/{}",
  "/api/v1/change-records?platform={}",
  "/api/v1/change-records?since={}",
  "/api/v1/change-records?until={}",
  "/api/v1/change-records?cursor={}",
  "/api/v1/change-records?kind={}",
  "/api/v1/change-records/{}",
  "/api/v1/citations/{}",
  "/api/v1/citations/CW-P-{}",
  "/api/v1/citations/CW-V-1?format={}",
  "/api/v1/clause-types/{}",
  "/api/v1/search?q={}",
  "/api/v1/search?platform={}",
  "/api/v1/search?page={}",
  "/api/v1/compare?p={}",
  "/api/v1/stats?format={}",
  "/api/v1/watchlists/{}",
];

/** Decoded for a JSON body when it decodes; else sent as written. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

describeEachBackend("hostile parameters on every route", (get) => {
  let server: RunningServer;
  before(async () => {
    await importProton(get());
    server = await startServer(get().store, { port: 0, publicUrl: "https://cw.example" });
  });
  after(() => server.close());

  /** A fresh key per request: the write limit and the watchlist cap must not hide what the body does. */
  async function keyHeader(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${(await issueApiKey(get().store, "fuzz")).key}` };
  }

  it("answers every route with a client error or a page, never a 5xx", async () => {
    const failures: string[] = [];
    let requests = 0;
    const check = async (method: string, path: string, init: RequestInit = {}) => {
      requests++;
      const response = await fetch(`${server.url}${path}`, { ...init, method, redirect: "manual" });
      const body = await response.text();
      if (response.status >= 500)
        failures.push(`${method} ${path.slice(0, 120)} → ${response.status} ${body.slice(0, 160)}`);
    };
    const auth = await keyHeader();
    for (const value of VALUES) {
      for (const route of GET_ROUTES) {
        await check(
          "GET",
          route.replace("{}", value),
          route.startsWith("/api/v1/watchlists") ? { headers: auth } : {},
        );
      }
      await check("DELETE", `/api/v1/watchlists/${value}`, { headers: await keyHeader() });
      for (const body of [
        { name: decoded(value), channel: "atom" },
        { name: "Fuzz", channel: "email", target: decoded(value) },
        { name: "Fuzz", channel: "webhook", target: `https://example.org/${decoded(value)}` },
        {
          name: "Fuzz",
          channel: "atom",
          filter: { platforms: [decoded(value)], termsTypes: [decoded(value)] },
        },
      ]) {
        await check("POST", "/api/v1/watchlists", {
          headers: { ...(await keyHeader()), "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      }
    }
    assert.ok(requests > VALUES.length * GET_ROUTES.length, `${requests} requests`);
    assert.deepEqual(failures, []);
  });

  it("refuses NUL, other controls and bidi overrides in watchlist names and targets, saying why", async () => {
    const cases = [
      [{ name: "a\u0000b", channel: "atom" }, "name: contains the control character U+0000"],
      [{ name: "invoice\u202Efdp.exe", channel: "atom" }, "name: contains the bidirectional control U+202E"],
      [
        { name: "Mail", channel: "email", target: "dpo\u0000@example.org" },
        "target: contains the control character U+0000",
      ],
      [
        { name: "Mail", channel: "atom", filter: { termsTypes: ["Privacy\u001BPolicy"] } },
        "contains the control character U+001B",
      ],
    ] as const;
    for (const [body, why] of cases) {
      const response = await fetch(`${server.url}/api/v1/watchlists`, {
        method: "POST",
        headers: { ...(await keyHeader()), "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      assert.equal(response.status, 400, text);
      assert.ok(text.includes(why), `${text} should say ${why}`);
    }
    // Nothing the corpus sent either: no stored name or target holds a control or bidi character.
    for (const w of await get().store.watchlists.list())
      assert.doesNotMatch(
        `${w.name} ${w.target ?? ""} ${w.filter.termsTypes.join(" ")}`,
        /[\p{Cc}\p{Bidi_Control}]/u,
      );
  });
});
