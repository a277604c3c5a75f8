/**
 * Who does what in a sentence of a policy: the actor of its main clause, the modality, whether the statement is
 * negated, and any condition that limits it. Read from the sentence's parts of speech (see english-tagger.ts)
 * and the cue words of `knowledge/statement-cues.json`.
 */
import { compileRegex, loadStatementCues, type StatementCues } from "../../knowledge/index.js";
import { type TaggedToken, tagTokens } from "./english-tagger.js";

/** Who the main clause says acts. "unknown" when the sentence names no actor (a fragment, a thing). */
export type Actor = "platform" | "partner" | "user" | "institution" | "authority" | "unknown";

/** What the main verb group says of the act. */
export type Modality = "does" | "may" | "will" | "must" | "must-not";

/** The reading of one statement. */
export interface StatementFrame {
  actor: Actor;
  modality: Modality;
  /** The main clause is negated ("we do not sell", "no data is sold", "has not sold"). */
  negated: boolean;
  /** The phrase that limits the practice ("only if", "with your consent", "unless"), when there is one. */
  condition: string | null;
  /** The sentence has a verb at all (a heading-like fragment has none). */
  hasVerb: boolean;
  /** The main verb defines or lists ("Partners include ad networks", "Personal data means…"): no practice stated. */
  defines: boolean;
}

const VERBAL = new Set(["AUX", "VERB"]);
const NOMINAL = new Set(["NOUN", "PROPN", "PRON"]);
/** Conjunctions that open a leading subordinate clause, read up to its comma ("If you choose…, we will…"). */
const SUBORDINATE = new Set([
  "if",
  "when",
  "where",
  "unless",
  "once",
  "while",
  "although",
  "though",
  "because",
  "since",
  "whether",
  "after",
  "before",
  "as",
]);
/** Adverbs that open a sentence before its comma ("However, we…"). */
const LEADING_ADVERB = new Set([
  "however",
  "additionally",
  "also",
  "finally",
  "otherwise",
  "further",
  "furthermore",
]);
/**
 * Participles that open a leading phrase with their preposition, read up to its comma like a subordinate clause
 * ("Depending on whether you're a Rider or a Driver, Lyft may disclose…", "Subject to your settings, …").
 */
const LEADING_PARTICIPLE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["depending", new Set(["on", "upon"])],
  ["based", new Set(["on", "upon"])],
  ["subject", new Set(["to"])],
  ["according", new Set(["to"])],
  ["regardless", new Set(["of"])],
]);
/** Main verbs of definitions and lists. */
const DEFINING = new Set([
  "include",
  "includes",
  "including",
  "mean",
  "means",
  "refer",
  "refers",
  "consist",
  "consists",
]);
const NEGATORS = new Set(["not", "n't", "never", "no", "nor", "cannot"]);
/** Determiners that negate their noun phrase when it is the subject ("no data is sold", "nothing limits"). */
const NEGATIVE_SUBJECT = new Set(["no", "nothing", "none", "neither", "nobody"]);
const MAY = new Set(["may", "might", "can", "could", "ca"]);
const WILL = new Set(["will", "would", "shall", "'ll", "wo"]);
const MUST = new Set(["must", "required", "obliged", "obligated"]);
/** Verbs that state a duty when "to" follows ("you have to", "you agree to"). */
const MUST_TO = new Set(["have", "has", "need", "needs", "agree", "agrees", "undertake", "undertakes"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re"]);
/** Verbs through which a user states a duty ("you agree not to…", "you undertake not to…"). */
const UNDERTAKE = new Set(["agree", "agrees", "undertake", "undertakes", "promise", "warrant", "represent"]);

/** The compiled cues: word → actor, and one expression for every condition phrase. */
interface CueIndex {
  actorOf: Map<string, Actor>;
  condition: RegExp;
}

let index: CueIndex | null = null;

/** The cue index, built once per process (the cues are read only when it is built). */
function cueIndex(): CueIndex {
  if (index) return index;
  const cues: StatementCues = loadStatementCues();
  const actorOf = new Map<string, Actor>();
  // Later lists win: the platform's own words last, so "our partners" is read by its head word "partners".
  for (const actor of ["platform", "authority", "institution", "partner", "user"] as const) {
    for (const word of cues.actors[actor]) actorOf.set(word, actor);
  }
  index = { actorOf, condition: compileRegex(`\\b(?:${cues.conditions.join("|")})\\b`) };
  return index;
}

/**
 * Where the main clause starts: after a leading subordinate, adverbial or purpose clause closed by a comma. `reach` is the
 * last token the answer depends on (Infinity when it depends on where the tokens end).
 */
function mainClauseStart(tokens: readonly TaggedToken[]): { start: number; reach: number } {
  const first = tokens[0];
  if (!first) return { start: 0, reach: Number.POSITIVE_INFINITY };
  // An infinitive of purpose leads too ("To do this, we disclose…", "To use the Services, you must…").
  const leading =
    SUBORDINATE.has(first.word) ||
    first.pos === "SCONJ" ||
    LEADING_ADVERB.has(first.word) ||
    (first.word === "to" && first.pos === "PART") ||
    (LEADING_PARTICIPLE.get(first.word)?.has(tokens[1]?.word ?? "") ?? false);
  // Without a leading word or preposition the comma does not matter.
  if (!leading && first.pos !== "ADP") return { start: 0, reach: 0 };
  const comma = tokens.findIndex((t) => t.word === ",");
  if (comma < 0 || comma + 1 >= tokens.length) return { start: 0, reach: Number.POSITIVE_INFINITY };
  if (leading) return { start: comma + 1, reach: comma + 1 };
  // A leading phrase ("To the extent permitted by law, we…") has no verb of its own before the comma; "In no
  // event will we be liable, …" does, and is the main clause.
  return { start: tokens.slice(0, comma).some((t) => t.pos === "AUX") ? 0 : comma + 1, reach: comma + 1 };
}

/**
 * Capitalised defined terms of policies ("Personal Information falls into categories…", "Cookies are…"): the thing
 * handled, never the platform's name.
 */
const DEFINED_TERMS = new Set(["information", "data", "cookies", "cookie", "content", "services", "service"]);

/** A proper noun, or a capitalised word the tagger took for a common noun ("Twitch has not sold…"). */
function isName(token: TaggedToken): boolean {
  if (DEFINED_TERMS.has(token.word)) return false;
  return token.pos === "PROPN" || (token.pos === "NOUN" && token.capitalised);
}

/** A bold label or a short title before a dash or colon ("**With employers…** — If an entity pays…, edX will…"). */
const LABEL = /^\s*(?:(\*\*|__)[^*_]+?\1\s*[—–:.-]?|[^.—–:]{1,80}\s[—–])\s*(?=\S)/;

/** The sentence without a leading label, which names a topic and is no part of the statement. */
function withoutLabel(sentence: string): string {
  const label = LABEL.exec(sentence);
  return label ? sentence.slice(label[0].length) : sentence;
}

/** A glossary entry: a quoted term opening the sentence, then a dash, a colon, "means" or "is" (`**"Admin"** - an…`). */
const GLOSSARY_ENTRY =
  /^\W{0,4}["“][^"”]{1,60}["”]\W{0,4}\s*(?:[—–:-]|means\b|is\b|are\b|refers\b|shall mean\b)/;

/**
 * A sentence that announces what a table or list states ("The chart below provides the categories…", "We collect
 * Personal Information from the following sources…:"): the practices are stated, and read, in the rows and items.
 */
const ANNOUNCES_LIST =
  /^\W*the (?:following )?(?:chart|table|list)s?\b|\b(?:the following|below|as follows)\b[^.]*:\s*$/i;

/**
 * A lead-in that forbids what its list names ("These kinds of content aren't acceptable:", "You agree not to:"):
 * every item is a rule for the user, whoever the item's own subject is.
 */
const FORBIDDING_LEAD_IN =
  /\b(?:(?:are|is)(?: not|n't)(?: \w+)? (?:acceptable|allowed|permitted|tolerated)|(?:is|are) (?:strictly )?(?:prohibited|forbidden|not allowed)|(?:you|users?) (?:may|must|shall|will|should) not|agree not to|(?:must|may) not be used to)\b[^.]*:\s*$/i;

/** The frame of a rule the reader is given. */
const USER_RULE: StatementFrame = {
  actor: "user",
  modality: "must-not",
  negated: true,
  condition: null,
  hasVerb: true,
  defines: false,
};

/** How a cell that is a sentence ends (markup aside). */
const SENTENCE_END = /[.!?]\W*$/;

/** The cells of a table row with some text in them, or null when `text` is not a row. */
function tableCells(text: string): string[] | null {
  if (!text.includes("|")) return null;
  const cells = text
    .split("|")
    .map((cell) => cell.trim())
    .filter((cell) => /\p{L}/u.test(cell));
  return cells.length >= 2 ? cells : null;
}

/** Cells that answer a disclosure table's question in the negative. */
const NO_CELL = /^(?:no|none|n\/a|-|—|–)?$/i;

/**
 * A table row that answers "no" for its category ("E. Biometric Information | No | N/A | N/A", the disclosure
 * tables of US state privacy notices): the practice is denied for that category.
 */
function deniedTableRow(text: string): boolean {
  const cells = text.split("|").map((cell) => cell.replace(/[*_\\]/g, "").trim());
  if (cells.length < 2 || cells[0] === "") return false;
  const answers = cells.slice(1);
  return answers.every((cell) => NO_CELL.test(cell)) && answers.some((cell) => /^no$/i.test(cell));
}

/** The actor named by a subject: its head word (the last nominal), "you and X" being both parties bound. */
function actorOf(subject: readonly TaggedToken[], cues: CueIndex, passive: boolean): Actor {
  // Relative pronouns ("who", "that") head no subject: the noun they refer to does.
  const nominals = subject.filter(
    (t) => cues.actorOf.has(t.word) || (NOMINAL.has(t.pos) && t.pos !== "PRON"),
  );
  if (nominals.length === 0) return passive ? "platform" : "unknown";
  const named = nominals.map((t) => cues.actorOf.get(t.word) ?? (isName(t) ? "platform" : "unknown"));
  if (named.includes("user") && named.some((a) => a !== "user" && a !== "unknown")) return "platform";
  // Head word: the last nominal before "of" ("the owner of an organisation" is read by its owner).
  const of = subject.findIndex((t) => t.word === "of");
  // "Some of our partners": nothing nominal before "of", so the head is after it.
  const head =
    (of > 0 ? nominals.filter((t) => subject.indexOf(t) < of).at(-1) : undefined) ?? nominals.at(-1);
  const actor = head ? (cues.actorOf.get(head.word) ?? (isName(head) ? "platform" : "unknown")) : "unknown";
  // A thing done to data with no agent named ("your data may be shared") is the platform's doing.
  return actor === "unknown" && passive ? "platform" : actor;
}

/** The last lead-in read: consecutive list items share theirs. */
let lastLead: { text: string; frame: StatementFrame } | null = null;

/**
 * The reading an item without a subject of its own continues. A lead-in that announces its list ("We disclose
 * those categories … to fulfill the following purposes:") states no practice by itself because its items do:
 * each item completes it ("Providing … cross-contextual behavioral advertising"), so the item does not inherit
 * the announcement as a definition. A lead-in whose own verb defines ("Personal data includes:") still does.
 */
function leadInFrame(text: string): StatementFrame {
  if (lastLead?.text !== text) {
    const frame = readRow(withoutLabel(text), undefined, FIRST_WINDOW);
    lastLead = { text, frame: GLOSSARY_ENTRY.test(text) ? { ...frame, defines: true } : frame };
  }
  return lastLead.frame;
}

/** The modality of a verb group; `after` holds the two words following each of its tokens in the sentence. */
function modalityOf(group: readonly TaggedToken[], after: readonly string[]): Modality {
  for (const [i, t] of group.entries()) {
    if (MAY.has(t.word)) return "may";
    if (WILL.has(t.word)) return "will";
    if (MUST.has(t.word)) return "must";
    const next = after[i] ?? "";
    if (MUST_TO.has(t.word) && /^(?:not )?to\b/.test(next)) return "must";
  }
  return "does";
}

/**
 * Characters tagged first: a sentence's subject and verb group nearly always sit within them, and tagging costs
 * in proportion to the length. When the reading reaches too close to the end of that window, the sentence is
 * tagged again up to the tagger's own limit.
 */
const FIRST_WINDOW = 100;
/**
 * Tokens that must follow the last token a reading depends on for a window's reading to stand: the tagger's
 * contextual rules read a few tokens either side, and a word cut off at the window's end may tokenise otherwise.
 */
const WINDOW_MARGIN = 4;

/**
 * Reads one sentence. A sentence without a subject of its own (a list item "Suspend your account access", a
 * fragment) takes the actor and modality of `leadIn` when one is given. `firstWindow`: characters tagged first
 * (Infinity tags the whole sentence at once, as the window must read).
 */
export function readStatement(text: string, leadIn?: string, firstWindow = FIRST_WINDOW): StatementFrame {
  if (leadIn !== undefined && FORBIDDING_LEAD_IN.test(leadIn)) return { ...USER_RULE };
  const frame = readRow(withoutLabel(text), leadIn, firstWindow);
  // Defining a term, or announcing a list, states no practice, whatever the definition or the list covers.
  return GLOSSARY_ENTRY.test(text) || ANNOUNCES_LIST.test(text) ? { ...frame, defines: true } : frame;
}

/** Reads a sentence or a table row (without its leading label). */
function readRow(sentence: string, leadIn: string | undefined, firstWindow: number): StatementFrame {
  if (deniedTableRow(sentence))
    return {
      actor: "platform",
      modality: "does",
      negated: true,
      condition: null,
      hasVerb: true,
      defines: false,
    };
  // A table row is no sentence: its cells are read one by one ("Fivetran | Automated data movement | USA" names a
  // vendor, a service and a place; nobody in it acts). Only cells that end like a sentence can say who does what
  // (a list of recipients, "Service Providers, Integrated Third Parties", is not said to do anything); the first
  // that names an actor speaks for the row, else the first with a verb, else its first cell.
  const cells = tableCells(sentence);
  if (cells) {
    const frames = cells
      .filter((c) => SENTENCE_END.test(c))
      .map((c) => readSentence(c, leadIn, true, firstWindow));
    return (
      frames.find((f) => f.hasVerb && f.actor !== "unknown") ??
      frames.find((f) => f.hasVerb) ??
      readSentence(cells[0]!, leadIn, true, firstWindow)
    );
  }
  return readSentence(sentence, leadIn, false, firstWindow);
}

/**
 * Reads one sentence (no table row, no leading label).
 * @param cell the sentence is a table cell, where a verb without a subject states a purpose of the platform
 *   ("Advertisement | Deliver relevant ads… | Meta Pixel")
 */
function readSentence(
  sentence: string,
  leadIn: string | undefined,
  cell: boolean,
  firstWindow: number,
): StatementFrame {
  const cues = cueIndex();
  const condition = cues.condition.exec(sentence)?.[0] ?? null;
  // wink-nlp remembers some words with a typographic apostrophe once tokenised ("Zoom’s" is split the first time,
  // one token afterwards): a sentence holding one is tagged whole, as ever, so later readings stay as they were.
  if (sentence.length > firstWindow && !sentence.includes("’")) {
    const tokens = tagTokens(sentence, firstWindow);
    const windowed = readTokens(tokens, condition, cues, leadIn, cell);
    if (windowed.reach + WINDOW_MARGIN < tokens.length) return windowed.frame;
  }
  return readTokens(tagTokens(sentence), condition, cues, leadIn, cell).frame;
}

/**
 * An example list set off by commas in the subject, "…, including Microsoft, …" ("Third parties, including
 * Facebook, may also use such tracking technologies…"): its participle is no main verb, and its names are no head
 * of the subject. `start` is the comma before "including", `end` the token after the comma that closes it.
 */
function appositionIn(
  tokens: readonly TaggedToken[],
  from: number,
): { start: number; end: number } | "unclosed" | null {
  const first = tokens.findIndex((t, i) => i >= from && VERBAL.has(t.pos));
  if (first <= from || tokens[first]?.word !== "including" || tokens[first - 1]?.word !== ",") return null;
  const close = tokens.findIndex((t, i) => i > first && t.word === ",");
  if (close < 0) return "unclosed";
  return close > first + 1 ? { start: first - 1, end: close + 1 } : null;
}

/**
 * The reading of a tagged sentence, and `reach`: the last token it depends on (Infinity when it depends on where
 * the tokens end), so that a reading of the sentence's first tokens can be told equal to that of all of them.
 */
function readTokens(
  tokens: readonly TaggedToken[],
  condition: string | null,
  cues: CueIndex,
  leadIn: string | undefined,
  cell: boolean,
): { frame: StatementFrame; reach: number } {
  const { start, reach: startReach } = mainClauseStart(tokens);
  const found = appositionIn(tokens, start);
  const apposition = found === "unclosed" ? null : found;
  const verb = tokens.findIndex(
    (t, i) => i >= start && VERBAL.has(t.pos) && !(apposition && i >= apposition.start && i < apposition.end),
  );
  const hasVerb = verb >= 0;
  let reach = Math.max(startReach, start + 1, hasVerb ? verb : Number.POSITIVE_INFINITY);
  // Whether the example list closes depends on tokens a window may not hold yet.
  if (found === "unclosed") reach = Number.POSITIVE_INFINITY;
  // Imperatives addressed to the reader: "Do not post…", "Never share…".
  const opener = tokens[start]?.word;
  if (opener === "never" || (opener === "do" && NEGATORS.has(tokens[start + 1]?.word ?? ""))) {
    const frame: StatementFrame = {
      actor: "user",
      modality: "must-not",
      negated: true,
      condition,
      hasVerb: true,
      defines: false,
    };
    return { frame, reach };
  }
  if (!hasVerb || verb === start) {
    const lead = leadIn ? leadInFrame(leadIn) : null;
    if (lead && lead.actor !== "unknown") {
      return { frame: { ...lead, condition: condition ?? lead.condition, hasVerb }, reach };
    }
    const frame: StatementFrame = {
      actor: cell && hasVerb ? "platform" : "unknown",
      modality: "does",
      negated: false,
      condition,
      hasVerb,
      defines: false,
    };
    return { frame, reach };
  }
  const subject = tokens.slice(start, apposition && apposition.start < verb ? apposition.start : verb);
  // The verb group: auxiliaries, particles and adverbs up to and including the main verb.
  let end = verb;
  while (
    end < tokens.length &&
    (VERBAL.has(tokens[end]!.pos) || tokens[end]!.pos === "PART" || tokens[end]!.pos === "ADV")
  ) {
    end++;
    if (tokens[end - 1]!.pos === "VERB" && tokens[end]?.pos !== "PART") break;
  }
  const group = tokens.slice(verb, Math.max(end, verb + 1));
  // The loop read the token at `end`, and the modality the two after each of the group's.
  reach = Math.max(reach, end, verb + group.length + 1);
  if (reach >= tokens.length) reach = Number.POSITIVE_INFINITY;
  const passive = group.some((t, i) => BE.has(t.word) && group[i + 1]?.pos === "VERB");
  const actor = actorOf(subject, cues, passive);
  const negated =
    group.some((t) => NEGATORS.has(t.word)) || subject.some((t) => NEGATIVE_SUBJECT.has(t.word));
  let modality = modalityOf(
    group,
    group.map((_, i) => `${tokens[verb + i + 1]?.word ?? ""} ${tokens[verb + i + 2]?.word ?? ""}`),
  );
  const undertakesNot = group.some((t) => UNDERTAKE.has(t.word)) && negated;
  if (actor === "user" && negated && (modality !== "does" || undertakesNot)) modality = "must-not";
  const main = group.filter((t) => t.pos === "VERB").at(-1) ?? group.at(-1);
  const frame = { actor, modality, negated, condition, hasVerb, defines: DEFINING.has(main?.word ?? "") };
  return { frame, reach };
}
