import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadTaxonomy } from "./load-taxonomy.js";
import { compileRegex } from "./regex.js";
import { TaxonomyError } from "./taxonomy-error.js";
import { CLAUDETTE_TAGS, OPP115_CATEGORIES } from "./vocabulary.js";

const knowledgeDir = fileURLToPath(new URL("../../knowledge/", import.meta.url));

function idList(): { id: string; group: string }[] {
  const rows = readFileSync(join(knowledgeDir, "clause-type-ids.tsv"), "utf8").trim().split("\n").slice(1);
  return rows.map((row) => {
    const [id = "", group = ""] = row.split("\t");
    return { id, group };
  });
}

/** A writable copy of the knowledge base, so a test can break one file. */
function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), "clausewatch-knowledge-"));
  cpSync(knowledgeDir, dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (data: { types: Record<string, unknown>[] }) => void): void {
  const data = JSON.parse(readFileSync(file, "utf8"));
  edit(data);
  writeFileSync(file, JSON.stringify(data));
}

describe("loadTaxonomy on the shipped knowledge base", () => {
  const taxonomy = loadTaxonomy();

  it("has exactly one record per id of clause-type-ids.tsv, in its order and group", () => {
    const ids = idList();
    assert.equal(ids.length, 58);
    assert.deepEqual(
      taxonomy.types.map((type) => type.id),
      ids.map((row) => row.id),
    );
    for (const row of ids) assert.equal(taxonomy.byId.get(row.id)?.group, row.group, row.id);
  });

  it("compiles every pattern and rule expression", () => {
    let count = 0;
    for (const type of taxonomy.types) {
      const specs = [
        ...(type.subject ? [type.subject] : []),
        ...type.patterns,
        ...type.polarityRules,
        ...type.severityRules.raise,
        ...type.severityRules.lower,
      ];
      for (const spec of specs) {
        for (const source of [spec.regex, spec.requires, spec.excludes]) {
          if (source === undefined) continue;
          assert.ok(compileRegex(source, spec.flags) instanceof RegExp);
          count++;
        }
      }
    }
    assert.ok(count > 300, `only ${count} expressions`);
  });

  it("resolves every agency and regulation reference", () => {
    for (const type of taxonomy.types) {
      for (const ref of type.compliance.regulations)
        assert.ok(taxonomy.regulations.has(ref.id), `${type.id} → ${ref.id}`);
      for (const id of type.compliance.agencies) assert.ok(taxonomy.agencies.has(id), `${type.id} → ${id}`);
    }
    for (const agency of taxonomy.agencies.values()) {
      for (const id of agency.enforces) assert.ok(taxonomy.regulations.has(id), `${agency.id} → ${id}`);
    }
  });

  it("uses only the exact OPP-115 labels and CLAUDETTE codes", () => {
    const opp: readonly string[] = OPP115_CATEGORIES;
    const claudette: readonly string[] = CLAUDETTE_TAGS;
    for (const type of taxonomy.types) {
      for (const label of type.opp115) assert.ok(opp.includes(label), `${type.id}: ${label}`);
      for (const tag of type.claudette) assert.ok(claudette.includes(tag), `${type.id}: ${tag}`);
    }
    assert.ok(opp.includes("User Access, Edit and Deletion"));
  });

  it("maps every CLAUDETTE category to at least one clause type", () => {
    const covered = new Set(taxonomy.types.flatMap((type) => type.claudette));
    assert.deepEqual([...covered].sort(), [...CLAUDETTE_TAGS].sort());
  });

  it("gives the severities and polarities the product spec fixes", () => {
    const get = (id: string) => {
      const type = taxonomy.byId.get(id);
      assert.ok(type, id);
      return type;
    };
    // READING.md: high is for learner progress reaching an employer or school (a raise rule), not any mention.
    assert.equal(get("sharing-institutional-clients").defaultSeverity, "medium");
    assert.ok(get("sharing-institutional-clients").severityRules.raise.some((rule) => rule.to === "high"));
    assert.equal(get("biometric-data").defaultSeverity, "high");
    assert.equal(get("security-disclaimer").defaultSeverity, "medium");
    assert.equal(get("arbitration").defaultSeverity, "high");
    assert.equal(get("class-action-waiver").defaultSeverity, "high");
    const rights = taxonomy.types.filter((type) => type.group === "rights");
    const protective = rights.filter((type) => type.defaultPolarity === "protective");
    assert.ok(protective.length >= rights.length - 3, "rights clauses are generally protective");
  });

  it("writes an expression used twice once, in expressions.json, and uses every one it names", () => {
    const named = (
      JSON.parse(readFileSync(join(knowledgeDir, "expressions.json"), "utf8")) as {
        expressions: { id: string; regex: string }[];
      }
    ).expressions;
    const fields = new Map<string, string[]>();
    const collect = (node: unknown, where: string): void => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          collect(item, `${where}[${i}]`);
        });
      } else if (node !== null && typeof node === "object")
        for (const [key, value] of Object.entries(node)) {
          if (typeof value === "string" && ["regex", "requires", "excludes", "leadInRequires"].includes(key))
            fields.set(value, [...(fields.get(value) ?? []), `${where}.${key}`]);
          else collect(value, `${where}.${key}`);
        }
    };
    for (const group of new Set(idList().map((row) => row.group))) {
      const file = join(knowledgeDir, "clause-types", `${group}.json`);
      collect(JSON.parse(readFileSync(file, "utf8")), group);
    }
    // Short expressions ("\\barbitrat", "\\S") may repeat: naming them would not make them clearer.
    const twice = [...fields].filter(([source, at]) => source.length >= 40 && at.length > 1);
    assert.deepEqual(twice, []);
    const literal = named.filter((e) => fields.has(e.regex)).map((e) => e.id);
    assert.deepEqual(literal, [], "written out where its name should be");
    const unused = named.filter((e) => !fields.has(`@${e.id}`)).map((e) => e.id);
    assert.deepEqual(unused, []);
  });

  it("returns the cached instance on a second call", () => {
    assert.equal(loadTaxonomy(), taxonomy);
    assert.equal(loadTaxonomy(knowledgeDir), taxonomy);
  });
});

describe("loadTaxonomy on a broken knowledge base", () => {
  it("reports a bad regex and a missing record together", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "terms.json"), (data) => {
      data.types = data.types.filter((type) => type.id !== "creator-payouts");
      const arbitration = data.types.find((type) => type.id === "arbitration") as {
        patterns: { regex: string }[];
      };
      const first = arbitration.patterns[0];
      assert.ok(first);
      first.regex = "(unclosed";
    });
    const error = (() => {
      try {
        loadTaxonomy(dir);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    assert.ok(error instanceof TaxonomyError);
    const text = error.problems.join("\n");
    assert.match(text, /does not compile/);
    assert.match(text, /creator-payouts has no record/);
  });

  it("names the clause type file and field of a subject regex that does not compile", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "sharing.json"), (data) => {
      const sponsor = data.types.find((type) => type.id === "sharing-institutional-clients") as {
        subject?: { regex: string };
      };
      assert.ok(sponsor.subject, "the shipped record has a subject");
      sponsor.subject.regex = "\\b(employer|school";
    });
    assert.throws(
      () => loadTaxonomy(dir),
      (error: unknown) =>
        error instanceof TaxonomyError &&
        error.problems.some((problem) =>
          /sharing\.json: types\[sharing-institutional-clients\]\.subject\.regex: does not compile: .*Unterminated group/.test(
            problem,
          ),
        ),
    );
  });

  it("reports references to an unknown regulation and an unknown agency", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "rights.json"), (data) => {
      const access = data.types.find((type) => type.id === "right-access") as {
        compliance: { regulations: { id: string }[]; agencies: string[] };
      };
      const first = access.compliance.regulations[0];
      assert.ok(first);
      first.id = "no-such-law";
      access.compliance.agencies.push("no-such-agency");
    });
    assert.throws(
      () => loadTaxonomy(dir),
      /unknown regulation no-such-law[\s\S]*unknown agency no-such-agency|unknown agency no-such-agency[\s\S]*unknown regulation no-such-law/,
    );
  });

  it("reports a type that implies an unknown type or itself", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "collection.json"), (data) => {
      const biometric = data.types.find((type) => type.id === "biometric-data");
      const replay = data.types.find((type) => type.id === "session-replay");
      assert.ok(biometric && replay);
      biometric.implies = ["sensitive-datum"];
      replay.implies = ["session-replay"];
    });
    assert.throws(
      () => loadTaxonomy(dir),
      (error: unknown) =>
        error instanceof TaxonomyError &&
        /biometric-data: implies unknown type sensitive-datum/.test(error.message) &&
        /session-replay: implies itself/.test(error.message),
    );
  });

  it("names the record and field of a reference to an unknown expression", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "terms.json"), (data) => {
      const arbitration = data.types.find((type) => type.id === "arbitration") as {
        polarityRules: { regex: string }[];
      };
      const rule = arbitration.polarityRules[0];
      assert.ok(rule);
      rule.regex = "@no-such-expression";
    });
    assert.throws(
      () => loadTaxonomy(dir),
      /types\[arbitration\]\.polarityRules\[0\]\.regex: unknown expression @no-such-expression/,
    );
  });

  it("rejects an unknown placeholder in explanation prose", () => {
    const dir = copyKnowledge();
    editJson(join(dir, "clause-types", "security.json"), (data) => {
      const contact = data.types.find((type) => type.id === "privacy-contact") as {
        explanation: { whatItIs: string };
      };
      contact.explanation.whatItIs = "Write to {dpo}.";
    });
    assert.throws(() => loadTaxonomy(dir), /unknown placeholder \{dpo\}/);
  });
});
