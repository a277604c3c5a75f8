/**
 * Records a reviewer's verdict on a provision's clause type and applies it at once to every version with that
 * text; turns all verdicts into training labels.
 */
import type { LabelledProvision } from "../analysis/classify/training-data.js";
import type { Polarity, Review, ReviewVerdict } from "../model/index.js";
import { reanalyzeText } from "../pipeline/reanalyze-text.js";
import type { Store } from "../store/index.js";
import { getProvision, type ProvisionDetail } from "../store/queries/index.js";
import { sha256Hex } from "../util/hash.js";
import { correctedTypes } from "./corrected-types.js";
import { InvalidReviewError } from "./errors.js";

/** What a reviewer submits. */
export interface ReviewInput {
  provisionId: number;
  verdict: ReviewVerdict;
  clauseType: string;
  /** The replacing type, for `relabel`. */
  newType?: string | null;
  polarity?: Polarity | null;
  reviewer: string;
  note?: string | null;
}

async function provisionOrThrow(store: Store, id: number): Promise<ProvisionDetail> {
  const provision = await getProvision(store.backend, id);
  if (!provision) throw new InvalidReviewError(`no provision ${id}`);
  return provision;
}

/** A stored review, with the versions it was applied to. */
export interface AppliedReview extends Review {
  /** Ids of the versions re-analysed with it: every version with a provision of the reviewed text. */
  appliedTo: number[];
}

/**
 * Checks and stores a review against the provision's types as already reviewed: confirm, reject and relabel
 * name a type the provision has, add one it has not. Then re-analyses every version with the provision's text
 * (in any document) and recomputes their change records, so the verdict holds everywhere at once.
 * @throws InvalidReviewError naming what is wrong
 */
export async function reviewProvision(
  store: Store,
  input: ReviewInput,
  knownTypes: ReadonlySet<string>,
  now: string = new Date().toISOString(),
): Promise<AppliedReview> {
  const provision = await provisionOrThrow(store, input.provisionId);
  if (!input.reviewer.trim()) throw new InvalidReviewError("a review needs a reviewer name");
  for (const t of [input.clauseType, input.newType].filter((x): x is string => Boolean(x)))
    if (!knownTypes.has(t)) throw new InvalidReviewError(`unknown clause type: ${t}`);
  if ((input.verdict === "relabel") !== Boolean(input.newType))
    throw new InvalidReviewError("relabel, and only relabel, names the new type");
  const textSha256 = sha256Hex(provision.text);
  // The stored types have the reviews applied already; applying them again changes nothing (each verdict sets a
  // type's presence), and it also covers analyses stored before reviews applied to them.
  const current = correctedTypes(
    provision.clauses.map((c) => c.type),
    await store.reviews.forText(textSha256),
  ).map((t) => t.type);
  const has = current.includes(input.clauseType);
  if (input.verdict === "add" && has)
    throw new InvalidReviewError(`provision ${provision.id} already has ${input.clauseType}`);
  if (input.verdict !== "add" && !has)
    throw new InvalidReviewError(
      `provision ${provision.id} has no ${input.clauseType} to ${input.verdict} (it has: ${current.join(", ") || "none"})`,
    );
  const review = await store.reviews.add({
    provisionId: provision.id,
    textSha256,
    clauseType: input.clauseType,
    verdict: input.verdict,
    newType: input.newType ?? null,
    polarity: input.polarity ?? null,
    reviewer: input.reviewer.trim(),
    note: input.note?.trim() || null,
    createdAt: now,
  });
  // Stored first: were the process stopped during the re-analysis, `recompute --all` would apply it again.
  const { versions } = await reanalyzeText(store, provision.text);
  return { ...review, appliedTo: versions };
}

const POLARITY_WEIGHT: Record<Polarity, number> = { neutral: 0, protective: 1, concerning: 2 };

/**
 * One training label per reviewed text, in `labels/*.jsonl` form: the machine's types corrected by every
 * review of that text, and the polarity a reviewer set last (else the strongest of the remaining types').
 */
export async function reviewLabels(store: Store): Promise<LabelledProvision[]> {
  const byText = new Map<string, Review[]>();
  for (const r of await store.reviews.list())
    byText.set(r.textSha256, [...(byText.get(r.textSha256) ?? []), r]);
  const labels: LabelledProvision[] = [];
  for (const reviews of byText.values()) {
    const provision = await provisionOrThrow(store, reviews.at(-1)!.provisionId);
    const types = correctedTypes(
      provision.clauses.map((c) => c.type),
      reviews,
    ).map((t) => t.type);
    const machine = provision.clauses
      .filter((c) => types.includes(c.type))
      .map((c) => c.polarity)
      .reduce<Polarity>((a, b) => (POLARITY_WEIGHT[b] > POLARITY_WEIGHT[a] ? b : a), "neutral");
    labels.push({
      platform: provision.platformName,
      document: provision.termsType,
      versionDate: provision.recordedAt,
      text: provision.text,
      types,
      polarity: reviews.findLast((r) => r.polarity !== null)?.polarity ?? machine,
    });
  }
  return labels;
}
