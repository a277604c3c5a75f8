/**
 * Atom feeds show change records as plain text: a record whose headline and summary quote policy Markdown (as
 * records written before summaries were plain text do) reaches feed readers without its syntax.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createWatchlist, DEFAULT_WATCH_FILTER } from "../../src/notify/index.js";
import { createApp } from "../../src/server/index.js";
import { describeEachBackend } from "../helpers/backends.js";
import { BEFORE_PROTON, importProton } from "../helpers/proton-versions.js";

const HEADLINE = "Adds **Know/Access**: “see [contact us](#_767rwxtn0l7j)”";
const SUMMARY = [
  "Adds a provision: “**Right to know.** You may ask [contact us](#_767rwxtn0l7j) for a copy.<br><br>We answer”",
  "Changes a provision: “__Do Not Sell__ through [this form](https://example.com/opt-out)”",
];

describeEachBackend("Atom feeds in plain text", (get) => {
  it("strips the Markdown of a record's headline and summary in the public and watchlist feeds", async () => {
    const test = get();
    const { store } = test;
    const feed = await createWatchlist(
      store,
      {
        name: "Proton feed",
        channel: "atom",
        target: null,
        cadence: "immediate",
        filter: DEFAULT_WATCH_FILTER,
      },
      { now: BEFORE_PROTON },
    );
    await importProton(test);
    const document = (await store.documents.list())[0];
    assert.ok(document);
    const records = await store.changes.listByDocument(document.id);
    // The first version's record is not a change the feeds list; the second version is a substantive change.
    const substantive = records.find((r) => r.kind === "substantive" && r.fromVersionId !== null);
    assert.ok(substantive, "the Proton versions make one substantive change");
    await store.changes.upsert({ ...substantive, headline: HEADLINE, summary: SUMMARY });

    const app = createApp(store, { publicUrl: "http://127.0.0.1:9" });
    for (const path of ["/feeds/changes.atom", `/feeds/watchlists/${feed.secret}.atom`]) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      const xml = await response.text();
      // The XML escapes the entry HTML once: decode it to see what a feed reader shows.
      const shown = xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      assert.match(shown, /Adds Know\/Access: “see contact us”/, path);
      assert.match(shown, /Right to know\. You may ask contact us for a copy\. We answer/, path);
      assert.match(shown, /Changes a provision: “Do Not Sell through this form”/, path);
      for (const syntax of ["**", "__", "](", "<br"])
        assert.ok(!shown.includes(syntax), `${path}: ${syntax}`);
    }
  });
});
