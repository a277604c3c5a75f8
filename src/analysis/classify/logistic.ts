/**
 * L2-regularised logistic regression solved in the dual by coordinate descent (Yu, Huang & Lin 2011, the
 * liblinear `-s 7` solver). Chosen over SGD because it needs no learning rate and converges in a few dozen
 * passes over sparse TF-IDF rows, deterministically for a given seed.
 */
import {
  addRow,
  type BinaryProblem,
  type LinearWeights,
  margin,
  permutation,
  rowSquaredNorms,
  type SolverOptions,
} from "./binary-problem.js";

const MAX_INNER = 100;

/** Trains one binary logistic regression; returns feature weights followed by the intercept weight. */
export function trainLogistic(problem: BinaryProblem, options: SolverOptions): LinearWeights {
  const { x, y, cost } = problem;
  const n = x.rows;
  const w = new Float64Array(x.cols + 1);
  // alpha[2i] is the dual variable of row i, alpha[2i+1] = C_i − alpha[2i]; both stay strictly inside (0, C_i).
  const alpha = new Float64Array(2 * n);
  const sq = rowSquaredNorms(problem);
  for (let i = 0; i < n; i++) {
    alpha[2 * i] = Math.min(0.001 * cost[i]!, 1e-8);
    alpha[2 * i + 1] = cost[i]! - alpha[2 * i]!;
    addRow(problem, w, i, y[i]! * alpha[2 * i]!);
  }
  let innerEps = 1e-2;
  const innerEpsMin = Math.min(1e-8, options.eps);
  const order = new Int32Array(n);
  for (let iter = 0; iter < options.maxIter; iter++) {
    permutation(n, options.random, order);
    let newtonIters = 0;
    let gMax = 0;
    for (let s = 0; s < n; s++) {
      const i = order[s]!;
      const c = cost[i]!;
      if (c <= 0) continue;
      const yi = y[i]!;
      const a = sq[i]!;
      const b = yi * margin(problem, w, i);
      let ind1 = 2 * i;
      let ind2 = 2 * i + 1;
      let sign = 1;
      if (0.5 * a * (alpha[ind2]! - alpha[ind1]!) + b < 0) {
        ind1 = 2 * i + 1;
        ind2 = 2 * i;
        sign = -1;
      }
      const old = alpha[ind1]!;
      let z = old;
      if (c - z < 0.5 * c) z *= 0.1;
      let gp = a * (z - old) + sign * b + Math.log(z / (c - z));
      gMax = Math.max(gMax, Math.abs(gp));
      let inner = 0;
      while (inner <= MAX_INNER) {
        if (Math.abs(gp) < innerEps) break;
        const gpp = a + c / (c - z) / z;
        const next = z - gp / gpp;
        z = next <= 0 ? z * 0.1 : next;
        gp = a * (z - old) + sign * b + Math.log(z / (c - z));
        newtonIters++;
        inner++;
      }
      if (inner > 0) {
        alpha[ind1] = z;
        alpha[ind2] = c - z;
        addRow(problem, w, i, sign * (z - old) * yi);
      }
    }
    if (gMax < options.eps) break;
    if (newtonIters <= n / 10) innerEps = Math.max(innerEpsMin, 0.1 * innerEps);
  }
  return w;
}
