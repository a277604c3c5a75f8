/**
 * Watchlists end to end on both backends: real versions recorded through the pipeline write alerts with
 * their change records; a real webhook receiver on loopback (failing once) and a real SMTP server on
 * loopback receive them; the Atom feeds serve them.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, it } from "node:test";
import { SMTPServer } from "smtp-server";
import {
  createWatchlist,
  DEFAULT_WATCH_FILTER,
  deliverAlerts,
  EmailSender,
  WebhookSender,
  webhookSignature,
} from "../../src/notify/index.js";
import { catchUp } from "../../src/pipeline/index.js";
import { createApp } from "../../src/server/index.js";
import { describeEachBackend } from "../helpers/backends.js";
import { BEFORE_PROTON, importProton } from "../helpers/proton-versions.js";

/** Watchlists are created "before" the Proton versions so that they see them. */
const CREATED = BEFORE_PROTON;

/** A webhook receiver: `/flaky` answers 500 to its first call, then 204; any other path 204. */
interface Receiver {
  origin: string;
  calls: { path: string; body: string; signature: string | undefined; deliveries: string }[];
}
let server: Server;
const receiver: Receiver = { origin: "", calls: [] };
let smtp: SMTPServer;
let smtpPort = 0;
const mails: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const signature = req.headers["x-clausewatch-signature"];
      const deliveries = req.headers["x-clausewatch-deliveries"];
      receiver.calls.push({
        path: req.url ?? "",
        body,
        signature: typeof signature === "string" ? signature : undefined,
        deliveries: typeof deliveries === "string" ? deliveries : "",
      });
      const flaky = receiver.calls.filter((c) => c.path === "/flaky").length;
      res.writeHead(req.url === "/flaky" && flaky === 1 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      stream.on("end", () => {
        mails.push(text);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describeEachBackend("watchlists and alerts", (get) => {
  it("writes one alert per matching change, delivers webhooks signed and retried, digests by e-mail, feeds by Atom", async () => {
    const { store } = get();
    receiver.calls.length = 0;
    mails.length = 0;
    const hook = await createWatchlist(
      store,
      {
        name: "Proton hook",
        channel: "webhook",
        target: `${receiver.origin}/flaky`,
        cadence: "immediate",
        filter: { ...DEFAULT_WATCH_FILTER, platforms: ["proton-mail"] },
      },
      { now: CREATED, allowPrivateNetwork: true },
    );
    const digest = await createWatchlist(
      store,
      {
        name: "Weekly",
        channel: "email",
        target: "dpo@example.org",
        cadence: "weekly",
        filter: DEFAULT_WATCH_FILTER,
      },
      { now: CREATED },
    );
    const feed = await createWatchlist(
      store,
      {
        name: "Everything",
        channel: "atom",
        target: null,
        cadence: "immediate",
        filter: { ...DEFAULT_WATCH_FILTER, kinds: ["substantive", "minor"] },
      },
      { now: CREATED },
    );
    const elsewhere = await createWatchlist(
      store,
      {
        name: "Other platform",
        channel: "atom",
        target: null,
        cadence: "immediate",
        filter: { ...DEFAULT_WATCH_FILTER, platforms: ["coursera"] },
      },
      { now: CREATED },
    );
    const late = await createWatchlist(store, {
      name: "Created after",
      channel: "atom",
      target: null,
      cadence: "immediate",
      filter: DEFAULT_WATCH_FILTER,
    });
    await importProton(get());

    // The second version is substantive, the third only changes its date (minor); the first is no change.
    assert.equal((await store.alerts.counts(hook.id)).pending, 1);
    assert.equal((await store.alerts.counts(digest.id)).pending, 1);
    assert.equal((await store.alerts.counts(feed.id)).delivered, 2);
    assert.equal((await store.alerts.counts(elsewhere.id)).delivered, 0);
    assert.equal((await store.alerts.counts(late.id)).delivered, 0);

    const webhook = new WebhookSender({ allowPrivateNetwork: true });
    const email = new EmailSender(`smtp://127.0.0.1:${smtpPort}`, "ClauseWatch <alerts@clausewatch.test>");
    const senders = { webhook, email };
    const baseUrl = "https://clausewatch.example";
    // Alerts are due from when they were written, which is the real clock.
    const now = new Date(Date.now() + 1000);
    try {
      // First pass: the receiver fails; the e-mail digest (due: a week since creation) goes out.
      const first = await deliverAlerts(store, { senders, baseUrl, now });
      assert.deepEqual(first, { delivered: 1, failed: 1, digests: 1 });
      const failing = await store.alerts.counts(hook.id);
      assert.equal(failing.failing, 1);
      assert.match(failing.lastError ?? "", /HTTP 500/);
      // Not yet due again: the retry waits a minute.
      assert.deepEqual(await deliverAlerts(store, { senders, baseUrl, now }), {
        delivered: 0,
        failed: 0,
        digests: 0,
      });
      const later = new Date(now.getTime() + 5 * 60_000);
      assert.deepEqual(await deliverAlerts(store, { senders, baseUrl, now: later }), {
        delivered: 1,
        failed: 0,
        digests: 0,
      });
      // attempts counts every POST of the alert: the failed one and the one that delivered it.
      const [sent] = await store.alerts.listByWatchlist(hook.id, 10);
      assert.equal(sent?.status, "delivered");
      assert.equal(sent?.attempts, receiver.calls.filter((c) => c.path === "/flaky").length);
      assert.equal(sent?.attempts, 2);
      // Delivered once: nothing more to send, and a recomputation of the history adds no alert.
      await catchUp(store, { all: true });
      assert.deepEqual(await deliverAlerts(store, { senders, baseUrl, now: later }), {
        delivered: 0,
        failed: 0,
        digests: 0,
      });
    } finally {
      await webhook.close();
      await email.close();
    }

    assert.equal(receiver.calls.length, 2);
    const call = receiver.calls[1]!;
    assert.equal(call.signature, webhookSignature(hook.secret, call.body));
    const payload = JSON.parse(call.body) as {
      type: string;
      changes: { recordId: string; url: string; kind: string; platform: string; headline: string }[];
    };
    assert.equal(payload.type, "clausewatch.change");
    assert.equal(payload.changes.length, 1);
    assert.equal(payload.changes[0]?.kind, "substantive");
    assert.equal(payload.changes[0]?.platform, "Proton Mail");
    assert.match(payload.changes[0]?.url ?? "", /^https:\/\/clausewatch\.example\/changes\/\d+$/);
    // The webhook carries the record's headline, which `recompute --all` wrote with the record's deltas.
    const record = await store.changes.get(Number(payload.changes[0]!.recordId.replace(/^CW-C-/, "")));
    assert.ok(record && record.deltas.length > 0);
    assert.equal(payload.changes[0]?.headline, record.headline);
    assert.ok(record.headline.startsWith(record.deltas[0]!.line.slice(0, 40)));

    assert.equal(mails.length, 1);
    assert.match(mails[0]!, /Subject: \[ClauseWatch\] Weekly: 1 change this week/);
    assert.match(mails[0]!, /To: dpo@example\.org/);
    // Each change of the digest opens with its headline (quoted-printable: soft line breaks undone).
    const body = mails[0]!.replace(/=\r\n/g, "");
    assert.ok(body.includes(`Proton Mail Privacy Policy: ${record.headline.slice(0, 30)}`));

    const app = createApp(store, { publicUrl: baseUrl });
    const own = await app.request(`/feeds/watchlists/${feed.secret}.atom`);
    assert.equal(own.status, 200);
    assert.match(own.headers.get("content-type") ?? "", /^application\/atom\+xml/);
    const xml = await own.text();
    assert.equal(xml.match(/<entry>/g)?.length, 2);
    // Entries are titled by their headlines: the date-only version says so.
    assert.match(xml, /Proton Mail Privacy Policy: Updates the date stamp/);
    assert.equal((await app.request("/feeds/watchlists/not-a-secret.atom")).status, 404);
    assert.equal((await app.request(`/feeds/watchlists/${hook.secret}.atom`)).status, 404);
    const publicFeed = await (await app.request("/feeds/changes.atom?platform=proton-mail")).text();
    assert.equal(publicFeed.match(/<entry>/g)?.length, 1);
    assert.equal((await app.request("/feeds/changes.atom?platform=nobody")).status, 404);
  });
});

describeEachBackend("alerts to a refused webhook", (get) => {
  it("keeps an alert to a private-network webhook pending, with the refusal as its error", async () => {
    const { store } = get();
    // Created past the creation-time check (as if the name had resolved elsewhere then): delivery checks again.
    const hook = await createWatchlist(
      store,
      {
        name: "Internal",
        channel: "webhook",
        target: `${receiver.origin}/internal`,
        cadence: "immediate",
        filter: DEFAULT_WATCH_FILTER,
      },
      { now: CREATED, allowPrivateNetwork: true },
    );
    await importProton(get());
    const calls = receiver.calls.length;
    const webhook = new WebhookSender({ allowPrivateNetwork: false });
    try {
      const report = await deliverAlerts(store, {
        senders: { webhook },
        baseUrl: "https://clausewatch.example",
      });
      assert.deepEqual(report, { delivered: 0, failed: 1, digests: 0 });
    } finally {
      await webhook.close();
    }
    assert.equal(receiver.calls.length, calls);
    const counts = await store.alerts.counts(hook.id);
    assert.equal(counts.pending, 1);
    assert.match(counts.lastError ?? "", /127\.0\.0\.1|private|loopback/i);
  });
});

describeEachBackend("alerts sent by concurrent delivery passes", (get) => {
  it("sends each alert once when two passes run at the same time", async () => {
    const { store } = get();
    const hooks = [];
    for (let i = 0; i < 8; i++)
      hooks.push(
        await createWatchlist(
          store,
          {
            name: `hook ${i}`,
            channel: "webhook",
            target: `${receiver.origin}/many`,
            cadence: "immediate",
            filter: DEFAULT_WATCH_FILTER,
          },
          { now: CREATED, allowPrivateNetwork: true },
        ),
      );
    await importProton(get());
    const senders = [
      new WebhookSender({ allowPrivateNetwork: true }),
      new WebhookSender({ allowPrivateNetwork: true }),
    ];
    const before = receiver.calls.length;
    try {
      const reports = await Promise.all(
        senders.map((webhook) =>
          deliverAlerts(store, { senders: { webhook }, baseUrl: "https://clausewatch.example" }),
        ),
      );
      assert.equal(reports[0]!.delivered + reports[1]!.delivered, hooks.length);
    } finally {
      await Promise.all(senders.map((s) => s.close()));
    }
    const ids = receiver.calls.slice(before).map((c) => c.deliveries);
    assert.equal(ids.length, hooks.length);
    assert.equal(new Set(ids).size, hooks.length);
  });
});
