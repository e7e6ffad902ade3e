import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';
/**
 * out[i] = <x_i, v> for the n rows of a row-major n x d matrix `x`.
 * Hand-written: this and `gemvT` are the O(nd) passes every estimator is made of (no BLAS is
 * reachable from Node). A matrix made by allocMatrix runs the WebAssembly SIMD twin
 * (assembly/kernels.ts), bit-identical to the JS loop below: four partial sums per row
 * (columns j mod 4), tail columns into the first, summed ((s0 + s1) + s2) + s3.
 */
export function gemv(n: number, d: number, x: Float64Array, v: Float64Array, out: Float64Array): Float64Array {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.dVec.set(v.subarray(0, d));
    b.k.gemv(n, d, x.byteOffset, b.dOff, b.nOff);
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
      s0 += x[off + j] * v[j];
      s1 += x[off + j + 1] * v[j + 1];
      s2 += x[off + j + 2] * v[j + 2];
      s3 += x[off + j + 3] * v[j + 3];
    }
    for (; j < d; j++) s0 += x[off + j] * v[j];
    out[i] = s0 + s1 + s2 + s3;
  }
  return out;
}
