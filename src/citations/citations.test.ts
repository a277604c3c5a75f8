import assert from "node:assert/strict";
import { it } from "node:test";
import { parse } from "@retorquere/bibtex-parser";
import {
  buildCitation,
  citationBibtex,
  citationCsl,
  citationText,
  formatRecordId,
  parseRecordId,
} from "./index.js";

const source = {
  kind: "provision" as const,
  id: 9416,
  title: "Example {Corp} Privacy Policy, provision 3: 100% _secure_ & #1",
  entity: "Example Corp",
  document: "Example Corp Privacy Policy",
  capturedAt: "2026-05-10T18:17:25.000Z",
  sha256: "59834b4e08e538f4b11e3db8b297dc7b75811100ba60ce40b60950ff40b3b3a6",
  sourceUrl: "https://example.com/privacy",
};

it("formats and parses record IDs of every kind", () => {
  assert.equal(formatRecordId("document", 158), "CW-D-158");
  assert.equal(formatRecordId("version", 1), "CW-V-1");
  assert.equal(formatRecordId("provision", 9416), "CW-P-9416");
  assert.equal(formatRecordId("change", 7), "CW-C-7");
  for (const kind of ["document", "version", "provision", "change"] as const) {
    assert.deepEqual(parseRecordId(formatRecordId(kind, 42)), { kind, id: 42 });
  }
  assert.deepEqual(parseRecordId(" cw-p-12 "), { kind: "provision", id: 12 });
  for (const bad of ["CW-X-1", "CW-P-0", "CW-P-012", "CW-P-", "P-1", "CW-P-1a", "CW-P-99999999999999999"]) {
    assert.equal(parseRecordId(bad), null, bad);
  }
  assert.throws(() => formatRecordId("provision", 0), RangeError);
});

it("builds the citation block with permalink and access date", () => {
  const c = buildCitation(
    source,
    "https://clausewatch.example",
    new Date("2026-07-04T09:00:00Z"),
    "/provisions/9416",
  );
  assert.equal(c.recordId, "CW-P-9416");
  assert.equal(c.url, "https://clausewatch.example/provisions/9416");
  assert.equal(c.accessed, "2026-07-04");
  assert.equal(
    citationText(c),
    [
      "Entity: Example Corp",
      "Document: Example Corp Privacy Policy",
      "Record ID: CW-P-9416",
      "Captured: 2026-05-10 18:17:25 UTC",
      `SHA-256: ${source.sha256}`,
      "Source URL: https://example.com/privacy",
      "Archived at: https://clausewatch.example/provisions/9416",
      "Accessed: 2026-07-04",
    ].join("\n"),
  );
});

it("escapes LaTeX specials in BibTeX and keys the entry by record ID", () => {
  const bib = citationBibtex(
    buildCitation(source, "https://c.example", new Date("2026-07-04T00:00:00Z"), "/provisions/9416"),
  );
  assert.match(bib, /^@misc\{CW-P-9416,\n/);
  assert.match(
    bib,
    /title = \{\{Example\} \\\{\{Corp\}\\\} \{Privacy\} \{Policy\}, provision 3: 100\\% \\_secure\\_ \\& \\#1\}/,
  );
  assert.match(bib, /year = \{2026\}/);
  assert.match(bib, /urldate = \{2026-07-04\}/);
  assert.match(bib, /\}\n\}$/);
  // Every brace group is balanced, whatever the title contained.
  let depth = 0;
  for (let i = 0; i < bib.length; i++) {
    if (bib[i] === "\\") i++;
    else if (bib[i] === "{") depth++;
    else if (bib[i] === "}") depth--;
    assert.ok(depth >= 0);
  }
  assert.equal(depth, 0);
});

it("BibTeX that a parser reads back: a corporate author and titles whose capitals survive sentence-casing", () => {
  for (const [entity, title] of [
    ["edX", "edX Privacy Policy, provision 3 (Sharing with institutional clients)"],
    ["GitHub", "GitHub Terms of Service, provision 12 (Arbitration: Class Action Waiver)"],
  ] as const) {
    const bib = citationBibtex(
      buildCitation(
        { ...source, entity, title, document: `${entity} Privacy Policy` },
        "https://c.example",
        new Date("2026-07-04T00:00:00Z"),
        "/provisions/9416",
      ),
    );
    const library = parse(bib);
    assert.deepEqual(library.errors, []);
    const fields = library.entries[0]?.fields;
    assert.deepEqual(fields?.author, [{ name: entity }], "one corporate author, not a person's name");
    assert.equal(fields?.title, title, "the parser's sentence-casing keeps every capital");
  }
});

it("produces a CSL-JSON item with date parts", () => {
  const csl = citationCsl(
    buildCitation(source, "https://c.example", new Date("2026-07-04T00:00:00Z"), "/provisions/9416"),
  );
  assert.equal(csl.id, "CW-P-9416");
  assert.equal(csl.type, "webpage");
  assert.deepEqual(csl.issued, { "date-parts": [[2026, 5, 10]] });
  assert.deepEqual(csl.accessed, { "date-parts": [[2026, 7, 4]] });
  assert.deepEqual(csl.author, [{ literal: "Example Corp" }]);
  assert.equal(csl.archive_location, "CW-P-9416");
});
