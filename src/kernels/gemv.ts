import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';
import { dotRows } from './rowRanges.js';
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
  dotRows(0, n, d, x, v, out);
  return out;
}
