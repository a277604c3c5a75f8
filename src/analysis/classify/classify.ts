/** Clause classification of provisions: taxonomy patterns (precise) fused with the text model (recall). */
// First, so that the expressions of the modules below are compiled under the setting too.
import "../../util/regexp-engine.js";
import {
  type ClauseType,
  compileRegex,
  loadTaxonomy,
  matchSpec,
  mentionsSubject,
  type PatternHit,
  resolvePolarity,
  resolveSeverity,
} from "../../knowledge/index.js";
import type {
  Classification,
  ClassificationReason,
  ClassifiedProvision,
  Polarity,
  Provision,
  Severity,
  Span,
} from "../../model/index.js";
import { LiteralPrefilters } from "../../util/literal-prefilter.js";
import { memoize } from "../../util/memo.js";
import { RegexAlternatives } from "../../util/regex-alternatives.js";
import { readStatement, type StatementFrame } from "../frame/index.js";
import { type UnemphasisedText, withoutEmphasis } from "../segment/index.js";
import { confidenceLevel, unsupportedConfidence } from "./confidence.js";
import { ClassifyError } from "./errors.js";
import { bestSentenceBlock, ProvisionSentences, SentenceAttribution, sentencesCovering } from "./evidence.js";
import { ACCEPTABLE_USE, frameMatters, namesPractice, readWithFrame } from "./frame-rules.js";
import {
  DEFAULT_FUSION,
  type Decision,
  decide,
  type FusionConfig,
  modelAloneBound,
  patternsWorthRunning,
  type TypeEvidence,
} from "./fusion.js";
import { findNegatedPractice, protectionOnlyElsewhere, statesPracticeFlatly } from "./negation.js";
import { matchTypePatterns, patternPrefilters, preparePatterns } from "./pattern-matcher.js";
import { statesNoPractice } from "./provision-hygiene.js";
import type { SentenceSpan } from "./sentences.js";
import { loadShippedModel } from "./shipped-model.js";
import { SparseBuffer, type SparseVector, toPositions } from "./sparse.js";
import type { LabelScorer, TextModel } from "./text-model.js";
import { words } from "./tokenize.js";
import { POLARITY_LABELS } from "./training-data.js";

/** The part of the knowledge base classification needs. */
export interface ClassifierKnowledge {
  types: readonly ClauseType[];
}

/** Options of {@link classify}. */
export interface ClassifyOptions {
  /** Default: the repository's knowledge base. */
  taxonomy?: ClassifierKnowledge;
  /** Default: the shipped model; null classifies with patterns only. */
  model?: TextModel | null;
  /** Most model features listed per classification (default 5). */
  maxFeatures?: number;
  fusion?: FusionConfig;
}

/** A clause type with what deciding it needs, looked up once per call rather than per provision. */
interface TypePlan {
  type: ClauseType;
  /** Index of its scorer in the model, when the model has a usable one (finite threshold). */
  index: number | undefined;
  scorer: LabelScorer | undefined;
  /** Below this model probability the type's patterns are not run. */
  floor: number;
  /** Below this model probability and without pattern hits the type is not predicted ({@link modelAloneBound}). */
  bound: number;
  /** The pattern weights a provision can bring (its strongest hit's, or 0 without hits). */
  weights: number[];
  /** Index of the scorer the model explains the type with ({@link TextModel.indexOf}). */
  explained: number | undefined;
  /**
   * The type's decisive patterns ({@link decisiveDecision}), or null: where their wording is found, the type's
   * patterns run whatever the model says.
   */
  decisive: DecisiveWording | null;
}

/** The expressions of a type's decisive patterns: main expressions, and lead-ins for those that need one. */
interface DecisiveWording {
  text: RegexAlternatives | null;
  leadIn: RegexAlternatives | null;
}

/** What the classifier needs, resolved once per call. */
interface Resources {
  /** The clause types classified (their identity keys the memo). */
  types: readonly ClauseType[];
  plans: TypePlan[];
  model: TextModel | null;
  /** Scorer index per clause type id. */
  scorerOf: Map<string, number>;
  maxFeatures: number;
  fusion: FusionConfig;
  /** The last lead-in read and its token ids: consecutive list items share theirs. */
  lastContext: { context: string; ids: Int32Array } | null;
  /**
   * Scratch arrays for the provision being classified (nothing of a provision outlives its classification): token
   * ids of lead-in and provision and where the tokens start, its vector, its probabilities, and its features'
   * contributions to one scorer.
   */
  ids: Int32Array;
  starts: Int32Array;
  vector: SparseBuffer;
  probs: Float64Array;
  contributions: Float64Array;
  /** The type a rule for the user is read as, when the taxonomy has it. */
  acceptableUse: ClauseType | undefined;
  /** The types each type implies ({@link ClauseType.implies}), for the types that imply any. */
  implied: Map<string, ClauseType[]>;
  /**
   * Every decisive pattern's main expression, lead-in patterns apart: a provision none matches runs no pattern the
   * model did not ask for.
   */
  decisive: RegexAlternatives | null;
  /** The lead-ins of decisive patterns that need one: an item under a lead-in none matches runs none of them. */
  decisiveLeadIns: RegexAlternatives | null;
}

function resources(options: ClassifyOptions): Resources {
  const types = (options.taxonomy ?? loadTaxonomy()).types;
  preparePatterns(types);
  const model = options.model === undefined ? loadShippedModel().model : options.model;
  const scorerOf = new Map<string, number>();
  model?.scorers.forEach((s, i) => {
    scorerOf.set(s.label, i);
  });
  const fusion = options.fusion ?? DEFAULT_FUSION;
  const plans = types.map((type): TypePlan => {
    const index = scorerOf.get(type.id);
    const scorer = index !== undefined ? model?.scorers[index] : undefined;
    const usable = scorer !== undefined && Number.isFinite(scorer.threshold);
    return {
      type,
      index: usable ? index : undefined,
      scorer,
      floor: scorer?.fusion?.floor ?? fusion.patternFloor,
      bound: usable ? modelAloneBound(scorer.threshold, scorer.fusion) : 0,
      weights: [0, ...new Set(type.patterns.map((p) => p.weight))],
      explained: model?.indexOf(type.id),
      decisive: type.patterns.some((p) => p.decisive)
        ? { text: decisiveAlternatives([type], "text"), leadIn: decisiveAlternatives([type], "lead-in") }
        : null,
    };
  });
  return {
    types,
    plans,
    model,
    scorerOf,
    maxFeatures: options.maxFeatures ?? 5,
    fusion,
    lastContext: null,
    ids: new Int32Array(256),
    starts: new Int32Array(256),
    vector: new SparseBuffer(),
    probs: new Float64Array(model?.scorers.length ?? 0),
    contributions: new Float64Array(64),
    acceptableUse: types.find((t) => t.id === ACCEPTABLE_USE),
    implied: new Map(
      types
        .filter((t) => t.implies)
        .map((t) => [t.id, types.filter((other) => t.implies?.includes(other.id))]),
    ),
    decisive: decisiveAlternatives(types, "text"),
    decisiveLeadIns: decisiveAlternatives(types, "lead-in"),
  };
}

/**
 * The decisive patterns' expressions of one kind, with the flags of them all (as their alternation had), or null:
 * the main expressions of those that need no lead-in (`text`), or the lead-in conditions of those that need one
 * (`lead-in`): such a pattern fires only under a lead-in that matches, whatever its main expression (which may
 * accept any item), so its lead-in tells whether it can.
 */
function decisiveAlternatives(
  types: readonly ClauseType[],
  kind: "text" | "lead-in",
): RegexAlternatives | null {
  const patterns = types.flatMap((t) =>
    t.patterns.filter((p) => p.decisive && (p.leadInRequires === undefined) === (kind === "text")),
  );
  if (patterns.length === 0) return null;
  // Each source once: types share some (session replay tools, cross-context advertising).
  const sources = new Set(patterns.map((p) => (kind === "text" ? p.regex : p.leadInRequires!)));
  const flags = [...new Set(patterns.flatMap((p) => [...(p.flags ?? "")]))].join("");
  // Main expressions on the patterns' prefilters (the provision is scanned once for both); lead-ins, another
  // text, on their own, not to undo that scan.
  return new RegexAlternatives(
    [...sources].map((source) => compileRegex(source, flags)),
    kind === "text" ? patternPrefilters : new LiteralPrefilters(),
  );
}

/** Whether a provision (its text without emphasis, its lead-in) has some of a type's decisive wording. */
function hasWording(wording: DecisiveWording, text: string, context: string | undefined): boolean {
  return (
    (wording.text?.test(text) ?? false) || (context !== undefined && (wording.leadIn?.test(context) ?? false))
  );
}

/** Where the provision's text starts in the version text (its declared offset, checked). */
function provisionOffset(provision: Provision, versionText: string): number {
  if (versionText.slice(provision.start, provision.end) === provision.text) return provision.start;
  // Tolerate shifted offsets when the text is still found: the evidence offsets are recomputed from it.
  const found = versionText.indexOf(provision.text);
  if (found < 0) throw new ClassifyError(`provision ${provision.index}: text not found in the version text`);
  return found;
}

/** The model's reading of a provision's polarity; null when the model has no polarity scorers. */
type ModelPolarity = { value: Polarity; probability: number | null } | null;

function modelPolarity(r: Resources, probs: Float64Array | null): ModelPolarity {
  if (!r.model || !probs) return null;
  const ci = r.scorerOf.get(POLARITY_LABELS.concerning);
  const pi = r.scorerOf.get(POLARITY_LABELS.protective);
  if (ci === undefined || pi === undefined) return null;
  // No closure here: under tsx every closure created costs a naming call, and this runs per provision.
  const concerning = probs[ci]! >= r.model.scorers[ci]!.threshold;
  const protective = probs[pi]! >= r.model.scorers[pi]!.threshold;
  if (concerning && (!protective || probs[ci]! >= probs[pi]!))
    return { value: "concerning", probability: probs[ci]! };
  if (protective) return { value: "protective", probability: probs[pi]! };
  return { value: "neutral", probability: null };
}

/**
 * Polarity, most explicit evidence first: the taxonomy's rules (and patterns declaring one), a negated
 * first-party practice, the model's reading of the provision, and the type's default without a model. The
 * model's reading replaces the default because it agrees with our labels far more often (provision polarity,
 * platform-grouped cross-validation: 72 % against 60 % with defaults), except a protective reading of a
 * practice stated outright with nothing protective in the provision (see {@link statesPracticeFlatly}).
 */
function polarityOf(
  type: ClauseType,
  evidenceText: string,
  provisionText: string,
  hits: readonly PatternHit[],
  learned: ModelPolarity,
  /** The sentence introducing a list item, read with the evidence by the polarity rules marked `leadIn`. */
  leadIn?: string,
): { value: Polarity; reasons: string[]; fromModel: boolean } {
  const resolved = resolvePolarity(type, evidenceText, hits, leadIn);
  if (resolved.reasons.length > 0) return { ...resolved, fromModel: false };
  const negated = findNegatedPractice(evidenceText);
  if (negated)
    return { value: "protective", reasons: [`negated practice: "${negated.cue}"`], fromModel: false };
  if (learned?.value === "protective" && statesPracticeFlatly(evidenceText, provisionText)) {
    return {
      value: type.defaultPolarity,
      reasons: ["the practice is stated outright, with no negation, limit or choice: the type's default"],
      fromModel: false,
    };
  }
  if (
    learned?.value === "protective" &&
    namesPractice(type) &&
    type.defaultPolarity !== "protective" &&
    protectionOnlyElsewhere(evidenceText, provisionText)
  ) {
    return {
      value: type.defaultPolarity,
      reasons: [
        "the protective wording is outside the practice's own sentence (an opt-out elsewhere is its own finding): the type's default",
      ],
      fromModel: false,
    };
  }
  if (learned) {
    const how = learned.probability === null ? "" : ` (p=${learned.probability.toFixed(2)})`;
    return {
      value: learned.value,
      reasons: [`model reads the provision as ${learned.value}${how}`],
      fromModel: true,
    };
  }
  return { ...resolved, fromModel: false };
}

/** Severity from the taxonomy's rules; a protective clause is low whatever its type. Reviewed types use it too. */
export function severityOf(
  type: ClauseType,
  provisionText: string,
  hits: readonly PatternHit[],
  polarity: Polarity,
): { value: Severity; reasons: string[] } {
  const resolved = resolveSeverity(type, provisionText, hits);
  if (polarity === "protective" && resolved.value !== "low") {
    return { value: "low", reasons: [...resolved.reasons, "protective wording"] };
  }
  return resolved;
}

/** A provision's own tokens (without its lead-in): vocabulary ids and where each starts. */
interface OwnTokens {
  ids: Int32Array;
  starts: Int32Array;
  /** How many lead-in tokens came first in the text vectorised, and the vectoriser's `reads` after it. */
  from: number;
  read: number;
}

/** Per-provision work shared by the clause types of one provision, computed on first need. */
class ProvisionContext {
  readonly sentences: ProvisionSentences;
  private attribution: SentenceAttribution | null = null;
  /** The scorer whose contributions `r.contributions` holds for this provision, or -1. */
  private contributed = -1;
  private polarity: { value: ModelPolarity } | null = null;

  constructor(
    readonly text: string,
    /** The provision's own tokens, when there is a model. */
    private readonly own: OwnTokens | null,
    readonly vector: SparseVector | null,
    readonly probs: Float64Array | null,
    private readonly r: Resources,
  ) {
    this.sentences = new ProvisionSentences(text);
  }

  /**
   * Each feature's contribution to scorer `index`, in the vector's order: computed once for the evidence and the
   * reasons of a type.
   */
  contributions(index: number): Float64Array {
    if (this.contributed !== index) {
      const n = this.vector!.indices.length;
      if (this.r.contributions.length < n) this.r.contributions = new Float64Array(2 * n);
      this.r.model!.contributions(this.vector!, index, this.r.contributions);
      this.contributed = index;
    }
    return this.r.contributions;
  }

  /** How much each sentence contributes to the score of scorer `index`. */
  sentenceScores(index: number): number[] {
    if (!this.attribution) {
      const own = this.own!;
      const vectorizer = this.r.model!.vectorizer;
      // The n-grams found when vectorising, unless the vectoriser has read another text since.
      const { features, starts } =
        vectorizer.reads === own.read
          ? vectorizer.lastOccurrenceStarts(own.from, own)
          : vectorizer.occurrenceStarts(own.ids, own);
      // Occurrences are keyed by their feature's position in the vector, where contributions are read.
      toPositions(this.vector!.indices, features);
      this.attribution = new SentenceAttribution(this.sentences.all, features, starts);
    }
    return this.attribution.tableScores(this.contributions(index));
  }

  /**
   * The statement reading of an evidence span: that of its first sentence naming an actor, else of its first
   * sentence. List items without a subject of their own are read with their lead-in. A condition stated in an
   * earlier sentence of the span limits the practice too ("HAPPN reserves the right, subject to your consent, to
   * conduct facial image capture… Such verification is carried out…").
   */
  frameOf(span: SentenceSpan, leadIn: string | undefined): StatementFrame {
    const frame = this.spanFrame(span, leadIn);
    if (frame.actor !== "unknown" || !leadIn || !LEAD_IN.test(leadIn)) return frame;
    // An item that names nobody acting continues the sentence that introduces it ("Yahoo may access, preserve, and
    // disclose your information and User Content:" + "if required to do so by law or in the good faith belief…"):
    // whoever acts in the lead-in acts in the item.
    const lead = statementReading(`\0${leadIn}`);
    return lead.hasVerb && lead.actor !== "unknown" ? { ...frame, actor: lead.actor } : frame;
  }

  private spanFrame(span: SentenceSpan, leadIn: string | undefined): StatementFrame {
    let first: StatementFrame | null = null;
    let condition: string | null = null;
    for (const sentence of this.sentences.all) {
      if (sentence.end <= span.start || sentence.start >= span.end) continue;
      const frame = statementReading(`${leadIn ?? ""}\0${this.text.slice(sentence.start, sentence.end)}`);
      if (frame.hasVerb && frame.actor !== "unknown")
        return condition && !frame.condition ? { ...frame, condition } : frame;
      first ??= frame;
      condition ??= frame.condition;
    }
    return first ?? readStatement(this.text.slice(span.start, span.end), leadIn);
  }

  modelPolarity(): ModelPolarity {
    this.polarity ??= { value: modelPolarity(this.r, this.probs) };
    return this.polarity.value;
  }
}

/**
 * The provision's feature vector (in the scratch of `r`) and own tokens. The lead-in (the sentence introducing a
 * list…) is read with it, as the text `${context}\n${text}`, whose tokens are the lead-in's followed by the
 * provision's (no token crosses a line break); the lead-in's are looked up once for all the items that share it.
 */
function vectorOf(
  model: TextModel,
  provision: Provision,
  r: Resources,
): { vector: SparseVector; own: OwnTokens } {
  const vectorizer = model.vectorizer;
  const context = provision.context;
  if (context && r.lastContext?.context !== context) {
    r.lastContext = { context, ids: vectorizer.tokenIds(words(context)) };
  }
  const lead = context ? r.lastContext!.ids : NO_IDS;
  // A token per two characters at most.
  const room = lead.length + (provision.text.length >> 1) + 1;
  if (r.ids.length < room) {
    r.ids = new Int32Array(2 * room);
    r.starts = new Int32Array(2 * room);
  }
  r.ids.set(lead);
  const end = lead.length + vectorizer.readTokenIds(provision.text, r.ids, r.starts, lead.length);
  // The normalised tokens are read only for character n-grams (the shipped model has none).
  const norms = vectorizer.config.charNgrams ? [...words(context ?? ""), ...words(provision.text)] : [];
  const vector = vectorizer.transformIds(r.ids.subarray(0, end), norms, r.vector);
  return {
    vector,
    own: {
      ids: r.ids.subarray(lead.length, end),
      starts: r.starts.subarray(lead.length, end),
      from: lead.length,
      read: vectorizer.reads,
    },
  };
}

const NO_IDS = new Int32Array(0);

/**
 * The sentence(s) a decision rests on: around the strongest pattern hit when the pattern was needed; else the
 * sentences carrying most of the model's score, among those that name the type's subject when the best do not;
 * else the first sentence.
 */
function evidenceSpan(
  ctx: ProvisionContext,
  type: ClauseType,
  hits: readonly PatternHit[],
  decision: Decision,
  scorer: number | undefined,
): SentenceSpan {
  const sentences = ctx.sentences.all;
  if ((decision.patternNeeded || !decision.modelUsed) && hits[0]) {
    return sentencesCovering(sentences, hits[0].start, hits[0].end);
  }
  if (sentences.length > 1 && scorer !== undefined && ctx.vector) {
    const scores = ctx.sentenceScores(scorer);
    // Neighbours that carry at least half as much as the best sentence belong to the evidence too.
    const threshold = Math.max(1e-9, 0.5 * Math.max(...scores));
    const block = bestSentenceBlock(sentences, scores, threshold);
    const subject = type.subject;
    if (!subject || matchSpec(subject, ctx.text.slice(block.start, block.end))) return block;
    // The words the model weighs most can sit in a sentence that does not say what the type is about (a
    // provision on course participation that mentions proctoring once): quote the best sentence that does.
    const naming = scores.map((score, i) =>
      matchSpec(subject, ctx.text.slice(sentences[i]!.start, sentences[i]!.end))
        ? score
        : Number.NEGATIVE_INFINITY,
    );
    return naming.some((score) => score > Number.NEGATIVE_INFINITY)
      ? bestSentenceBlock(sentences, naming, threshold)
      : block;
  }
  return sentences[0] ?? { start: 0, end: ctx.text.length };
}

/** Patterns that fired, then (when the model counted) the features that pushed the type up the most. */
function reasonsOf(
  r: Resources,
  ctx: ProvisionContext,
  plan: TypePlan,
  hits: readonly PatternHit[],
  decision: Decision,
): ClassificationReason[] {
  const reasons: ClassificationReason[] = hits.map((h) => ({
    kind: "pattern",
    name: h.pattern.id,
    weight: h.pattern.weight,
  }));
  if (r.model && ctx.vector && decision.modelUsed && plan.explained !== undefined) {
    const contributions = ctx.contributions(plan.explained);
    for (const f of r.model.topFeatures(ctx.vector, contributions, r.maxFeatures)) {
      reasons.push({ kind: "feature", name: f.feature, weight: round4(f.contribution) });
    }
  }
  return reasons;
}

/** What deciding a type weighs: its pattern weight, its model probability and the model's threshold and fusion. */
function evidenceOf(plan: TypePlan, probability: number | null, patternWeight: number): TypeEvidence {
  return {
    patternWeight,
    probability,
    threshold: plan.scorer?.threshold ?? Number.POSITIVE_INFINITY,
    fusion: plan.scorer?.fusion,
  };
}

/** Whether some weight the type's patterns could bring gets it predicted (else its patterns are not run). */
function patternsMayDecide(plan: TypePlan, probability: number | null, fusion: FusionConfig): boolean {
  if (!patternsWorthRunning(probability, plan.floor)) return false;
  for (const w of plan.weights) if (decide(evidenceOf(plan, probability, w), fusion) !== null) return true;
  return false;
}

/**
 * The decision with a decisive pattern's weight as the least confidence: such wording states the type to a
 * careful reader on its own (the taxonomy's `decisive` patterns), even where the model has seen too little of it.
 */
function decisiveDecision(hits: readonly PatternHit[], decision: Decision | null): Decision | null {
  let weight = 0;
  for (const hit of hits)
    if (hit.pattern.decisive && hit.pattern.weight > weight) weight = hit.pattern.weight;
  if (weight === 0 || (decision && decision.confidence >= weight)) return decision;
  return { confidence: weight, patternNeeded: true, modelUsed: decision?.modelUsed ?? false };
}

/** Pattern hits in the text without emphasis, moved to their offsets in the provision's own text. */
function inSource(hits: PatternHit[], plain: UnemphasisedText, text: string): readonly PatternHit[] {
  if (plain.text === text) return hits;
  for (const hit of hits) {
    hit.end = hit.end > hit.start ? plain.original(hit.end - 1) + 1 : plain.original(hit.end);
    hit.start = plain.original(hit.start);
  }
  return hits;
}

/** A lead-in that introduces the list item it is the context of. */
const LEAD_IN = /:\s*$/;

/** Shared by the types whose patterns were not run; never mutated. */
const NO_HITS: readonly PatternHit[] = [];

/** Classifies one provision, whose text starts at `offset` in the version text. */
function classifyOne(provision: Provision, offset: number, r: Resources): Classification[] {
  const text = provision.text;
  if (statesNoPractice(text, Boolean(provision.context))) return [];
  // The lead-in (the sentence introducing a list…) helps the model read a list item; evidence stays inside.
  let own: OwnTokens | null = null;
  let vector: SparseVector | null = null;
  let probs: Float64Array | null = null;
  if (r.model) {
    ({ vector, own } = vectorOf(r.model, provision, r));
    probs = r.model.probabilities(vector, r.probs);
  }
  const ctx = new ProvisionContext(text, own, vector, probs, r);
  // Wording is matched without emphasis markers: "must be brought by you within **one year**" says "within one year".
  const plain = withoutEmphasis(text);
  // Decisive wording is looked for whatever the model says: it is what the model has seen too little of.
  const decisiveText =
    (r.decisive?.test(plain.text) ?? false) ||
    (provision.context !== undefined && (r.decisiveLeadIns?.test(provision.context) ?? false));
  const out: Classification[] = [];
  /** Findings that turned out to be rules for the user, read as acceptable use unless that is found already. */
  let userRule: Classification | null = null;
  for (const plan of r.plans) {
    const { type, index, floor, bound } = plan;
    const probability = index !== undefined && ctx.probs ? ctx.probs[index]! : null;
    // Under both the pattern floor and the model's own bound, nothing but decisive wording can predict the type.
    const underModel = probability !== null && probability < floor && probability < bound;
    // Patterns are matched only when the weight they could bring might get the type predicted, or where the type's
    // own decisive wording is found (asked only then: most types' is not, so their patterns stay unrun).
    const mayDecide = !underModel && patternsMayDecide(plan, probability, r.fusion);
    const decisive =
      !mayDecide &&
      decisiveText &&
      plan.decisive !== null &&
      hasWording(plan.decisive, plain.text, provision.context);
    if (underModel && !decisive) continue;
    const hits =
      decisive || mayDecide
        ? inSource(matchTypePatterns(type, plain.text, provision.context), plain, text)
        : NO_HITS;
    const decision = decisiveDecision(
      hits,
      decide(evidenceOf(plan, probability, hits[0]?.pattern.weight ?? 0), r.fusion),
    );
    if (!decision || !mentionsSubject(type, plain.text, provision.context)) continue;
    const span = evidenceSpan(ctx, type, hits, decision, probability === null ? undefined : index);
    const evidence: Span = {
      start: offset + span.start,
      end: offset + span.end,
      text: text.slice(span.start, span.end),
    };
    const confidence = round4(
      hits.length === 0 ? unsupportedConfidence(decision.confidence) : decision.confidence,
    );
    // Polarity rules marked `leadIn` read a list item with the sentence that introduces it ("…not liable…, unless it
    // is:"): only a lead-in ending with a colon, not the paragraph an item merely continues.
    const leadIn = provision.context && LEAD_IN.test(provision.context) ? provision.context : undefined;
    const polarity = polarityOf(
      type,
      withoutEmphasis(evidence.text).text,
      plain.text,
      hits,
      ctx.modelPolarity(),
      leadIn,
    );
    // A list item or table row is read with its lead-in (READING.md): "…Accounts in a delinquent state…:" says why
    // the items that follow may end an account.
    const severity = severityOf(
      type,
      provision.context ? `${provision.context}\n${plain.text}` : plain.text,
      hits,
      polarity.value,
    );
    // Only what may be shown (clear, high or medium), and what the frame can change, is read for who does what:
    // the tagger is the costly part.
    const reading =
      severity.value === "low" ||
      confidence < CLEAR_CONFIDENCE ||
      !frameMatters(type, polarity.value, severity.value)
        ? {
            userRule: false,
            polarity: polarity.value,
            severity: severity.value,
            polarityReasons: polarity.reasons,
            severityReasons: severity.reasons,
          }
        : readWithFrame(type, ctx.frameOf(span, provision.context), polarity, severity);
    // After the frame, which may read an affirmed practice as concerning. A neutral reading is never high (none
    // of our 6,600 labels is) and, for routine types, low.
    if (reading.polarity === "neutral") {
      if (type.routineWhenNeutral && reading.severity !== "low") {
        reading.severity = "low";
        reading.severityReasons = [...reading.severityReasons, "routine: a neutral reading of this type"];
      } else if (reading.severity === "high") {
        reading.severity = "medium";
        reading.severityReasons = [...reading.severityReasons, "not high: read as neutral, not concerning"];
      }
    }
    const finding: Classification = {
      type: type.id,
      name: type.name,
      confidence,
      confidenceLevel: confidenceLevel(confidence),
      polarity: reading.polarity,
      severity: reading.severity,
      evidence,
      source: decision.patternNeeded || !decision.modelUsed ? "pattern" : "model",
      reasons: reasonsOf(r, ctx, plan, hits, decision),
      polarityReasons: reading.polarityReasons,
      severityReasons: reading.severityReasons,
    };
    if (reading.userRule) userRule ??= finding;
    else out.push(finding);
  }
  if (userRule && r.acceptableUse && !out.some((c) => c.type === ACCEPTABLE_USE)) {
    out.push(asUserRule(userRule, r.acceptableUse));
  }
  addImplied(out, r.implied);
  return out.sort((a, b) => b.confidence - a.confidence);
}

/**
 * Adds, for each finding, the types its type implies that were not found clearly on their own: the same
 * statement, read the same way (a biometric identifier collected is sensitive data collected, at the same
 * severity). A reading of the implied type too unsure to be shown gives way to it; a clear one stays.
 */
function addImplied(out: Classification[], implied: ReadonlyMap<string, ClauseType[]>): void {
  if (implied.size === 0) return;
  for (const finding of out.slice()) {
    for (const type of implied.get(finding.type) ?? []) {
      const own = out.findIndex((c) => c.type === type.id);
      // A clear reading of its own (read by the type's own rules) stays.
      if (own >= 0 && out[own]!.confidence >= Math.min(finding.confidence, CLEAR_CONFIDENCE)) continue;
      if (own >= 0) out.splice(own, 1);
      const why = `implied by ${finding.name}: the same statement, read the same way`;
      out.push({
        ...finding,
        type: type.id,
        name: type.name,
        evidence: { ...finding.evidence },
        reasons: finding.reasons.map((reason) => ({ ...reason })),
        polarityReasons: [...(finding.polarityReasons ?? []), why],
        severityReasons: [...(finding.severityReasons ?? []), why],
      });
    }
  }
}

/** Findings below this confidence are not shown (dashboard, report, alerts), so not read for who does what. */
const CLEAR_CONFIDENCE = 0.5;

/** A finding of a practice that the text forbids the user: acceptable use, neutral and at its default. */
function asUserRule(finding: Classification, acceptableUse: ClauseType): Classification {
  return {
    ...finding,
    type: acceptableUse.id,
    name: acceptableUse.name,
    polarity: "neutral",
    severity: acceptableUse.defaultSeverity,
    polarityReasons: [`a rule for the user, not the platform's ${finding.name.toLowerCase()}`],
    severityReasons: [],
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * Classifies every provision of a version.
 * @param provisions the version's provisions, with offsets into `versionText`
 * @param versionText the whole version text; evidence spans are offsets into it
 * @throws ClassifyError when a provision's text is not part of `versionText`
 */
export function classify(
  provisions: readonly Provision[],
  versionText: string,
  options: ClassifyOptions = {},
): ClassifiedProvision[] {
  const r = resourcesFor(options);
  const done = memoFor(r, options);
  return provisions.map((p) => {
    const offset = provisionOffset(p, versionText);
    const context = p.context ?? "";
    let byText = done.get(context);
    if (!byText) {
      byText = new Map();
      done.set(context, byText);
    }
    const known = byText.get(p.text);
    if (known)
      return withClauses(
        p,
        known.clauses.map((c) => moved(c, offset - known.offset)),
      );
    const clauses = classifyOne(p, offset, r);
    // The memo keeps its own copy: what callers do with their classifications must not reach later calls.
    byText.set(p.text, { offset, clauses: clauses.map((c) => moved(c, 0)) });
    remembered++;
    return withClauses(p, clauses);
  });
}

/**
 * Statement readings by lead-in and sentence (`lead-in\0sentence`), remembered across calls: they depend on the
 * text read alone, and a document's sentences recur from version to version.
 */
const statementReading = memoize((key: string): StatementFrame => {
  const cut = key.indexOf("\0");
  const leadIn = key.slice(0, cut);
  return readStatement(key.slice(cut + 1), leadIn === "" ? undefined : leadIn);
}, 16_384);

let lastResources: { options: ClassifyOptions; r: Resources } | null = null;

/**
 * The resources of the previous call when its options were the same and the clause types and model it resolved
 * are still the defaults' (building them costs a third of a millisecond per version, planning every clause type).
 * Their scratch is per provision.
 */
function resourcesFor(options: ClassifyOptions): Resources {
  const last = lastResources;
  if (
    last &&
    last.options.taxonomy === options.taxonomy &&
    last.options.model === options.model &&
    last.options.maxFeatures === options.maxFeatures &&
    last.options.fusion === options.fusion &&
    (options.taxonomy !== undefined || last.r.types === loadTaxonomy().types) &&
    (options.model !== undefined || last.r.model === loadShippedModel().model)
  ) {
    return last.r;
  }
  const r = resources(options);
  lastResources = { options: { ...options }, r };
  return r;
}

/** Classifications of provisions by lead-in, then text, with the offset their evidence is relative to. */
type Memo = Map<string, Map<string, { offset: number; clauses: Classification[] }>>;

/** Provisions remembered across calls before the memo is emptied (a few thousand versions' worth of changes). */
const MEMO_CAPACITY = 16_384;
let shared: { types: readonly ClauseType[]; model: TextModel | null; memo: Memo } | null = null;
let remembered = 0;

/**
 * Where classifications are remembered. A provision repeated with the same lead-in (menus, form labels, repeated
 * notices: one in eight of the corpus) is classified once and each copy gets its classifications moved to its own
 * offset. With the default options this memo outlives the call, for as long as the clause types and the model
 * stay the same: consecutive versions of a document share most provisions, so analysing a document's history
 * classifies each distinct provision once. Other options get a memo of their own call.
 */
function memoFor(r: Resources, options: ClassifyOptions): Memo {
  if (options.maxFeatures !== undefined || options.fusion !== undefined) return new Map();
  if (!shared || shared.types !== r.types || shared.model !== r.model || remembered >= MEMO_CAPACITY) {
    shared = { types: r.types, model: r.model, memo: new Map() };
    remembered = 0;
  }
  return shared.memo;
}

/**
 * Forgets the classifications remembered across calls. For measurements of the classifier itself, which must not
 * count a provision classified in an earlier pass as free (statement readings are forgotten with every other memo,
 * by `forgetRemembered`).
 */
export function clearClassificationMemo(): void {
  shared = null;
  remembered = 0;
}

/**
 * `{ ...p, clauses }` (same properties in the same order): on Node 20 a spread followed by another property costs
 * about a microsecond, Object.assign and a property a tenth of that.
 */
function withClauses(p: Provision, clauses: Classification[]): ClassifiedProvision {
  const out = Object.assign({}, p) as ClassifiedProvision;
  out.clauses = clauses;
  return out;
}

/** A copy of a classification (nothing shared) with its evidence moved by `delta` characters. */
function moved(c: Classification, delta: number): Classification {
  // Object.assign and assignments to existing properties, as in withClauses: same properties in the same order.
  const out = Object.assign({}, c);
  const evidence = Object.assign({}, c.evidence);
  evidence.start += delta;
  evidence.end += delta;
  out.evidence = evidence;
  out.reasons = c.reasons.map((reason) => ({ ...reason }));
  if (c.polarityReasons) out.polarityReasons = c.polarityReasons.slice();
  if (c.severityReasons) out.severityReasons = c.severityReasons.slice();
  return out;
}
