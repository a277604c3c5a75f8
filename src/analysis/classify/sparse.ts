/** Sparse vectors and row-compressed matrices: the representation every linear model here works on. */

/** A sparse vector: strictly increasing `indices` and their `values`. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Arrays reused for one sparse vector at a time, for callers that build and drop a vector per text (classification
 * reads every provision once): a typed array allocated per text costs more than filling it.
 */
export class SparseBuffer {
  private indices = new Int32Array(64);
  private values = new Float64Array(64);

  /** A vector of `n` entries viewing the buffer, its contents undefined; a vector viewed before is overwritten. */
  view(n: number): SparseVector {
    if (n > this.indices.length) {
      const size = Math.max(n, 2 * this.indices.length);
      this.indices = new Int32Array(size);
      this.values = new Float64Array(size);
    }
    return { indices: this.indices.subarray(0, n), values: this.values.subarray(0, n) };
  }
}

/** Replaces each feature of `features` by its position in `indices` (strictly increasing, holding every one). */
export function toPositions(indices: Int32Array, features: Int32Array): void {
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    let lo = 0;
    let hi = indices.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (indices[mid]! < f) lo = mid + 1;
      else hi = mid;
    }
    features[k] = lo;
  }
}

/** Rows of sparse vectors packed into three flat arrays (CSR), which keeps the solvers' inner loops tight. */
export interface SparseMatrix {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

/** Builds a sparse vector from an index → value map, sorting the indices. */
export function sparseFromMap(entries: Map<number, number>): SparseVector {
  const indices = Int32Array.from(entries.keys()).sort();
  const values = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) values[k] = entries.get(indices[k]!) ?? 0;
  return { indices, values };
}

/** Dot product of a sparse vector with a dense weight array. */
export function dotDense(vector: SparseVector, weights: ArrayLike<number>): number {
  let sum = 0;
  const { indices, values } = vector;
  for (let k = 0; k < indices.length; k++) sum += values[k]! * weights[indices[k]!]!;
  return sum;
}

/** Packs vectors into a CSR matrix with `cols` columns. */
export function toMatrix(vectors: readonly SparseVector[], cols: number): SparseMatrix {
  let nnz = 0;
  for (const v of vectors) nnz += v.indices.length;
  const rowPtr = new Int32Array(vectors.length + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  vectors.forEach((v, r) => {
    colIdx.set(v.indices, at);
    values.set(v.values, at);
    at += v.indices.length;
    rowPtr[r + 1] = at;
  });
  return { rows: vectors.length, cols, rowPtr, colIdx, values };
}

/** The rows `picked` of a matrix, in that order. */
export function selectRows(matrix: SparseMatrix, picked: ArrayLike<number>): SparseMatrix {
  let nnz = 0;
  for (let k = 0; k < picked.length; k++) {
    const r = picked[k]!;
    nnz += matrix.rowPtr[r + 1]! - matrix.rowPtr[r]!;
  }
  const rowPtr = new Int32Array(picked.length + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  for (let k = 0; k < picked.length; k++) {
    const r = picked[k]!;
    const from = matrix.rowPtr[r]!;
    const to = matrix.rowPtr[r + 1]!;
    colIdx.set(matrix.colIdx.subarray(from, to), at);
    values.set(matrix.values.subarray(from, to), at);
    at += to - from;
    rowPtr[k + 1] = at;
  }
  return { rows: picked.length, cols: matrix.cols, rowPtr, colIdx, values };
}

/** Row `r` of a matrix dotted with dense weights. */
export function rowDot(matrix: SparseMatrix, r: number, weights: ArrayLike<number>): number {
  let sum = 0;
  const end = matrix.rowPtr[r + 1]!;
  for (let k = matrix.rowPtr[r]!; k < end; k++) sum += matrix.values[k]! * weights[matrix.colIdx[k]!]!;
  return sum;
}
