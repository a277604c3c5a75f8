import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadTaxonomy } from "../knowledge/index.js";
import { knowledgeDir } from "../knowledge/load-taxonomy.js";
import { loadPartial } from "./knowledge.js";

describe("the valid parts of a knowledge base that does not fully load", () => {
  it("serves the group files that validate, their named expressions put in place", () => {
    const dir = mkdtempSync(join(tmpdir(), "clausewatch-knowledge-"));
    cpSync(knowledgeDir(), dir, { recursive: true });
    // One group file broken: the whole knowledge base no longer loads.
    writeFileSync(join(dir, "clause-types", "security.json"), "{ not json");
    assert.throws(() => loadTaxonomy(dir));
    const raw = JSON.parse(readFileSync(join(dir, "clause-types", "terms.json"), "utf8")) as {
      types: { id: string; polarityRules: { regex: string }[] }[];
    };
    const referring = raw.types.flatMap((t) => t.polarityRules.map((r, i) => ({ t, r, i })));
    const reference = referring.find(({ r }) => r.regex.startsWith("@"));
    assert.ok(reference, "terms.json refers to a named expression");

    const partial = loadPartial(dir);
    assert.equal(partial.complete, false);
    assert.ok(!partial.byId.has("privacy-contact"), "a type of the broken file");
    const served = partial.byId.get(reference.t.id)?.polarityRules[reference.i];
    assert.equal(served?.regex, loadTaxonomy().byId.get(reference.t.id)?.polarityRules[reference.i]?.regex);
    assert.ok(!served?.regex.startsWith("@"));
  });
});
