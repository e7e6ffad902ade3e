/**
 * |x_i|^2 for the n rows of a row-major n x d matrix (one O(n d) pass). Callers that filter the
 * same x many times (gradient descent, the spectral initialization) compute it once and pass
 * it down, instead of paying the pass at every call.
 */
export function rowSquaredNorms(n: number, d: number, x: Float64Array, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) {
    let t = 0;
    const off = i * d;
    for (let j = 0; j < d; j++) t += x[off + j] * x[off + j];
    out[i] = t;
  }
  return out;
}
