/**
 * L2-regularised L2-loss (squared hinge) linear SVM solved in the dual by coordinate descent with shrinking
 * (Hsieh et al. 2008, liblinear `-s 1`). Its margins rank differently from logistic regression's, which is
 * what makes the two worth ensembling.
 */
import {
  addRow,
  type BinaryProblem,
  type LinearWeights,
  margin,
  type SolverOptions,
} from "./binary-problem.js";

/** Trains one binary linear SVM; returns feature weights followed by the intercept weight. */
export function trainSvm(problem: BinaryProblem, options: SolverOptions): LinearWeights {
  const { x, y, cost, bias } = problem;
  const w = new Float64Array(x.cols + 1);
  // Only rows with a positive cost take part (a zero cost marks a label the row was not annotated for).
  const active: number[] = [];
  for (let i = 0; i < x.rows; i++) if (cost[i]! > 0) active.push(i);
  const index = Int32Array.from(active);
  const n = index.length;
  const alpha = new Float64Array(x.rows);
  // Squared hinge: the dual has no upper bound and a diagonal shift D_ii = 1 / (2 C_i).
  const diag = Float64Array.from(cost, (c) => (c > 0 ? 0.5 / c : 0));
  const qii = new Float64Array(x.rows);
  for (const i of index) {
    let s = bias * bias + diag[i]!;
    for (let k = x.rowPtr[i]!; k < x.rowPtr[i + 1]!; k++) s += x.values[k]! * x.values[k]!;
    qii[i] = s;
  }
  let activeSize = n;
  let pgMaxOld = Number.POSITIVE_INFINITY;
  let pgMinOld = Number.NEGATIVE_INFINITY;
  for (let iter = 0; iter < options.maxIter; ) {
    let pgMaxNew = Number.NEGATIVE_INFINITY;
    let pgMinNew = Number.POSITIVE_INFINITY;
    for (let s = activeSize - 1; s > 0; s--) {
      const j = Math.floor(options.random() * (s + 1));
      const t = index[s]!;
      index[s] = index[j]!;
      index[j] = t;
    }
    for (let s = 0; s < activeSize; s++) {
      const i = index[s]!;
      const yi = y[i]!;
      const g = yi * margin(problem, w, i) - 1 + diag[i]! * alpha[i]!;
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          // Shrinking: a row at its bound whose gradient points outward is unlikely to move; skip it for now.
          activeSize--;
          index[s] = index[activeSize]!;
          index[activeSize] = i;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else {
        pg = g;
      }
      pgMaxNew = Math.max(pgMaxNew, pg);
      pgMinNew = Math.min(pgMinNew, pg);
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        const next = Math.max(old - g / qii[i]!, 0);
        alpha[i] = next;
        addRow(problem, w, i, (next - old) * yi);
      }
    }
    iter++;
    if (pgMaxNew - pgMinNew <= options.eps) {
      if (activeSize === n) break;
      // Converged on the shrunk set: check once more on every row before stopping.
      activeSize = n;
      pgMaxOld = Number.POSITIVE_INFINITY;
      pgMinOld = Number.NEGATIVE_INFINITY;
      continue;
    }
    pgMaxOld = pgMaxNew <= 0 ? Number.POSITIVE_INFINITY : pgMaxNew;
    pgMinOld = pgMinNew >= 0 ? Number.NEGATIVE_INFINITY : pgMinNew;
  }
  void pgMinOld;
  return w;
}
