/**
 * The fast paths of classification give exactly what the straightforward computations give: tokens found by the
 * code-unit scanner, lead-in and provision vectorised from token ids, sentence scores without callbacks, and the
 * whole classification of real policies against classifying each provision alone with its lead-in re-read.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadTaxonomy, matchPatterns, mentionsSubject } from "../../knowledge/index.js";
import { segment, withoutEmphasis } from "../segment/index.js";
import { sigmoid } from "./calibration.js";
import { classify } from "./classify.js";
import { unsupportedConfidence } from "./confidence.js";
import { SentenceAttribution } from "./evidence.js";
import { miniModel } from "./fixtures/mini-model.js";
import { FIXTURE_TAXONOMY } from "./fixtures/taxonomy.js";
import { DEFAULT_FUSION, decide, modelAloneBound, type TypeFusion } from "./fusion.js";
import { seededRandom } from "./random.js";
import { splitSentences } from "./sentences.js";
import { loadShippedModel } from "./shipped-model.js";
import { toPositions } from "./sparse.js";
import { TextModel } from "./text-model.js";
import { normaliseToken, tokenize, words } from "./tokenize.js";
import { TfidfVectorizer } from "./vectorizer.js";

const fixtures = fileURLToPath(new URL("../segment/fixtures/", import.meta.url));
const documents = readdirSync(fixtures)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(join(fixtures, f), "utf8"));
const lines = documents.flatMap((d) => d.split("\n").filter((l) => l.trim()));
// Astral letters and digits (where the fast regex must not be used), typographic apostrophes, years.
const tricky = [
  "𝐖𝐞 sell your data in 2024 — don’t we? 𝟏𝟐 months",
  "Data of users’ 1.5 accounts, e.g. U.S. 1999; ΟΔΟΣ Σ ſ K İstanbul",
  "emoji 🙂 between words🙂and",
  "Don’t stop. 1.5.2 U.S.A. it's’ x'’y a.’b 2024’s 1999.5 ÉCOLE école ß ǅ Ⅻ x..y end' ’start .5",
];

/** The tokeniser as first written: the `u` regex and matchAll. */
function referenceTokens(text: string) {
  const out = { norms: [] as string[], starts: [] as number[], ends: [] as number[] };
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu)) {
    out.norms.push(normaliseToken(m[0]));
    out.starts.push(m.index);
    out.ends.push(m.index + m[0].length);
  }
  return out;
}

describe("classification fast paths", () => {
  const model = loadShippedModel().model;

  it("tokenises exactly like the unicode regex", () => {
    for (const text of [...lines, ...tricky]) {
      assert.deepEqual(tokenize(text), referenceTokens(text), text);
      assert.deepEqual(words(text), referenceTokens(text).norms, text);
    }
  });

  it("reads token ids in place exactly like looking up the normalised tokens", () => {
    const v = model.vectorizer;
    const ids = new Int32Array(4096);
    const starts = new Int32Array(4096);
    for (const text of [...lines, ...tricky, "In 2024 and 1999, 2024s 20245 2o24 ’s 1900 2099 1899 2100"]) {
      const n = v.readTokenIds(text, ids, starts, 3);
      const reference = referenceTokens(text);
      assert.deepEqual([...ids.subarray(3, 3 + n)], [...v.tokenIds(reference.norms)], text);
      assert.deepEqual([...starts.subarray(3, 3 + n)], reference.starts, text);
    }
  });

  it("vectorises lead-in and item from token ids exactly like their joined text", () => {
    const v = model.vectorizer;
    for (let k = 1; k < lines.length; k += 7) {
      const context = lines[k - 1]!;
      const text = lines[k]!;
      const a = words(context);
      const b = words(text);
      assert.deepEqual(words(`${context}\n${text}`), [...a, ...b]);
      const ids = new Int32Array([...v.tokenIds(a), ...v.tokenIds(b)]);
      assert.deepEqual(v.transformIds(ids, [...a, ...b]), v.transform(`${context}\n${text}`));
    }
  });

  it("vectorises exactly like the TF-IDF definition read from the feature names, with character n-grams too", () => {
    const charVectorizer = miniModel(["choice-of-law"], [3, 4]).vectorizer;
    for (const v of [model.vectorizer, charVectorizer]) {
      const index = new Map(v.terms.map((t, i) => [t, i]));
      const [min, max] = v.config.wordNgrams;
      const chars = v.config.charNgrams;
      // Shortest texts first: the vectoriser's scratch arrays grow again and again.
      for (const text of [...lines.slice(0, 400)].sort((a, b) => a.length - b.length)) {
        const tokens = words(text);
        const counts = new Map<number, number>();
        const add = (term: string) => {
          const f = index.get(term);
          if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
        };
        for (let i = 0; i < tokens.length; i++) {
          for (let n = min; n <= max && i + n <= tokens.length; n++) add(tokens.slice(i, i + n).join(" "));
        }
        for (const token of chars ? tokens : []) {
          const padded = ` ${token} `;
          for (let n = chars![0]; n <= chars![1]; n++) {
            for (let i = 0; i + n <= padded.length; i++) add(`#${padded.slice(i, i + n)}`);
          }
        }
        const indices = Int32Array.from(counts.keys()).sort();
        const raw = Array.from(indices, (f) => (1 + Math.log(counts.get(f)!)) * v.idf[f]!);
        const isChar = (f: number) => v.terms[f]!.startsWith("#");
        let wordNorm = 0;
        let charNorm = 0;
        raw.forEach((x, k) => {
          if (isChar(indices[k]!)) charNorm += x * x;
          else wordNorm += x * x;
        });
        const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
        const charScale = charNorm > 0 ? v.config.charWeight / Math.sqrt(charNorm) : 0;
        assert.deepEqual(v.transformIds(v.tokenIds(tokens), tokens), {
          indices,
          values: Float64Array.from(raw, (x, k) => x * (isChar(indices[k]!) ? charScale : wordScale)),
        });
      }
    }
  });

  it("attributes each occurrence's share of a feature to the sentence where it starts, in any occurrence order", () => {
    for (const text of lines.filter((l) => l.length > 200).slice(0, 40)) {
      const sentences = splitSentences(text);
      const occurrences = model.vectorizer.occurrences(tokenize(text));
      const contribution = (f: number) => (f % 7) + 0.5;
      const reference = (list: typeof occurrences) => {
        const out = sentences.map(() => 0);
        for (const o of [...list].sort((a, b) => a.start - b.start)) {
          const s = sentences.findLastIndex((x, i) => i === 0 || o.start >= x.start);
          const count = list.filter((x) => x.feature === o.feature).length;
          out[s] = out[s]! + contribution(o.feature) * (1 / count);
        }
        return out;
      };
      for (const list of [occurrences, [...occurrences].reverse()]) {
        const attribution = new SentenceAttribution(
          sentences,
          list.map((o) => o.feature),
          list.map((o) => o.start),
        );
        assert.deepEqual(attribution.scores(contribution), reference(list));
      }
    }
  });

  it("scores every label exactly like one dot product per label, dense rows and sparse ones alike", () => {
    for (const text of lines.slice(0, 400)) {
      const vector = model.vectorize(text);
      const reference = model.scorers.map((scorer) => {
        let z = scorer.intercept;
        for (let k = 0; k < vector.indices.length; k++) {
          const w = scorer.weights[vector.indices[k]!]!;
          if (w !== 0) z += vector.values[k]! * w;
        }
        return sigmoid(z);
      });
      assert.deepEqual(Array.from(model.probabilities(vector)), reference, text);
    }
  });

  it("scores sentences from the vector's contributions, occurrences keyed by position, like the callback form", () => {
    for (const text of lines.filter((l) => l.length > 200).slice(0, 40)) {
      const tokens = tokenize(text);
      const { features, starts } = model.vectorizer.occurrenceStarts(
        model.vectorizer.tokenIds(tokens.norms),
        tokens,
      );
      assert.deepEqual(
        { features: Array.from(features), starts: Array.from(starts) },
        {
          features: model.vectorizer.occurrences(tokens).map((o) => o.feature),
          starts: model.vectorizer.occurrences(tokens).map((o) => o.start),
        },
      );
      const sentences = splitSentences(text);
      const byFeature = new SentenceAttribution(sentences, features, starts);
      // Read after a lead-in, as a list item is: the vector holds more features than the item's own occurrences.
      const vector = model.vectorize(`${lines[0]}\n${text}`);
      const value = new Map(Array.from(vector.indices, (f, k) => [f, vector.values[k]!]));
      const positions = features.slice();
      toPositions(vector.indices, positions);
      assert.deepEqual(
        Array.from(positions, (k) => vector.indices[k]),
        Array.from(features),
      );
      const byPosition = new SentenceAttribution(sentences, positions, starts);
      model.scorers.slice(0, 8).forEach((scorer, index) => {
        assert.deepEqual(
          byPosition.tableScores(model.contributions(vector, index)),
          byFeature.scores((f) => scorer.weights[f]! * value.get(f)!),
        );
      });
    }
  });

  it("takes a list item's own occurrences from the n-grams found with its lead-in, as if read alone", () => {
    const vectorizer = model.vectorizer;
    const lead = tokenize(lines[3]!);
    for (const text of lines.filter((l) => l.length > 100).slice(0, 60)) {
      const own = tokenize(text);
      const ids = vectorizer.tokenIds([...lead.norms, ...own.norms]);
      vectorizer.transformIds(ids, []);
      const read = vectorizer.reads;
      const found = vectorizer.lastOccurrenceStarts(lead.norms.length, own);
      assert.deepEqual(found, vectorizer.occurrenceStarts(vectorizer.tokenIds(own.norms), own), text);
      assert.notEqual(vectorizer.reads, read, "reading another text is seen");
    }
  });

  it("explains with the same top features as a full stable sort", () => {
    for (const text of lines.slice(0, 300)) {
      const vector = model.vectorize(text);
      for (const scorer of model.scorers) {
        const all: { feature: string; contribution: number }[] = [];
        for (let k = 0; k < vector.indices.length; k++) {
          const c = vector.values[k]! * scorer.weights[vector.indices[k]!]!;
          if (c > 0) all.push({ feature: model.vectorizer.terms[vector.indices[k]!]!, contribution: c });
        }
        all.sort((a, b) => b.contribution - a.contribution);
        for (const top of [0, 1, 5, 1000]) {
          assert.deepEqual(model.explain(vector, scorer.label, top), all.slice(0, top));
        }
      }
    }
    // Equal contributions keep their feature order.
    const vectorizer = TfidfVectorizer.fit(["a b c d", "a b c d"], {
      wordNgrams: [1, 1],
      charNgrams: null,
      minDf: 1,
      sublinearTf: true,
      charWeight: 1,
    });
    const weights = new Float32Array(vectorizer.size).fill(1);
    const scorer = { label: "x", weights, intercept: 0, threshold: 0.5, positives: 1, heldOutF1: 0 };
    const tiny = new TextModel(vectorizer, [scorer]);
    const vector = tiny.vectorize("d c b a");
    assert.deepEqual(
      tiny.explain(vector, "x", 2).map((f) => f.feature),
      Array.from(vector.indices.slice(0, 2), (f) => vectorizer.terms[f]),
    );
  });

  it("never skips a type the model alone would predict: below modelAloneBound, decide says no", () => {
    const random = seededRandom(7);
    const fusions: TypeFusion[] = model.scorers.flatMap((s) => (s.fusion ? [s.fusion] : []));
    for (let k = 0; k < 200; k++) {
      const threshold = 0.02 + 0.96 * random();
      fusions.push({
        model: 0.01 + 5 * random(),
        pattern: 1,
        hit: 1,
        intercept: 10 * random() - 5,
        threshold,
        floor: 0,
      });
    }
    const cases = [
      ...model.scorers.map((s) => ({ threshold: s.threshold, fusion: s.fusion })),
      ...fusions.map((fusion) => ({ threshold: 0.5, fusion })),
      ...[0.01, 0.3, 0.5, 0.99].map((threshold) => ({ threshold, fusion: undefined })),
    ];
    let bounded = 0;
    for (const c of cases) {
      if (!Number.isFinite(c.threshold)) continue;
      const bound = modelAloneBound(c.threshold, c.fusion);
      if (bound > 0) bounded++;
      const near = [1 - 1e-6, 1 - 1e-9, 1 - 1e-12, 1 - 1e-15].map((f) => bound * f);
      const grid = Array.from({ length: 2001 }, (_, i) => i / 2000);
      for (const probability of [...near, ...grid, 0, 1e-7, 1e-6]) {
        if (!(probability < bound)) continue;
        const decision = decide({ patternWeight: 0, probability, threshold: c.threshold, fusion: c.fusion });
        assert.equal(decision, null, `p=${probability} bound=${bound}`);
      }
    }
    assert.ok(bounded > cases.length / 2, "most types get a bound");
  });

  it("predicts the types that deciding every type with all its pattern hits (and its subject gate) predicts (skips change nothing)", () => {
    const taxonomy = loadTaxonomy();
    const index = new Map(model.scorers.map((scorer, i) => [scorer.label, i]));
    let predicted = 0;
    for (const text of documents) {
      const provisions = segment(text);
      const classified = classify(provisions, text);
      provisions.forEach((p, k) => {
        const probs = model.probabilities(model.vectorize(p.context ? `${p.context}\n${p.text}` : p.text));
        const reference: [string, number][] = [];
        for (const type of taxonomy.types) {
          const i = index.get(type.id);
          const scorer = i === undefined ? undefined : model.scorers[i];
          const probability = scorer && Number.isFinite(scorer.threshold) ? probs[i!]! : null;
          const floor = scorer?.fusion?.floor ?? DEFAULT_FUSION.patternFloor;
          // Wording is read without emphasis markers (`edX will _permanently_:`).
          const all = matchPatterns(type, withoutEmphasis(p.text).text);
          // Decisive patterns are run whatever the model says, and their weight is the least confidence.
          const decisive = Math.max(0, ...all.filter((h) => h.pattern.decisive).map((h) => h.pattern.weight));
          const hits = probability === null || probability >= floor || decisive > 0 ? all : [];
          const decision = decide({
            patternWeight: hits[0]?.pattern.weight ?? 0,
            probability,
            threshold: scorer?.threshold ?? Number.POSITIVE_INFINITY,
            fusion: scorer?.fusion,
          });
          const decided = Math.max(decision?.confidence ?? 0, decisive);
          // Without any of the type's wording found, the model's reading is clear only from the High level.
          const confidence = hits.length > 0 ? decided : unsupportedConfidence(decided);
          if (confidence > 0 && mentionsSubject(type, withoutEmphasis(p.text).text, p.context))
            reference.push([type.id, Math.round(confidence * 1e4) / 1e4]);
        }
        const mine = classified[k]!.clauses.map((c): [string, number] => [c.type, c.confidence]);
        const byType = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : 1);
        assert.deepEqual(mine.sort(byType), reference.sort(byType), p.text.slice(0, 80));
        predicted += mine.length;
      });
    }
    assert.ok(predicted > 100, String(predicted));
  });

  it("classifies repeated provisions once: copies equal their own classification, at their offsets, unshared", () => {
    const paragraphs = lines.filter((l) => l.length > 120 && !/^[#|>*-]/.test(l)).slice(0, 6);
    const text = [
      "# One",
      ...paragraphs,
      "# Two",
      ...paragraphs,
      "Sharing with partners includes:",
      ...paragraphs.map((p) => `- ${p}`),
      "Other partners include:",
      ...paragraphs.map((p) => `- ${p}`),
    ].join("\n\n");
    const provisions = segment(text);
    const together = classify(provisions, text);
    assert.deepEqual(
      together,
      provisions.map((p) => classify([p], text)[0]),
    );
    assert.ok(
      new Set(provisions.map((p) => p.text)).size < provisions.length,
      "the document repeats provisions",
    );
    const copy = together.findIndex(
      (p, i) =>
        p.clauses.length > 0 &&
        together.slice(0, i).some((q) => q.text === p.text && q.context === p.context),
    );
    assert.ok(copy > 0, "a classified provision is repeated with its lead-in");
    const original = together.find((q) => q.text === together[copy]!.text)!;
    assert.notEqual(original.clauses[0]!.reasons, together[copy]!.clauses[0]!.reasons);
    assert.notEqual(original.clauses[0]!.evidence.start, together[copy]!.clauses[0]!.evidence.start);
  });

  it("builds each classified provision with the provision's properties in order, then its clauses", () => {
    for (const text of documents) {
      const provisions = segment(text);
      classify(provisions, text).forEach((classified, k) => {
        assert.equal(
          JSON.stringify(classified),
          JSON.stringify({ ...provisions[k]!, clauses: classified.clauses }),
        );
      });
    }
  });

  it("reads a list item with its lead-in as their joined text, with character n-grams too", () => {
    // A model with character n-grams, whose vectors read the normalised tokens (the shipped model has none).
    const charModel = miniModel(["choice-of-law"], [3, 4]);
    const text = [
      "# Terms",
      "The following applies:",
      "- These terms are governed by the laws of Ireland.",
      "- Disputes go to the courts of Dublin under the laws of Ireland.",
      "These terms are governed by the laws of England.",
    ].join("\n\n");
    const provisions = segment(text);
    assert.ok(provisions.some((p) => p.context));
    let explained = 0;
    // Every feature that counts is listed (character n-grams weigh little each, and would not make a top five).
    classify(provisions, text, { taxonomy: FIXTURE_TAXONOMY, model: charModel, maxFeatures: 1000 }).forEach(
      (p) => {
        const vector = charModel.vectorize(p.context ? `${p.context}\n${p.text}` : p.text);
        for (const c of p.clauses) {
          const features = c.reasons.filter((r) => r.kind === "feature");
          if (features.length === 0) continue;
          const reference = charModel.explain(vector, c.type, 1000);
          assert.deepEqual(
            features.map((f) => [f.name, f.weight]),
            reference.map((f) => [f.feature, Math.round(f.contribution * 1e4) / 1e4]),
          );
          if (p.context && features.some((f) => f.name.startsWith("#"))) explained++;
        }
      },
    );
    assert.ok(explained >= 2, String(explained));
  });

  it("classifies a document as it classifies each provision alone (no state carried between provisions)", () => {
    for (const text of documents) {
      const provisions = segment(text);
      const together = classify(provisions, text);
      const alone = provisions.map((p) => classify([p], text)[0]);
      assert.deepEqual(together, alone);
    }
  });
});
