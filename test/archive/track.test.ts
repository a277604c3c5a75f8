import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Archiver } from "../../src/archive/archiver.js";
import { parseDeclaration } from "../../src/archive/declarations/index.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { WarcWriter, warcSinkFor } from "../../src/archive/warc/warc-writer.js";
import { createApp } from "../../src/server/create-app.js";
import { describeEachBackend } from "../helpers/backends.js";

const pages = (name: string) =>
  readFile(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)));

/** A loopback site whose privacy page can be switched between real captures. */
let server: Server;
let base = "";
const served: Record<string, { status: number; type: string; body: Buffer }> = {};
let hits = 0;

before(async () => {
  const privacy = await pages("ota-privacy-2024-03-26.html");
  served["/privacy"] = { status: 200, type: "text/html; charset=utf-8", body: privacy };
  served["/missing"] = { status: 404, type: "text/html", body: Buffer.from("<h1>Not found</h1>") };
  // PNG signature followed by binary noise: not a document.
  served["/binary"] = {
    status: 200,
    type: "application/octet-stream",
    body: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(2048, 0xff),
    ]),
  };
  server = createServer((req, res) => {
    hits++;
    const page = served[req.url ?? ""];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, { "content-type": page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describeEachBackend("tracking declared documents over HTTP", (get) => {
  before(async () => {
    served["/privacy"]!.body = await pages("ota-privacy-2024-03-26.html");
  });
  const archiver = () =>
    new Archiver(get().store, {
      warc: warcSinkFor(get().store, get().dataDir),
      fetch: { allowPrivateNetwork: true, retries: 0 },
    });
  const declaration = () =>
    parseDeclaration(
      "Open Terms Archive.json",
      JSON.stringify({
        name: "Open Terms Archive",
        terms: {
          "Privacy Policy": { fetch: `${base}/privacy`, select: ".textcontent" },
          "Terms of Use": { fetch: `${base}/missing`, select: ".textcontent" },
          Imprint: { fetch: `${base}/binary` },
        },
      }),
    );

  async function trackAll() {
    const { store } = get();
    const decl = declaration();
    const platform = await store.platforms.ensure(decl.name);
    const outcomes: Record<string, string> = {};
    for (const d of decl.documents) {
      const document = await store.documents.ensure(platform.id, d.termsType, d.sources);
      outcomes[d.termsType] = (await archiver().captureDocument(document)).kind;
    }
    return outcomes;
  }

  it("records a version, and an error (not a crash) for a 404 and for binary bytes", async () => {
    const outcomes = await trackAll();
    assert.deepEqual(outcomes, {
      "Privacy Policy": "version",
      "Terms of Service": "error",
      Imprint: "error",
    });
    const { store } = get();
    const platform = await store.platforms.find("Open Terms Archive");
    assert.ok(platform);
    const docs = await store.documents.listByPlatform(platform.id);
    const byType = Object.fromEntries(docs.map((d) => [d.termsType, d]));
    assert.match(byType["Terms of Service"]?.lastError ?? "", /404/);
    assert.ok(byType.Imprint?.lastError, "binary content must be reported");
    const privacy = byType["Privacy Policy"];
    assert.ok(privacy);
    assert.equal(privacy.lastError, null);
    const version = await store.versions.latest(privacy.id);
    assert.ok(version);
    assert.match(version.text, /This privacy policy explains how, why and under what conditions/);
    assert.match(version.text, /contact@opentermsarchive\.org/);
    // Navigation outside the declared selector is not part of the document.
    assert.doesNotMatch(version.text, /Brand guidelines|Follow us/);
    // The binary capture's bytes are still archived, with provenance.
    const imprintSnapshots = await store.snapshots.listByDocument(byType.Imprint!.id);
    assert.equal(imprintSnapshots.length, 1);
    assert.equal(imprintSnapshots[0]?.httpStatus, 200);
    assert.ok(imprintSnapshots[0]?.warc);
  });

  it("records a re-capture whose page chrome changed but whose text did not as a verification", async () => {
    served["/privacy"]!.body = await pages("ota-privacy-2026-04-22.html");
    const outcomes = await trackAll();
    assert.equal(outcomes["Privacy Policy"], "verification");
  });

  it("records a new version when the text changes, and the chain still verifies", async () => {
    served["/privacy"]!.body = await pages("ota-imprint-2026-04-22.html");
    const outcomes = await trackAll();
    assert.equal(outcomes["Privacy Policy"], "version");
    const { store } = get();
    const stats = await store.stats();
    assert.equal(stats.versions, 2);
    // Three runs of two fetched pages each; the 404 never produced bytes to keep.
    assert.equal(stats.snapshots, 6);
    const report = await verifyArchive(store, { warcDir: join(get().dataDir, "warc") });
    assert.equal(report.ok, true, JSON.stringify(report.problems));
    assert.equal(report.verificationsChecked, 1);
  });

  it("captures a local HTML file with its declared selector, without a WARC record", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Local files");
    const file = fileURLToPath(new URL("../fixtures/pages/ota-imprint-2026-04-22.html", import.meta.url));
    const document = await store.documents.ensure(platform.id, "Imprint", [
      { fetch: file, select: ".textcontent" },
    ]);
    const outcome = await archiver().captureDocument(document, { allowLocalFiles: true });
    assert.equal(outcome.kind, "version");
    if (outcome.kind !== "version") return;
    assert.match(outcome.version.text, /Director of the publication/);
    const [snapshot] = await store.snapshots.listByDocument(document.id);
    assert.equal(snapshot?.method, "file");
    assert.equal(snapshot?.warc, null);
    assert.equal(snapshot?.mimeType, "text/html");
  });

  it("keeps the extraction's warning with the snapshot when the declared selector no longer matches", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Redesigned site");
    const file = fileURLToPath(new URL("../fixtures/pages/ota-imprint-2026-04-22.html", import.meta.url));
    const document = await store.documents.ensure(platform.id, "Imprint", [
      { fetch: file, select: ".selector-of-the-old-design" },
    ]);
    const outcome = await archiver().captureDocument(document, { allowLocalFiles: true });
    assert.equal(outcome.kind, "version");
    if (outcome.kind !== "version") return;
    // Main-content detection still finds the text, and says it had to.
    assert.match(outcome.version.text, /Director of the publication/);
    assert.deepEqual(outcome.warnings, [
      'select ".selector-of-the-old-design" matched nothing',
      "the declared selection matched nothing; main content detected instead",
    ]);
    const [snapshot] = await store.snapshots.listByDocument(document.id);
    assert.deepEqual(snapshot?.extractionWarnings, outcome.warnings);
    // Readers of the document page see them next to the capture's provenance.
    const page = await (await createApp(store).request(`/documents/${document.id}`)).text();
    assert.match(page, /Extraction notes/);
    assert.match(
      page,
      /select &quot;\.selector-of-the-old-design&quot; matched nothing|select "\.selector-of-the-old-design" matched nothing/,
    );
    // A capture whose selector matches says nothing.
    const clean = await store.documents.ensure(platform.id, "Terms of Service", [
      { fetch: file, select: ".textcontent" },
    ]);
    const plain = await archiver().captureDocument(clean, { allowLocalFiles: true });
    assert.ok(plain.kind === "version" && plain.warnings.length === 0);
  });

  it("refuses a declaration's local path or file: URL unless the operator allows local files: nothing archived or served", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("Community declaration");
    const file = fileURLToPath(new URL("../fixtures/pages/ota-imprint-2026-04-22.html", import.meta.url));
    for (const [termsType, fetch] of [
      ["Privacy Policy", pathToFileURL(file).href],
      ["Imprint", file],
      ["Terms of Service", "file:///etc/passwd"],
    ] as const) {
      const document = await store.documents.ensure(platform.id, termsType, [{ fetch }]);
      const outcome = await archiver().captureDocument(document);
      assert.equal(outcome.kind, "error", fetch);
      if (outcome.kind === "error") assert.equal(outcome.code, "LOCAL_FILE_REFUSED");
      assert.match((await store.documents.get(document.id))?.lastError ?? "", /only http: and https: URLs/);
      assert.deepEqual(await store.snapshots.listByDocument(document.id), []);
      assert.equal(await store.versions.latest(document.id), undefined);
    }
    const app = createApp(store);
    const api = await app.request(`/api/v1/documents?platform=community-declaration`);
    assert.equal(api.status, 200);
    assert.doesNotMatch(await api.text(), /root:|Director of the publication/);
  });

  it("refuses a loopback URL when private networks are not allowed, without a request", async () => {
    const { store } = get();
    const platform = await store.platforms.ensure("SSRF probe");
    const document = await store.documents.ensure(platform.id, "Privacy Policy", [
      { fetch: `${base}/privacy` },
    ]);
    const before = hits;
    const strict = new Archiver(store, { warc: new WarcWriter(join(get().dataDir, "warc")) });
    const outcome = await strict.captureDocument(document);
    assert.equal(outcome.kind, "error");
    assert.equal(hits, before);
    assert.match((await store.documents.get(document.id))?.lastError ?? "", /private|loopback|refus/i);
  });
});
