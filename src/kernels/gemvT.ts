import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';
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
  const d4 = d - (d % 4);
  for (let i = 0; i < n; i++) {
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
  return out;
}
