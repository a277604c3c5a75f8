/** The review loop on both backends, over real versions recorded through the pipeline. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { Archiver } from "../../src/archive/archiver.js";
import { importOtaDataset } from "../../src/archive/ota/index.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { loadTaxonomy } from "../../src/knowledge/index.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import { correctedTypes, InvalidReviewError, reviewLabels, reviewProvision } from "../../src/review/index.js";
import { createApp } from "../../src/server/index.js";
import { listProvisions } from "../../src/store/queries/index.js";
import { describeEachBackend } from "../helpers/backends.js";

const DATASET = fileURLToPath(new URL("../fixtures/ota-mini", import.meta.url));
const KNOWN = new Set(loadTaxonomy().types.map((t) => t.id));

describeEachBackend("review loop", (get) => {
  it("records verdicts checked against the provision's types, shows them, and turns them into training labels", async () => {
    const { store, dataDir } = get();
    const archiver = new Archiver(store, {
      warc: new WarcWriter(join(dataDir, "warc")),
      onVersion: createVersionListener(store),
    });
    await importOtaDataset(archiver, DATASET);
    const provision = (await listProvisions(store.backend, { limit: 500 })).find(
      (p) => p.clauses.length >= 1,
    );
    assert.ok(provision, "the mini dataset has classified provisions");
    const [first] = provision.clauses.map((c) => c.type);
    const missing = [...KNOWN].find((t) => !provision.clauses.some((c) => c.type === t))!;
    const review = (input: Parameters<typeof reviewProvision>[1]) => reviewProvision(store, input, KNOWN);

    await review({
      provisionId: provision.id,
      verdict: "reject",
      clauseType: first!,
      reviewer: "Ana <script>",
    });
    await assert.rejects(
      review({ provisionId: provision.id, verdict: "reject", clauseType: first!, reviewer: "Ana" }),
      (e: unknown) => e instanceof InvalidReviewError && /has no .* to reject/.test(e.message),
    );
    await review({
      provisionId: provision.id,
      verdict: "add",
      clauseType: missing,
      polarity: "concerning",
      reviewer: "Ben",
      note: "the classifier missed it",
    });
    await assert.rejects(
      review({ provisionId: provision.id, verdict: "add", clauseType: "no-such-type", reviewer: "B" }),
      /unknown clause type/,
    );
    await assert.rejects(
      review({ provisionId: 999999, verdict: "add", clauseType: missing, reviewer: "B" }),
      /no provision/,
    );
    await assert.rejects(
      review({ provisionId: provision.id, verdict: "relabel", clauseType: missing, reviewer: "B" }),
      /only relabel/,
    );

    const stored = await store.reviews.list();
    assert.equal(stored.length, 2);
    const machine = provision.clauses.map((c) => c.type);
    const corrected = correctedTypes(machine, stored);
    assert.ok(!corrected.some((t) => t.type === first));
    assert.ok(corrected.some((t) => t.type === missing && t.confirmed));

    const [label, ...rest] = await reviewLabels(store);
    assert.equal(rest.length, 0);
    assert.equal(label?.text, provision.text);
    assert.deepEqual([...(label?.types ?? [])].sort(), corrected.map((t) => t.type).sort());
    assert.equal(label?.polarity, "concerning");
    assert.equal(label?.platform, provision.platformName);

    const app = createApp(store);
    const api = (await (await app.request(`/api/v1/provisions/${provision.id}`)).json()) as {
      data: { reviews: { verdict: string; reviewer: string }[] };
    };
    assert.deepEqual(
      api.data.reviews.map((r) => [r.verdict, r.reviewer]),
      [
        ["reject", "Ana <script>"],
        ["add", "Ben"],
      ],
    );
    const html = await (await app.request(`/provisions/${provision.id}`)).text();
    assert.match(html, /Reviewer verdicts/);
    assert.match(html, /Ana &lt;script&gt;\s*rejected/);
    assert.match(html, /the classifier missed it/);
  });
});
