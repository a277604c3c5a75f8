/**
 * Self-service watchlists over the HTTP API, on both backends: API keys (stored as hashes, revocable),
 * create/list/get/delete of one's own watchlists only, the checks of `watch add` answered as 400s, the write
 * limit, CORS, and an API-made webhook watchlist receiving a real change at a real loopback receiver.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import type { Hono } from "hono";
import { sql } from "kysely";
import { hashApiKey, issueApiKey } from "../../src/access/index.js";
import {
  createWatchlist,
  DEFAULT_WATCH_FILTER,
  deliverAlerts,
  WebhookSender,
  webhookSignature,
} from "../../src/notify/index.js";
import { WRITE_BURST } from "../../src/server/api/rate-limit.js";
import { createApp } from "../../src/server/index.js";
import { describeEachBackend } from "../helpers/backends.js";
import { BEFORE_PROTON, importProton } from "../helpers/proton-versions.js";

const PUBLIC_URL = "https://cw.example";

/** A webhook receiver on loopback that records what it is sent and answers 204. */
const received: { body: string; signature: string }[] = [];
let receiver: Server;
let hookUrl = "";

before(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["x-clausewatch-signature"]),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

after(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

interface ApiError {
  error: { status: number; message: string; details: string[] };
}
interface WatchlistBody {
  id: number;
  channel: string;
  target: string | null;
  cadence: string;
  filter: { platforms: string[]; kinds: string[]; minSeverity: string; clauseTypes: string[] };
  alerts: { delivered: number; pending: number; failing: number; lastError: string | null };
  secret?: string | null;
  feedUrl?: string | null;
  notes?: string[];
}

/** Calls the API as the holder of `key` (or without one when null). */
function client(app: Hono, key: string | null) {
  const auth: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return {
    get: (path: string) => app.request(`/api/v1${path}`, { headers: auth }),
    delete: (path: string) => app.request(`/api/v1${path}`, { method: "DELETE", headers: auth }),
    post: (path: string, body: unknown) =>
      app.request(`/api/v1${path}`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
  };
}

async function data<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return (JSON.parse(text) as { data: T }).data;
}

async function problems(response: Response, status = 400): Promise<string> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  const { error } = JSON.parse(text) as ApiError;
  return [error.message, ...error.details].join("\n");
}

describeEachBackend("watchlists over the API", (get) => {
  it("stores only the SHA-256 of a key, which is shown once in a recognisable form", async () => {
    const { store } = get();
    const { key, apiKey } = await issueApiKey(store, "Newsroom");
    assert.match(key, /^cwk_[A-Za-z0-9_-]{43}$/);
    const rows = await sql`select * from api_keys`.execute(store.db);
    const stored = JSON.stringify(rows.rows);
    assert.ok(!stored.includes(key) && !stored.includes(key.slice(4)), "the key itself is not stored");
    assert.ok(stored.includes(hashApiKey(key)));
    assert.deepEqual(
      (await store.apiKeys.list()).find((k) => k.id === apiKey.id),
      { id: apiKey.id, name: "Newsroom", createdAt: apiKey.createdAt, lastUsedAt: null, revokedAt: null },
    );
  });

  it("creates each channel, and lets a key list, read and delete its own watchlists only", async () => {
    const { store } = get();
    const app = createApp(store, { publicUrl: PUBLIC_URL, allowPrivateNetwork: true });
    const { key: keyA, apiKey: a } = await issueApiKey(store, "A");
    const { key: keyB } = await issueApiKey(store, "B");
    const alice = client(app, keyA);
    const bob = client(app, keyB);

    const hook = await data<WatchlistBody>(
      await alice.post("/watchlists", { name: "Hook", channel: "webhook", target: hookUrl }),
      201,
    );
    assert.equal(hook.target, hookUrl);
    assert.match(hook.secret ?? "", /^[\w-]{32}$/);
    assert.equal(hook.feedUrl, null);
    assert.deepEqual(hook.filter, { ...DEFAULT_WATCH_FILTER });
    assert.equal(hook.cadence, "immediate");

    const mail = await data<WatchlistBody>(
      await alice.post("/watchlists", {
        name: "Digest",
        channel: "email",
        target: "dpo@example.org",
        cadence: "weekly",
        filter: { termsTypes: ["Privacy Policy"], kinds: ["substantive", "minor"], minSeverity: "medium" },
      }),
      201,
    );
    assert.equal(mail.secret, null);
    assert.equal(mail.feedUrl, null);
    assert.equal(mail.cadence, "weekly");
    assert.deepEqual(mail.filter.kinds, ["substantive", "minor"]);

    const created = await alice.post("/watchlists", {
      name: "Feed",
      channel: "atom",
      filter: { platforms: ["nowhere"], clauseTypes: ["sharing-institutional-clients"] },
    });
    assert.match(created.headers.get("location") ?? "", /^\/api\/v1\/watchlists\/\d+$/);
    assert.equal(created.headers.get("cache-control"), "no-store");
    const feed = await data<WatchlistBody>(created, 201);
    assert.equal(feed.secret, null);
    assert.match(feed.feedUrl ?? "", /^https:\/\/cw\.example\/feeds\/watchlists\/[\w-]{32}\.atom$/);
    assert.match(feed.notes?.join() ?? "", /no platform "nowhere" is tracked yet/);
    const atom = await app.request(new URL(feed.feedUrl ?? "").pathname);
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get("content-type") ?? "", /atom/);

    const listed = await data<WatchlistBody[]>(await alice.get("/watchlists"), 200);
    assert.deepEqual(
      listed.map((w) => w.id),
      [hook.id, mail.id, feed.id],
    );
    assert.ok(
      listed.every((w) => !("secret" in w) && !("feedUrl" in w)),
      "secrets are shown once",
    );
    assert.deepEqual(listed[0]?.alerts, { delivered: 0, pending: 0, failing: 0, lastError: null });
    assert.deepEqual(await data(await bob.get("/watchlists"), 200), []);
    assert.equal((await data<WatchlistBody>(await alice.get(`/watchlists/${mail.id}`), 200)).id, mail.id);
    assert.notEqual((await store.apiKeys.list()).find((k) => k.id === a.id)?.lastUsedAt, null);

    // Another key's watchlist and a CLI-made one look exactly like missing ones.
    const cli = await createWatchlist(store, {
      name: "Operator's",
      channel: "atom",
      target: null,
      cadence: "immediate",
      filter: DEFAULT_WATCH_FILTER,
    });
    for (const [who, id] of [
      [bob, hook.id],
      [alice, cli.id],
      [alice, 99_999],
    ] as const) {
      assert.match(
        await problems(await who.get(`/watchlists/${id}`), 404),
        new RegExp(`Watchlist ${id} not found`),
      );
      assert.match(
        await problems(await who.delete(`/watchlists/${id}`), 404),
        new RegExp(`Watchlist ${id} not found`),
      );
    }
    assert.ok(await store.watchlists.get(hook.id), "bob could not delete it");
    assert.ok(await store.watchlists.get(cli.id), "nor could alice delete the operator's");

    const deleted = await alice.delete(`/watchlists/${hook.id}`);
    assert.equal(deleted.status, 204);
    assert.equal(await deleted.text(), "");
    assert.equal((await alice.get(`/watchlists/${hook.id}`)).status, 404);
    assert.equal(await store.watchlists.get(hook.id), undefined);
    assert.equal((await data<WatchlistBody[]>(await alice.get("/watchlists"), 200)).length, 2);
  });

  it("answers 401 with a Bearer challenge without a working key, a revoked one included, before reading the body", async () => {
    const { store } = get();
    const app = createApp(store);
    const { key, apiKey } = await issueApiKey(store, "Soon revoked");
    const unknown = `cwk_${"A".repeat(43)}`;
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^Bearer realm="ClauseWatch API"$/],
      [{ authorization: "Bearer garbage" }, /error="invalid_token"/],
      [{ authorization: `Bearer ${unknown}` }, /error="invalid_token"/],
      [{ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, /error="invalid_token"/],
      [{ authorization: key }, /error="invalid_token"/],
    ];
    for (const [headers, challenge] of cases) {
      for (const [method, path] of [
        ["GET", "/api/v1/watchlists"],
        ["POST", "/api/v1/watchlists"],
        ["GET", "/api/v1/watchlists/1"],
        ["DELETE", "/api/v1/watchlists/1"],
      ] as const) {
        const response = await app.request(path, {
          method,
          headers: { ...headers, "content-type": "application/json" },
          ...(method === "POST" ? { body: "{not json" } : {}),
        });
        assert.equal(response.status, 401, `${method} ${path} with ${JSON.stringify(headers)}`);
        assert.match(response.headers.get("www-authenticate") ?? "", challenge);
      }
    }
    const holder = client(app, key);
    assert.equal((await holder.get("/watchlists")).status, 200);
    assert.ok(await store.apiKeys.revoke(apiKey.id, new Date().toISOString()));
    const refused = await holder.get("/watchlists");
    assert.equal(refused.status, 401, "a revoked key stops working at once");
    assert.match(refused.headers.get("www-authenticate") ?? "", /invalid_token/);
    assert.equal((await holder.post("/watchlists", { name: "x", channel: "atom" })).status, 401);
    assert.equal(await store.apiKeys.revoke(apiKey.id, new Date().toISOString()), false);
    // The public, read-only API needs no key.
    assert.equal((await app.request("/api/v1/platforms")).status, 200);
  });

  it("refuses bad bodies with 400 naming each field, as `watch add` would, and creates nothing", async () => {
    const { store } = get();
    // Private networks refused, as in production.
    const app = createApp(store, { allowPrivateNetwork: false });
    const { key } = await issueApiKey(store, "Careless");
    const api = client(app, key);
    const before = (await store.watchlists.list()).length;
    const cases: [unknown, RegExp[]][] = [
      [
        { name: "x", channel: "atom", filter: { clauseTypes: ["arbitration", "no-such-type"] } },
        [/filter\.clauseTypes\.1: unknown clause type no-such-type/],
      ],
      [{ name: "x", channel: "email", target: "not-an-address" }, [/target: not an e-mail address/]],
      [
        { name: "x", channel: "email", target: "a@b.org\r\nBcc: c@d.org" },
        [/target: contains the control character U\+000D/],
      ],
      [{ name: "x", channel: "email" }, [/target: a email watchlist needs a target/]],
      [
        { name: "x", channel: "atom", target: "https://example.org/" },
        [/target: an Atom watchlist has no target/],
      ],
      [
        { name: "x", channel: "webhook", target: "file:///etc/passwd" },
        [/target: webhooks are http or https/],
      ],
      [
        { name: "x", channel: "webhook", target: hookUrl },
        [/target: webhook refused: .*127\.0\.0\.1.*loopback/],
      ],
      [
        { name: "x", channel: "webhook", target: "http://localhost:9/" },
        [/target: webhook refused: .*loopback/],
      ],
      [{ name: "x", channel: "webhook", target: "http://[::1]/" }, [/target: webhook refused/]],
      [{ name: "x", channel: "webhook", target: "http://10.1.2.3/" }, [/target: webhook refused: .*private/]],
      [
        { name: "x", channel: "webhook", target: "http://169.254.169.254/latest/" },
        [/target: webhook refused/],
      ],
      [
        { name: "x", channel: "webhook", target: "http://metadata.google.internal/" },
        [/target: webhook refused/],
      ],
      [
        { name: " ", channel: "sms", cadence: "hourly", filter: { kinds: [], minSeverity: "extreme" } },
        [
          /name: is required/,
          /channel: must be one of webhook, email, atom/,
          /cadence:/,
          /filter\.kinds:/,
          /filter\.minSeverity:/,
        ],
      ],
      [
        { name: "x", channel: "atom", filter: { platforms: ["Not A Slug"] } },
        [/filter\.platforms\.0: must be a platform slug/],
      ],
      [{ name: "x", channel: "atom", webhook: "https://example.org/" }, [/Unrecognized key.*webhook/]],
      [{ channel: "atom" }, [/name:/]],
      ["{not json", [/not valid JSON/]],
      ["[]", [/body:/]],
    ];
    for (const [body, expected] of cases) {
      const text = await problems(await api.post("/watchlists", body));
      for (const pattern of expected) assert.match(text, pattern, JSON.stringify(body));
    }
    const form = await app.request("/api/v1/watchlists", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded" },
      body: "name=x&channel=atom",
    });
    assert.equal(form.status, 415);
    const huge = {
      name: "x",
      channel: "atom",
      filter: { termsTypes: ["Privacy Policy"] },
      pad: "x".repeat(70_000),
    };
    assert.match(await problems(await api.post("/watchlists", huge), 413), /body: at most 65536 bytes/);
    assert.deepEqual(await data(await api.get("/watchlists"), 200), []);
    assert.equal((await store.watchlists.list()).length, before);
  });

  it("delivers a change to a webhook watchlist made over the API, signed with the secret it was given", async () => {
    const { store } = get();
    received.length = 0;
    // Created before the Proton versions, on a clock the test sets, so that it sees their change.
    const app = createApp(store, { now: () => new Date(BEFORE_PROTON), allowPrivateNetwork: true });
    const { key } = await issueApiKey(store, "Proton watcher");
    const api = client(app, key);
    const hook = await data<WatchlistBody>(
      await api.post("/watchlists", {
        name: "Proton",
        channel: "webhook",
        target: hookUrl,
        filter: { platforms: ["proton-mail"] },
      }),
      201,
    );
    await importProton(get());
    assert.equal((await data<WatchlistBody>(await api.get(`/watchlists/${hook.id}`), 200)).alerts.pending, 1);

    const webhook = new WebhookSender({ allowPrivateNetwork: true });
    try {
      const report = await deliverAlerts(store, {
        senders: { webhook },
        baseUrl: PUBLIC_URL,
        now: new Date(Date.now() + 1000),
      });
      assert.equal(report.delivered, 1);
    } finally {
      await webhook.close();
    }
    const calls = received.filter((c) => c.body.includes('"Proton"'));
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.signature, webhookSignature(hook.secret ?? "", calls[0]?.body ?? ""));
    const payload = JSON.parse(calls[0]?.body ?? "{}") as { changes: { platform: string; kind: string }[] };
    assert.deepEqual(
      payload.changes.map((c) => [c.platform, c.kind]),
      [["Proton Mail", "substantive"]],
    );
    const after = await data<WatchlistBody[]>(await api.get("/watchlists"), 200);
    assert.deepEqual(after[0]?.alerts, { delivered: 1, pending: 0, failing: 0, lastError: null });
  });

  it("limits writes per key with 429 and Retry-After, leaving reads and other keys alone", async () => {
    const { store } = get();
    const app = createApp(store, { now: () => new Date("2026-07-04T12:00:00Z") });
    const busy = client(app, (await issueApiKey(store, "Busy")).key);
    const calm = client(app, (await issueApiKey(store, "Calm")).key);
    for (let i = 0; i < WRITE_BURST; i++) assert.equal((await busy.delete("/watchlists/424242")).status, 404);
    const limited = await busy.delete("/watchlists/424242");
    assert.match(await problems(limited, 429), /Too many requests/);
    assert.match(limited.headers.get("retry-after") ?? "", /^[1-9]\d*$/);
    assert.equal((await busy.post("/watchlists", { name: "x", channel: "atom" })).status, 429);
    assert.equal((await busy.get("/watchlists")).status, 200);
    assert.equal((await calm.post("/watchlists", { name: "x", channel: "atom" })).status, 201);
  });

  it("answers the CORS preflight of keyed calls, and never lets a browser send credentials of its own", async () => {
    const { store } = get();
    const app = createApp(store);
    const preflight = await app.request("/api/v1/watchlists", {
      method: "OPTIONS",
      headers: {
        origin: "https://newsroom.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /POST/);
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /DELETE/);
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/i);
    assert.equal(preflight.headers.get("access-control-allow-credentials"), null);
    const { key } = await issueApiKey(store, "Browser");
    const call = await app.request("/api/v1/watchlists", {
      headers: { origin: "https://newsroom.example", authorization: `Bearer ${key}` },
    });
    assert.equal(call.status, 200);
    assert.equal(call.headers.get("access-control-allow-origin"), "*");
    assert.equal(call.headers.get("access-control-allow-credentials"), null);
    assert.match(call.headers.get("access-control-expose-headers") ?? "", /Retry-After/);
    assert.match(call.headers.get("content-security-policy") ?? "", /default-src 'none'/);
  });
});
