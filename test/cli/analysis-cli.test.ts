import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadTaxonomy } from "../../src/knowledge/index.js";
import { OPP115_CATEGORIES } from "../../src/knowledge/vocabulary.js";
import { ROOT, runCli } from "../helpers/cli.js";

// The edX privacy policy (2023-06-15), one of the seeds the product was specified from (see NOTICE).
const EDX = join(ROOT, "src/analysis/segment/fixtures/edx-privacy-policy-2023-06-15.md");
// Signal's Terms of Service from the Open Terms Archive contrib dataset (ODC-By, see test/fixtures/ota-mini/README.md).
const SIGNAL_TERMS = join(ROOT, "test/fixtures/ota-mini/Signal/Terms of Service/2026-02-05T12-45-46Z.md");
const CLAUDETTE_MINI = join(ROOT, "src/analysis/classify/fixtures/claudette-mini");
const env = { DATABASE_URL: "" };

interface AnalyzeJson {
  grade: string | null;
  score: number | null;
  gradeScale: string | null;
  gradePoints: number | null;
  entities: Record<string, unknown>;
  provisions: {
    id: number;
    key: string;
    headingPath: string[];
    start: number;
    end: number;
    text: string;
    clauses: {
      type: string;
      name: string;
      confidence: number;
      polarity: string;
      severity: string;
      evidence: { start: number; end: number; text: string };
    }[];
  }[];
}

describe("clausewatch analyze, taxonomy and eval (real processes)", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "clausewatch-analysis-cli-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("analyze --json: provisions with offsets, classified clauses with evidence, entities and a grade", async () => {
    const result = await runCli(["analyze", EDX, "--json"], env);
    assert.equal(result.code, 0, result.stderr);
    const analysis = JSON.parse(result.stdout) as AnalyzeJson;
    assert.match(analysis.grade ?? "", /^[A-E]$/);
    assert.ok(Array.isArray(analysis.entities.emails));
    analysis.provisions.forEach((p, i) => {
      assert.equal(p.id, i + 1);
      assert.equal(p.end - p.start, p.text.length, `provision ${p.id} offsets`);
      for (const c of p.clauses) {
        // Offsets are into the analysed text, so the evidence sits at the same place inside its provision.
        assert.equal(p.text.slice(c.evidence.start - p.start, c.evidence.end - p.start), c.evidence.text);
        assert.ok(c.confidence > 0 && c.confidence <= 1);
      }
    });
    const sponsor = analysis.provisions.find((p) => p.text.includes("sponsor your enrollment"));
    const institutional = sponsor?.clauses.find((c) => c.type === "sharing-institutional-clients");
    assert.equal(institutional?.severity, "high");
  });

  it("analyze grades on the scale of --type, else on the scale its clause types suggest", async () => {
    const policy = JSON.parse((await runCli(["analyze", EDX, "--json"], env)).stdout) as AnalyzeJson;
    assert.equal(policy.gradeScale, "privacy");
    const asTerms = await runCli(["analyze", EDX, "--json", "--type", "Terms of Service"], env);
    assert.equal(asTerms.code, 0, asTerms.stderr);
    const terms = JSON.parse(asTerms.stdout) as AnalyzeJson;
    // The same points: the terms scale expects a contract's clauses, so the score is higher.
    assert.deepEqual([terms.gradeScale, terms.gradePoints], ["terms", policy.gradePoints]);
    assert.ok(terms.score! > policy.score!, `${terms.score} > ${policy.score}`);
    const contract = await runCli(["analyze", SIGNAL_TERMS, "--json"], env);
    assert.equal((JSON.parse(contract.stdout) as AnalyzeJson).gradeScale, "terms");
  });

  it("analyze: a readable report, the clear findings of each severity before the less certain ones", async () => {
    const result = await runCli(["analyze", EDX], env);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.match(lines[1]!, /^Language: en · \d+ provisions · grade [A-E]/);
    const high = lines.indexOf(lines.find((l) => l.startsWith("== HIGH severity"))!);
    const medium = lines.indexOf(lines.find((l) => l.startsWith("== MEDIUM severity"))!);
    assert.ok(high > 0 && medium > high);
    const section = lines.slice(high + 1, medium);
    const findings = section.filter((l) => l.startsWith("- "));
    const split = section.findIndex((l) => l.startsWith("  Less certain"));
    const lowAt = section.findIndex((l) => l.includes("confidence Low"));
    assert.ok(findings.length > 0);
    // Every low-confidence finding sits under the "Less certain" line, every other one above it.
    if (lowAt >= 0) assert.ok(split >= 0 && split < lowAt);
    section.forEach((l, i) => {
      if (l.startsWith("- ")) assert.equal(l.includes("confidence Low"), split >= 0 && i > split, l);
    });
  });

  it("analyze: a clear error for binary bytes and for a private-network URL, nothing invented for French", async () => {
    const binary = join(dir, "image.bin");
    await writeFile(binary, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(512, 0xff)]));
    const refused = await runCli(["analyze", binary], env);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /a PNG image, not text, HTML or PDF/);
    const ssrf = await runCli(["analyze", "http://127.0.0.1:9/privacy"], {
      ...env,
      CLAUSEWATCH_ALLOW_PRIVATE_NETWORK: "",
    });
    assert.notEqual(ssrf.code, 0);
    assert.match(ssrf.stderr, /private|loopback/i);
    // A French sentence from the "Règles de confidentialité" genre: detected, reported, not classified.
    const french = join(dir, "politique.md");
    await writeFile(
      french,
      "Nous collectons les informations que vous nous fournissez lorsque vous créez un compte, et nous les partageons avec nos partenaires pour vous proposer des publicités personnalisées.\n",
    );
    const fr = await runCli(["analyze", french, "--json"], env);
    assert.equal(fr.code, 0, fr.stderr);
    const analysis = JSON.parse(fr.stdout) as AnalyzeJson & { language: { language: string } };
    assert.equal(analysis.language.language, "fr");
    assert.deepEqual(
      analysis.provisions.flatMap((p) => p.clauses),
      [],
    );
  });

  it("taxonomy --json: every clause type record with its knowledge", async () => {
    const result = await runCli(["taxonomy", "--json"], env);
    assert.equal(result.code, 0, result.stderr);
    const types = JSON.parse(result.stdout) as {
      id: string;
      explanation: object;
      compliance: object;
      opp115: string[];
    }[];
    assert.deepEqual(
      types.map((t) => t.id),
      loadTaxonomy().types.map((t) => t.id),
    );
    assert.ok(types.every((t) => t.explanation && t.compliance && t.opp115.length > 0));
  });

  it("eval opp115 --json: trains on one PLUE file and scores another; --zero-shot scores the shipped classifier", async () => {
    // PLUE-format files made from our own labels (labels/*.jsonl), each clause type mapped to its OPP-115
    // categories by the taxonomy: split by platform, so no platform is both trained on and scored.
    const taxonomy = loadTaxonomy();
    const rows = readFileSync(join(ROOT, "labels/ota-contrib-privacy.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { platform: string; text: string; types: string[] });
    const plue = (r: (typeof rows)[number]) => {
      const label = [...new Set(r.types.flatMap((t) => taxonomy.byId.get(t)?.opp115 ?? []))];
      return JSON.stringify({ text: r.text, label: label.length > 0 ? label : ["Other"] });
    };
    const platforms = [...new Set(rows.map((r) => r.platform))];
    const testPlatforms = new Set(platforms.filter((_, i) => i % 4 === 0));
    const train = join(dir, "train.json");
    const test = join(dir, "test.json");
    await writeFile(
      train,
      `${rows
        .filter((r) => !testPlatforms.has(r.platform))
        .map(plue)
        .join("\n")}\n`,
    );
    const tested = rows.filter((r) => testPlatforms.has(r.platform));
    await writeFile(test, `${tested.map(plue).join("\n")}\n`);

    for (const args of [[], ["--zero-shot"]]) {
      const result = await runCli(
        ["eval", "opp115", "--train", train, "--test", test, ...args, "--json"],
        env,
      );
      assert.equal(result.code, 0, result.stderr);
      const scores = JSON.parse(result.stdout) as {
        n: number;
        macroF1: number;
        microF1: number;
        perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
      };
      assert.equal(scores.n, tested.length);
      assert.ok(
        Object.keys(scores.perLabel).every((l) => (OPP115_CATEGORIES as readonly string[]).includes(l)),
      );
      // Better than nothing on unseen platforms, and the per-label supports add up to the labels scored.
      assert.ok(scores.microF1 > 0.3 && scores.microF1 <= 1, `micro-F1 ${scores.microF1} ${args}`);
      assert.ok(scores.macroF1 > 0 && scores.macroF1 <= 1);
      assert.equal(
        Object.values(scores.perLabel).reduce((n, m) => n + m.support, 0),
        tested.reduce((n, r) => n + JSON.parse(plue(r)).label.length, 0),
      );
    }
  });

  it("eval claudette --json: scores a test folder per category; refuses a bad --folds", async () => {
    const result = await runCli(
      ["eval", "claudette", "--train", CLAUDETTE_MINI, "--test", CLAUDETTE_MINI, "--json"],
      env,
    );
    assert.equal(result.code, 0, result.stderr);
    const scores = JSON.parse(result.stdout) as {
      n: number;
      perLabel: Record<string, { support: number; recall: number }>;
    };
    assert.equal(scores.n, 338);
    assert.equal(scores.perLabel.ltd?.support, 15);
    const bad = await runCli(["eval", "claudette", "--train", CLAUDETTE_MINI, "--folds", "1"], env);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--folds must be an integer/);
  });
});
