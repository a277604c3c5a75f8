/** Explanation texts written for one platform: its name, its sector's nouns and its privacy contact. */
import { loadSectors, type Sector } from "../../knowledge/index.js";
import { PLACEHOLDERS } from "../../knowledge/vocabulary.js";
import type { ExplanationTexts, FilledTexts } from "./explainable.js";

/** What the placeholders are filled with; anything absent is worded generically. */
export interface TemplateFacts {
  /** For `{platform}`; absent: "the platform" (a page about no platform). */
  platformName?: string | undefined;
  /** For `{contact}`: the privacy address found in the document; absent: "<platform>'s privacy contact". */
  contact?: string | null | undefined;
  /** For the sector nouns (`{content}`, `{activity}`…); absent: the knowledge base's default sector. */
  sector?: Sector | undefined;
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** The end of a sentence (or of a label) just before a placeholder, within the three characters before it. */
const SENTENCE_END = /[.!?:]\s+$/;

/**
 * Writes the facts into a text's placeholders. A value that opens a sentence is capitalised ("your school or
 * employer" → "Your school or employer"), except the platform's own name, which is kept as written ("edX").
 */
export function fillTemplate(text: string, facts: TemplateFacts): string {
  // Most texts have no placeholder: nothing to replace, and no expression to run.
  if (!text.includes("{")) return text;
  return fillIn(text, facts, facts.sector ?? loadSectors().fallback);
}

/** {@link fillTemplate} with the sector resolved. */
function fillIn(text: string, facts: TemplateFacts, sector: Sector): string {
  if (!text.includes("{")) return text;
  const nouns: Readonly<Record<string, string>> = sector.nouns;
  return text.replace(PLACEHOLDER, (whole, name: string, offset: number) => {
    const value =
      name === "platform"
        ? (facts.platformName ?? PLACEHOLDERS.platform)
        : name === "contact"
          ? (facts.contact ??
            (facts.platformName ? `${facts.platformName}'s privacy contact` : PLACEHOLDERS.contact))
          : nouns[name];
    // The knowledge base's schema admits only known placeholders; anything else is left for a reader to see.
    if (value === undefined) return whole;
    const opensSentence = offset === 0 || SENTENCE_END.test(text.slice(Math.max(0, offset - 3), offset));
    const keepCase = name === "platform" && facts.platformName !== undefined;
    return opensSentence && !keepCase ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

/**
 * A clause type's explanation texts for one platform: placeholders filled, and only the actions meant for its
 * sector (every action without a sector list, and those whose list names it).
 */
export function explanationTexts(texts: ExplanationTexts, facts: TemplateFacts): FilledTexts {
  const sector = facts.sector ?? loadSectors().fallback;
  const whatYouCanDo: string[] = [];
  for (const action of texts.whatYouCanDo) {
    if (typeof action === "string") whatYouCanDo.push(fillIn(action, facts, sector));
    else if (action.sectors.includes(sector.id)) whatYouCanDo.push(fillIn(action.text, facts, sector));
  }
  return {
    whatItIs: fillIn(texts.whatItIs, facts, sector),
    whyItMatters: fillIn(texts.whyItMatters, facts, sector),
    consumerImpact: fillIn(texts.consumerImpact, facts, sector),
    whatYouCanDo,
  };
}
