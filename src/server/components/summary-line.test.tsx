import assert from "node:assert/strict";
import { it } from "node:test";
import { SummaryLine } from "./summary-line.js";

const html = async (line: string) => String(await (<SummaryLine line={line} />));

it("links the record IDs of our own words to their records", async () => {
  assert.equal(
    await html("Returns to the exact text of CW-V-41, recorded 2021-11-23 (same SHA-256)"),
    'Returns to the exact text of <a href="/records/CW-V-41">CW-V-41</a>, recorded 2021-11-23 (same SHA-256)',
  );
});

it("leaves quoted policy text unlinked and escaped", async () => {
  assert.equal(
    await html("Adds a provision: “see CW-V-7 <img src=x onerror=alert(1)>”"),
    "Adds a provision: “see CW-V-7 &lt;img src=x onerror=alert(1)&gt;”",
  );
});
