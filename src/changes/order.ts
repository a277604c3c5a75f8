/** Order analysis of matched provisions. */

/**
 * Indices (into `values`) of one longest strictly increasing subsequence, in O(n log n).
 * Matched pairs outside it are the ones whose relative order changed.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  // tails[k]: index of the smallest tail of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) out.push(i);
  return out.reverse();
}
