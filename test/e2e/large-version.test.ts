/**
 * A very large version (a real policy repeated to about 4 MB) on both backends: its page shows one bounded
 * page of text with links to the others, and the pages together cover the whole text, in order.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, it } from "node:test";
import { Archiver } from "../../src/archive/archiver.js";
import { verifyArchive } from "../../src/archive/verify/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createApp } from "../../src/server/index.js";
import { TEXT_PAGE_CHARS } from "../../src/server/views/text-pages.js";
import { TEXT_CHUNK_UNITS } from "../../src/store/text/text-chunks.js";
import { describeEachBackend } from "../helpers/backends.js";

// Proton Mail's privacy policy (Open Terms Archive contributors, ODC-By 1.0; see src/changes/fixtures).
const POLICY = readFileSync(
  new URL("../../src/changes/fixtures/Proton Mail/Privacy Policy/2026-02-04T12-46-26Z.md", import.meta.url),
);
const COPIES = 200;

describeEachBackend("the page of a very large version", (get) => {
  let documentId = 0;
  let versionId = 0;
  let textLength = 0;
  before(async () => {
    const { store, dataDir } = get();
    const bytes = Buffer.concat(Array.from({ length: COPIES }, () => POLICY));
    textLength = bytes.toString("utf8").length;
    const archiver = new Archiver(store, { warc: new WarcWriter(join(dataDir, "warc")) });
    const outcome = await archiver.importVersion({
      platform: "Proton Mail",
      termsType: "Privacy Policy",
      recordedAt: "2026-02-04T12:46:26.000Z",
      bytes,
      source: "fixture:proton-x200.md",
    });
    assert.equal(outcome.kind, "version");
    if (outcome.kind === "version") ({ documentId, id: versionId } = outcome.version);
  });

  it("serves bounded pages that link to each other and together cover the whole text", async () => {
    const app = createApp(get().store);
    assert.ok(textLength > 15 * TEXT_PAGE_CHARS, `${textLength} characters`);
    let path: string | null = `/documents/${documentId}`;
    let covered = 0;
    let pages = 0;
    while (path) {
      const response = await app.request(path);
      const html = await response.text();
      assert.equal(response.status, 200, path);
      // The text's share is at most a page, escaped; the rest of the page is small.
      assert.ok(html.length < 2 * TEXT_PAGE_CHARS, `${path}: ${html.length} characters of HTML`);
      const range = /Page (\d+) of (\d+) of the text \(characters (\d+)–(\d+) of (\d+)\)/.exec(html);
      assert.ok(range, path);
      assert.equal(Number(range[1]), ++pages);
      assert.equal(Number(range[3]), covered + 1, "each page starts where the previous ended");
      assert.equal(Number(range[5]), textLength);
      covered = Number(range[4]);
      path = /<a href="([^"]+)" rel="next">/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
    }
    assert.equal(covered, textLength, "the last page ends with the text");
    assert.ok(pages >= 15, `${pages} pages`);
    assert.equal((await app.request(`/documents/${documentId}?page=${pages + 1}`)).status, 404);
  });

  it("keeps the chunks that pages read under verify: an edited chunk is named", async () => {
    const { store, dataDir } = get();
    const options = { warcDir: join(dataDir, "warc") };
    assert.equal((await verifyArchive(store, options)).ok, true);
    const chunk = { version_id: versionId, start_offset: TEXT_CHUNK_UNITS };
    const row = await store.db
      .selectFrom("version_text_chunks")
      .select("text")
      .where("version_id", "=", chunk.version_id)
      .where("start_offset", "=", chunk.start_offset)
      .executeTakeFirstOrThrow();
    const edit = (text: string) =>
      store.db
        .updateTable("version_text_chunks")
        .set({ text })
        .where("version_id", "=", chunk.version_id)
        .where("start_offset", "=", chunk.start_offset)
        .execute();
    await edit(row.text.replace("Proton", "Protan"));
    const report = await verifyArchive(store, options);
    await edit(row.text);
    assert.equal(report.ok, false);
    assert.match(
      report.firstProblem?.problem ?? "",
      new RegExp(
        `version ${versionId}: its stored copy for pages was altered at characters ${TEXT_CHUNK_UNITS + 1}–`,
      ),
    );
  });
});
