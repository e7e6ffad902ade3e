import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';
import { addScaledRows } from './rowRanges.js';
/**
 * out = sum_i u[i] * x_i (that is, X^T u) for a row-major n x d matrix `x`; `out` (length d)
 * is overwritten. Rows with u[i] = 0 are skipped, which filters exploit (zero weights).
 * A matrix made by allocMatrix runs the WebAssembly SIMD twin (same operation order, so
 * bit-identical results).
 */
export function gemvT(n: number, d: number, x: Float64Array, u: Float64Array, out: Float64Array): Float64Array {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.nVec.set(u.subarray(0, n));
    b.k.gemvT(n, d, x.byteOffset, b.nOff, b.dOff);
    out.set(b.dVec.subarray(0, d));
    return out;
  }
  out.fill(0);
  addScaledRows(0, n, d, x, u, out);
  return out;
}
