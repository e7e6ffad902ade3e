import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';
/**
 * |x_i|^2 for the n rows of a row-major n x d matrix (one O(n d) pass). Callers that filter the
 * same x many times (gradient descent, the spectral initialization) compute it once and pass
 * it down, instead of paying the pass at every call. Summed like gemv (four partial sums per
 * row): one sequential sum is bound by the latency of an addition, at half the bandwidth.
 * A matrix made by allocMatrix runs the WebAssembly SIMD twin (bit-identical).
 */
export function rowSquaredNorms(n: number, d: number, x: Float64Array, out: Float64Array = new Float64Array(n)): Float64Array {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.k.rowSquaredNorms(n, d, x.byteOffset, b.nOff);
    out.set(b.nVec.subarray(0, n));
    return out;
  }
  const d4 = d - (d % 4);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    let j = 0;
    for (; j < d4; j += 4) {
      const a0 = x[off + j],
        a1 = x[off + j + 1],
        a2 = x[off + j + 2],
        a3 = x[off + j + 3];
      s0 += a0 * a0;
      s1 += a1 * a1;
      s2 += a2 * a2;
      s3 += a3 * a3;
    }
    for (; j < d; j++) s0 += x[off + j] * x[off + j];
    out[i] = s0 + s1 + s2 + s3;
  }
  return out;
}
