/**
 * The JS row loops of gemv and gemvT over a range of rows [i0, i1) of a row-major matrix with
 * d columns: the operation order every kernel and its WebAssembly twin keep (four partial sums
 * per row, columns j mod 4, tail columns into the first, summed ((s0 + s1) + s2) + s3; X^T u
 * accumulated row after row, rows with u[i] = 0 skipped). A range lets a pass be cut into
 * blocks that stay in cache between a gemv and a gemvT (projectAndAccumulate) and still sum in
 * the whole-matrix order. Hand-written: these are the O(n d) loops themselves.
 */

/** out[i] = <x_i, v> for i0 <= i < i1. */
export function dotRows(i0: number, i1: number, d: number, x: Float64Array, v: Float64Array, out: Float64Array): void {
  const d4 = d - (d % 4);
  for (let i = i0; i < i1; i++) {
    const off = i * d;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j < d4; j += 4) {
      s0 += x[off + j] * v[j];
      s1 += x[off + j + 1] * v[j + 1];
      s2 += x[off + j + 2] * v[j + 2];
      s3 += x[off + j + 3] * v[j + 3];
    }
    for (; j < d; j++) s0 += x[off + j] * v[j];
    out[i] = s0 + s1 + s2 + s3;
  }
}

/** out += sum_{i0 <= i < i1} u[i] x_i (out is not zeroed; rows with u[i] = 0 skipped). */
export function addScaledRows(i0: number, i1: number, d: number, x: Float64Array, u: Float64Array, out: Float64Array): void {
  const d4 = d - (d % 4);
  for (let i = i0; i < i1; i++) {
    const a = u[i];
    if (a === 0) continue;
    const off = i * d;
    let j = 0;
    for (; j < d4; j += 4) {
      out[j] += a * x[off + j];
      out[j + 1] += a * x[off + j + 1];
      out[j + 2] += a * x[off + j + 2];
      out[j + 3] += a * x[off + j + 3];
    }
    for (; j < d; j++) out[j] += a * x[off + j];
  }
}
