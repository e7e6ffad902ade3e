import { countPass } from './passCount.js';
import { GRAM_BLOCK_ROWS, kernelsFor } from './wasmKernels.js';

/** Scratch of the JS path of {@link weightedCovariance} for one d: two column blocks. */
export interface CovarianceScratch {
  readonly r: Float64Array;
  readonly cr: Float64Array;
}

export function covarianceScratch(d: number): CovarianceScratch {
  return { r: new Float64Array(d * GRAM_BLOCK_ROWS), cr: new Float64Array(d * GRAM_BLOCK_ROWS) };
}

/**
 * The weighted (co)variance of rows g_i = s_i x_i about a centre mu as a d x d matrix, in one
 * pass over the row-major n x d matrix `x`: out (row-major, symmetric) receives
 * sum_i c_i (g_i - mu)(g_i - mu)^T (mu = null: the uncentred second moment).
 *
 * Hand-written for power iteration at small d (src/eigen/topEigenvector.ts): there each step
 * of the matrix-free iteration is a pass over x of 2 d multiply-adds a row, and a filter round
 * takes 10-30 steps, while this matrix costs d (d + 1) / 2 a row once, after which every step
 * is d^2 work without a pass. Rows are taken in blocks of GRAM_BLOCK_ROWS, centred into two
 * column-major blocks (r = g_i - mu, cr = c_i r), and each entry (j, k >= j) gains the dot
 * product of cr's column j with r's column k over the block: long unit-stride loops, with four
 * partial sums by row mod 4 summed (s0 + s2) + (s1 + s3), then the tail rows. Its WebAssembly
 * SIMD twin (assembly/kernels.ts) keeps that order, so both give the same doubles; it runs on
 * matrices made by allocMatrix with d <= GRAM_MAX_D. `scratch` serves the JS path.
 */
export function weightedCovariance(
  n: number,
  d: number,
  x: Float64Array,
  s: Float64Array,
  c: Float64Array,
  mu: Float64Array | null,
  scratch: CovarianceScratch,
  out: Float64Array,
): void {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b?.gram) {
    b.nVec.set(s.subarray(0, n));
    b.nVec2.set(c.subarray(0, n));
    if (mu) b.dVec.set(mu.subarray(0, d));
    b.k.weightedCovariance(n, d, x.byteOffset, b.nOff, b.nOff2, b.dOff, mu ? 1 : 0, b.gram.rOff, b.gram.crOff, b.gram.outOff);
    out.set(b.gram.out.subarray(0, d * d));
    return;
  }
  const { r, cr } = scratch;
  const B = GRAM_BLOCK_ROWS;
  out.fill(0, 0, d * d);
  for (let i0 = 0; i0 < n; i0 += B) {
    const m = Math.min(n - i0, B);
    for (let k = 0; k < m; k++) {
      const i = i0 + k;
      const si = s[i],
        ci = c[i],
        off = i * d;
      for (let j = 0; j < d; j++) {
        const v = si * x[off + j] - (mu ? mu[j] : 0);
        r[j * B + k] = v;
        cr[j * B + k] = ci * v;
      }
    }
    const m4 = m - (m % 4);
    for (let j = 0; j < d; j++) {
      const a = j * B;
      for (let k = j; k < d; k++) {
        const o = k * B;
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        let q = 0;
        for (; q < m4; q += 4) {
          s0 += cr[a + q] * r[o + q];
          s1 += cr[a + q + 1] * r[o + q + 1];
          s2 += cr[a + q + 2] * r[o + q + 2];
          s3 += cr[a + q + 3] * r[o + q + 3];
        }
        let sum = s0 + s2 + (s1 + s3);
        for (; q < m; q++) sum += cr[a + q] * r[o + q];
        out[j * d + k] += sum;
      }
    }
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) out[j * d + k] = out[k * d + j];
}
