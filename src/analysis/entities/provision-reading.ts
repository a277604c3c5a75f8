/**
 * A provision's text as entity extraction and explanations read it: plain text, sentences, and what its sentences
 * name. Explanations of a document follow its entity extraction and read the same provisions, so readings are
 * remembered by provision text (one lookup per provision) and each fact is computed once, on first need.
 */
import { memoize } from "../../util/memo.js";
import { plainText } from "../segment/index.js";
import { findDataCategories } from "./data-categories.js";
import { findTransferPlaces, isTransferFrame } from "./places.js";
import { findRetentionPeriods } from "./retention.js";
import { sentences } from "./sentences.js";
import { findThirdParties } from "./third-parties.js";

/** What one provision's text says, read once. Values returned are shared: callers must not mutate them. */
export class ProvisionReading {
  readonly plain: string;
  readonly sentences: readonly string[];
  private categories: readonly string[] | null = null;
  private periods: readonly string[] | null = null;
  private parties: readonly string[] | null = null;
  /** Transfer places when the frame is not, and is, about transfers. */
  private readonly places: [readonly string[] | null, readonly string[] | null] = [null, null];

  constructor(markdown: string) {
    this.plain = plainText(markdown);
    this.sentences = sentences(this.plain);
  }

  /** `findDataCategories` of the sentences. */
  dataCategories(): readonly string[] {
    this.categories ??= findDataCategories(this.sentences);
    return this.categories;
  }

  /**
   * `findThirdParties` of the sentences joined by line breaks, as the document's are: a document's third parties
   * are its provisions' merged, and an explanation reads the same list. (No name holds a sentence break, so this
   * is also `findThirdParties` of the plain text.)
   */
  thirdParties(): readonly string[] {
    this.parties ??= findThirdParties(this.sentences.join("\n"));
    return this.parties;
  }

  /** `findRetentionPeriods` of the sentences. */
  retentionPeriods(): readonly string[] {
    this.periods ??= findRetentionPeriods(this.sentences);
    return this.periods;
  }

  /** `findTransferPlaces` of the sentences under `frame` (which only matters by whether it is about transfers). */
  transferPlaces(frame: string): readonly string[] {
    const k = isTransferFrame(frame) ? 1 : 0;
    this.places[k] ??= findTransferPlaces(this.sentences, frame);
    return this.places[k]!;
  }
}

/** The reading of a provision's Markdown, remembered for the last few thousand provisions. */
export const readProvision: (markdown: string) => ProvisionReading = memoize(
  (markdown) => new ProvisionReading(markdown),
  8192,
);

/**
 * The distinct items of `lists`, in order of first appearance, items being the same when `id` says so: merging
 * each provision's findings in document order gives the document's.
 */
export function mergeInOrder(
  lists: Iterable<readonly string[]>,
  id: (item: string) => string = (item) => item,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const item of list) {
      const key = id(item);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}
