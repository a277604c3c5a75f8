/**
 * Sentence tokens with their part of speech, from wink-nlp and its English model. Chosen over compromise, which
 * was measured here seven times slower on the same sentences (Spotify's privacy policy: 2.1 s against 0.3 s) for
 * the same sentence split; wink's shipped negation flag is not used (it misses "you may not use").
 */
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

/** One token of a sentence: its lower-cased text, its universal part-of-speech tag ("VERB", "AUX"…), its case. */
export interface TaggedToken {
  word: string;
  pos: string;
  /** The token starts with a capital letter in the text. */
  capitalised: boolean;
}

type Wink = ReturnType<typeof winkNLP>;

/**
 * Only parts of speech: the text tagged is one sentence already, and sentence boundaries, entities, negation and
 * sentiment would cost time unused.
 */
let wink: Wink | null = null;

/** The tagger, loaded on first use and kept for the process (loading the model takes a few hundred ms). */
function tagger(): Wink {
  wink ??= winkNLP(model, ["pos"]);
  return wink;
}

/**
 * Characters tagged at most: the subject, verb group and a leading clause sit well within them, and the cost of
 * tagging grows with the length (long legal sentences run to thousands of characters).
 */
const TAGGED_CHARS = 320;

/**
 * The tokens of `text` (its first {@link TAGGED_CHARS} characters, or its first `window` when given) with their
 * part of speech, in order. Whether capitals are lowered is decided on the first {@link TAGGED_CHARS} whatever the
 * window, so a window reads the same words as the whole would.
 */
export function tagTokens(whole: string, window = TAGGED_CHARS): TaggedToken[] {
  const nlp = tagger();
  const full = cutAt(whole, TAGGED_CHARS);
  const text = window < TAGGED_CHARS ? cutAt(full, window) : full;
  // Capitals everywhere (disclaimers, liability clauses) read as proper nouns to the tagger: lower them first.
  const tokens = nlp.readDoc(shouting(full) ? text.toLowerCase() : text).tokens();
  const words = tokens.out(nlp.its.normal);
  const tags = tokens.out(nlp.its.pos);
  const values = tokens.out(nlp.its.value);
  return words.map((word, i) => ({
    word,
    pos: tags[i] ?? "X",
    capitalised: /^\p{Lu}/u.test(values[i] ?? ""),
  }));
}

/** `text` up to its last space before `chars` characters, or whole when it is not longer (or has no such space). */
function cutAt(text: string, chars: number): string {
  const cut = text.length > chars ? text.lastIndexOf(" ", chars) : -1;
  return cut > 0 ? text.slice(0, cut) : text;
}

/** Whether most letters of `text` are capitals. */
function shouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper > 1.5 * lower;
}
