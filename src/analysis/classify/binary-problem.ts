/** The input every binary linear solver takes, and what it returns. */
import type { Random } from "./random.js";
import type { SparseMatrix } from "./sparse.js";

/** One binary problem: rows of `x` with labels ±1 and a per-row cost (C times the class weight). */
export interface BinaryProblem {
  x: SparseMatrix;
  /** +1 or −1 per row. */
  y: Int8Array;
  /** Upper bound of each row's dual variable: C × class weight. */
  cost: Float64Array;
  /** Value of the constant feature appended to every row (liblinear's `-B`); 0 disables the intercept. */
  bias: number;
}

/** Stopping rule and randomness of a dual coordinate-descent solver. */
export interface SolverOptions {
  /** Stop when the largest projected gradient falls below this. */
  eps: number;
  maxIter: number;
  random: Random;
}

/** Weights: `cols` feature weights then the intercept weight (multiplied by `bias` when scoring). */
export type LinearWeights = Float64Array;

/** Squared norms of the rows, bias included: the diagonal of X·Xᵀ that both solvers need. */
export function rowSquaredNorms(problem: BinaryProblem): Float64Array {
  const { x, bias } = problem;
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    let s = bias * bias;
    for (let k = x.rowPtr[r]!; k < x.rowPtr[r + 1]!; k++) s += x.values[k]! * x.values[k]!;
    out[r] = s;
  }
  return out;
}

/** w·x_r including the intercept. */
export function margin(problem: BinaryProblem, w: LinearWeights, r: number): number {
  const { x, bias } = problem;
  let s = w[x.cols]! * bias;
  for (let k = x.rowPtr[r]!; k < x.rowPtr[r + 1]!; k++) s += x.values[k]! * w[x.colIdx[k]!]!;
  return s;
}

/** w += step · x_r (intercept included). */
export function addRow(problem: BinaryProblem, w: LinearWeights, r: number, step: number): void {
  const { x, bias } = problem;
  w[x.cols] = w[x.cols]! + step * bias;
  for (let k = x.rowPtr[r]!; k < x.rowPtr[r + 1]!; k++) {
    const c = x.colIdx[k]!;
    w[c] = w[c]! + step * x.values[k]!;
  }
}

/** A random visiting order of the rows, fresh for every epoch. */
export function permutation(n: number, random: Random, into?: Int32Array): Int32Array {
  const order = into ?? new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
