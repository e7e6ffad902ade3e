import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';

/**
 * Two X^T products in one pass over the row-major n x d matrix `x`: out1 = X^T u1 and
 * out2 = X^T u2 (each of length d, overwritten; rows whose weight is 0 are skipped for that
 * product). Each row is read once while in cache, and each sum keeps gemvT's operation order,
 * so the results equal two gemvT calls bit for bit (the filter's first mean and its pruning
 * centre share a pass this way). Hand-written like gemvT, with a WebAssembly SIMD twin
 * (assembly/kernels.ts) for matrices made by allocMatrix.
 */
export function gemvTPair(
  n: number,
  d: number,
  x: Float64Array,
  u1: Float64Array,
  u2: Float64Array,
  out1: Float64Array,
  out2: Float64Array,
): void {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.nVec.set(u1.subarray(0, n));
    b.nVec2.set(u2.subarray(0, n));
    b.k.gemvTPair(n, d, x.byteOffset, b.nOff, b.nOff2, b.dOff, b.dOff2);
    out1.set(b.dVec.subarray(0, d));
    out2.set(b.dVec2.subarray(0, d));
    return;
  }
  out1.fill(0);
  out2.fill(0);
  const d4 = d - (d % 4);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    const a1 = u1[i];
    const a2 = u2[i];
    // gemvT's row update, once per product, written out (see powerStep.ts on why not shared)
    if (a1 !== 0) {
      let j = 0;
      for (; j < d4; j += 4) {
        out1[j] += a1 * x[off + j];
        out1[j + 1] += a1 * x[off + j + 1];
        out1[j + 2] += a1 * x[off + j + 2];
        out1[j + 3] += a1 * x[off + j + 3];
      }
      for (; j < d; j++) out1[j] += a1 * x[off + j];
    }
    if (a2 !== 0) {
      let j = 0;
      for (; j < d4; j += 4) {
        out2[j] += a2 * x[off + j];
        out2[j + 1] += a2 * x[off + j + 1];
        out2[j + 2] += a2 * x[off + j + 2];
        out2[j + 3] += a2 * x[off + j + 3];
      }
      for (; j < d; j++) out2[j] += a2 * x[off + j];
    }
  }
}
