/** Lightweight language identification by stop-word profiles (no model, no download). */
import { STOP_WORDS } from "./stop-words.js";

/** Result of {@link detectLanguage}. */
export interface LanguageGuess {
  /** ISO 639-1 code of the best profile ("en", "fr", "de", "es", "it", "pt", "nl"), or "und" when undecided. */
  language: string;
  /** 0–1: how far ahead the best profile is, damped when there are few stop words to go on. */
  confidence: number;
  /** `language === "en"`: classification is English-only, and callers say so instead of inventing clauses. */
  isEnglish: boolean;
}

/** Supported languages, in profile order. */
export const LANGUAGES = Object.keys(STOP_WORDS);

/** Word → weight per language: 1 / number of languages that share the word. */
const WEIGHTS = new Map<string, Map<string, number>>();
for (const [language, words] of Object.entries(STOP_WORDS)) {
  for (const word of new Set(words.split(" "))) {
    const entry = WEIGHTS.get(word) ?? new Map<string, number>();
    entry.set(language, 1);
    WEIGHTS.set(word, entry);
  }
}
for (const entry of WEIGHTS.values())
  for (const language of entry.keys()) entry.set(language, 1 / entry.size);

/** Characters read: the opening and the middle of long documents say enough, and cost stays bounded. */
const SAMPLE_CHARS = 20_000;
/** Stop words needed before the guess is trusted fully. */
const FULL_EVIDENCE = 20;
/** Below this much evidence there is no guess at all. */
const MIN_EVIDENCE = 2;

const MARKUP = /\]\([^)]*\)|https?:\/\/\S+|<[^>]*>|[\w.+-]+@[\w.-]+/g;
const WORD = /\p{L}+/gu;

function sample(text: string): string {
  if (text.length <= 2 * SAMPLE_CHARS) return text;
  const middle = Math.floor(text.length / 2);
  return `${text.slice(0, SAMPLE_CHARS)}\n${text.slice(middle, middle + SAMPLE_CHARS)}`;
}

/**
 * Guesses the language of a text among en, fr, de, es, it, pt and nl from the weighted share of each
 * language's stop words. Long texts are sampled (opening and middle). Texts with almost no stop words
 * (headings, names, numbers) come back as "und" with confidence 0.
 */
export function detectLanguage(text: string): LanguageGuess {
  const scores = new Map<string, number>(LANGUAGES.map((language) => [language, 0]));
  let hits = 0;
  for (const m of sample(text).replace(MARKUP, " ").matchAll(WORD)) {
    const entry = WEIGHTS.get(m[0].toLowerCase());
    if (!entry) continue;
    hits += 1;
    for (const [language, weight] of entry) scores.set(language, scores.get(language)! + weight);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [bestLanguage, best] = ranked[0]!;
  const second = ranked[1]?.[1] ?? 0;
  if (hits < MIN_EVIDENCE || best === 0) return { language: "und", confidence: 0, isEnglish: false };
  const margin = (best - second) / best;
  const evidence = Math.min(1, hits / FULL_EVIDENCE);
  const confidence = Math.round(margin * evidence * 100) / 100;
  return { language: bestLanguage, confidence, isEnglish: bestLanguage === "en" };
}
