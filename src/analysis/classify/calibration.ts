/** Platt scaling: maps raw margins to probabilities with a one-dimensional logistic fit. */

/** p = σ(a·score + b). */
export interface Platt {
  a: number;
  b: number;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits Platt scaling on held-out scores with Platt's smoothed targets (Lin, Lin & Weng 2007), so a label seen
 * few times does not get probabilities of exactly 0 or 1.
 */
export function fitPlatt(scores: ArrayLike<number>, truth: ArrayLike<boolean>): Platt {
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) if (truth[i]) pos++;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return { a: 1, b: 0 };
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  let a = 0;
  let b = Math.log((pos + 1) / (neg + 1));
  const objective = (aa: number, bb: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = aa * scores[i]! + bb;
      const t = truth[i] ? hi : lo;
      // −[t log σ(z) + (1−t) log(1−σ(z))], written to stay finite for large |z|.
      f +=
        z >= 0
          ? t * Math.log1p(Math.exp(-z)) + (1 - t) * (z + Math.log1p(Math.exp(-z)))
          : t * (-z + Math.log1p(Math.exp(z))) + (1 - t) * Math.log1p(Math.exp(z));
    }
    return f;
  };
  let f = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let g1 = 0;
    let g2 = 0;
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(a * scores[i]! + b);
      const t = truth[i] ? hi : lo;
      const d = p - t;
      const w = p * (1 - p);
      g1 += scores[i]! * d;
      g2 += d;
      h11 += scores[i]! * scores[i]! * w;
      h22 += w;
      h21 += scores[i]! * w;
    }
    if (Math.abs(g1) < 1e-6 && Math.abs(g2) < 1e-6) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    let step = 1;
    while (step > 1e-10) {
      const fa = objective(a + step * da, b + step * db);
      if (fa < f + 1e-4 * step * (g1 * da + g2 * db)) {
        a += step * da;
        b += step * db;
        f = fa;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { a, b };
}
