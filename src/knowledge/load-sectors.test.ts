import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { slugify } from "../store/repositories/platforms.js";
import { loadSectors } from "./load-sectors.js";
import { loadTaxonomy } from "./load-taxonomy.js";
import { TaxonomyError } from "./taxonomy-error.js";
import { SECTOR_NOUNS } from "./vocabulary.js";

const knowledgeDir = fileURLToPath(new URL("../../knowledge/", import.meta.url));
const demoDir = fileURLToPath(new URL("../../demo/ota/", import.meta.url));

/** A writable copy of the knowledge base with one JSON file edited. */
function brokenCopy(file: string, edit: (data: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "clausewatch-sectors-"));
  cpSync(knowledgeDir, dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(dir, file), "utf8"));
  edit(data);
  writeFileSync(join(dir, file), JSON.stringify(data));
  return dir;
}

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    if (error instanceof TaxonomyError) return error.problems.join("\n");
    throw error;
  }
  return "";
}

describe("loadSectors on the shipped knowledge base", () => {
  const sectors = loadSectors();

  it("gives every sector every noun, its own or the default sector's", () => {
    for (const sector of sectors.byId.values())
      for (const noun of SECTOR_NOUNS) assert.ok(sector.nouns[noun].length > 0, `${sector.id} {${noun}}`);
    assert.equal(sectors.byId.get("communication")?.nouns.users, sectors.fallback.nouns.users);
    assert.notEqual(sectors.byId.get("learning")?.nouns.users, sectors.fallback.nouns.users);
  });

  it("knows the sector of every platform of the demo corpus", () => {
    const platforms = readdirSync(demoDir).filter((name) => statSync(join(demoDir, name)).isDirectory());
    assert.ok(platforms.length >= 10);
    const unknown = platforms.filter(
      (name) => sectors.of({ slug: slugify(name), sector: null }) === sectors.fallback,
    );
    assert.deepEqual(unknown, []);
    assert.equal(sectors.of({ slug: "edx", sector: null }).id, "learning");
    assert.equal(sectors.of({ slug: "zoom", sector: null }).id, "communication");
  });

  it("prefers the sector a platform's record names, by id or alias in any case, and falls back", () => {
    assert.equal(sectors.of({ slug: "github", sector: " E-Learning " }).id, "learning");
    assert.equal(sectors.of({ slug: "github", sector: "music" }).id, "music");
    assert.equal(sectors.of({ slug: "github", sector: "beekeeping" }).id, "developer-tools");
    assert.equal(sectors.of({ slug: "no-such-platform", sector: null }), sectors.fallback);
  });
});

describe("a broken sectors file", () => {
  it("names a platform listed under an unknown sector and a default sector that lacks a noun", () => {
    const dir = brokenCopy("sectors.json", (data) => {
      (data.platforms as Record<string, string>).zoom = "telepathy";
      const general = (data.sectors as { id: string; nouns: Record<string, string> }[]).find(
        (s) => s.id === data.default,
      );
      assert.ok(general);
      delete general.nouns.activity;
    });
    const problems = problemsOf(() => loadSectors(dir));
    assert.match(problems, /platforms\.zoom: unknown sector telepathy/);
    assert.match(problems, /the default sector lacks \{activity\}/);
  });

  it("refuses an action for a sector the file does not have", () => {
    const dir = brokenCopy("clause-types/sharing.json", (data) => {
      const type = (data.types as { id: string; explanation: { whatYouCanDo: unknown[] } }[]).find(
        (t) => t.id === "sharing-affiliates",
      );
      assert.ok(type);
      type.explanation.whatYouCanDo.push({ text: "Ask the guild.", sectors: ["guilds"] });
    });
    assert.match(
      problemsOf(() => loadTaxonomy(dir)),
      /sharing-affiliates: action for unknown sector guilds/,
    );
  });
});
