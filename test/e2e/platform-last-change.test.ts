/**
 * The platform page's "Last substantive change" is the platform's latest substantive change record, whether the
 * page finds it among the recent records it lists or reads it apart (on the analysed demo corpus).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createApp } from "../../src/server/index.js";
import { listChangeRecords, listPlatforms } from "../../src/store/queries/index.js";
import { type DemoStore, openDemoStore } from "./helpers/demo-store.js";

/** The change record the "Last substantive change" entry links to, or null when it says there is none. */
function linkedLastChange(html: string): number | null {
  const entry = /<dt>Last substantive change<\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(html);
  assert.ok(entry, "the page has a Last substantive change entry");
  const link = /href="\/changes\/(\d+)"/.exec(entry[1] ?? "");
  return link ? Number(link[1]) : null;
}

describe("platform page: last substantive change", () => {
  let demo: DemoStore;
  before(async () => {
    demo = await openDemoStore();
  });
  after(async () => {
    await demo?.dispose();
  });

  it("links every platform's latest substantive change record", async () => {
    const app = createApp(demo.store);
    const platforms = await listPlatforms(demo.store.backend, undefined, { gradeDetails: false });
    let withChange = 0;
    for (const p of platforms) {
      const [latest] = await listChangeRecords(demo.store.backend, {
        platformIds: [p.id],
        limit: 1,
        kinds: ["substantive"],
      });
      const res = await app.request(`/platforms/${p.slug}`);
      assert.equal(res.status, 200);
      assert.equal(linkedLastChange(await res.text()), latest?.id ?? null, p.slug);
      if (latest) withChange++;
    }
    assert.ok(withChange > 0, "some demo platform has a substantive change");
  });
});
