/** Choosing the sentence(s) of a provision that carried a decision. */
import { type SentenceSpan, splitSentences } from "./sentences.js";

/** The sentence span (provision-relative) that contains `[start, end)`, widened to whole sentences. */
export function sentencesCovering(
  sentences: readonly SentenceSpan[],
  start: number,
  end: number,
): SentenceSpan {
  const inside = sentences.filter((s) => s.end > start && s.start < end);
  if (inside.length === 0) return { start, end };
  return { start: inside[0]!.start, end: inside.at(-1)!.end };
}

/**
 * The block of consecutive sentences around the highest-scoring one whose scores all reach `threshold`
 * (just the best sentence when none does): the part of the provision the model's decision rests on.
 */
export function bestSentenceBlock(
  sentences: readonly SentenceSpan[],
  scores: readonly number[],
  threshold: number,
): SentenceSpan {
  let best = 0;
  scores.forEach((s, i) => {
    if (s > scores[best]!) best = i;
  });
  let first = best;
  let last = best;
  while (first > 0 && scores[first - 1]! >= threshold) first--;
  while (last + 1 < sentences.length && scores[last + 1]! >= threshold) last++;
  return { start: sentences[first]!.start, end: sentences[last]!.end };
}

/** Sentences of a provision, memoised because several types of one provision need them. */
export class ProvisionSentences {
  private spans: SentenceSpan[] | null = null;
  constructor(private readonly text: string) {}

  get all(): SentenceSpan[] {
    this.spans ??= splitSentences(this.text);
    return this.spans;
  }
}
