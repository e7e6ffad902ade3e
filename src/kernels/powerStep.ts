import { countPass } from './passCount.js';
import { kernelsFor } from './wasmKernels.js';

/**
 * One power-iteration step of the weighted covariance of rows g_i = s_i x_i about a centre
 * (mv = <mu, v>), in one pass over the row-major n x d matrix `x`: per row p = <x_i, v>,
 * a = s_i p - mv, u = (c_i s_i) a; `out` (length d) receives sum_i u x_i, and the return value
 * is sum_i c_i a. It is gemv, an O(n) loop and gemvT fused, so each row is read once while in
 * cache: half the memory traffic of the two kernels, with the same operations in the same
 * order (the results are bit-identical to them). Hand-written for that reason, with a
 * WebAssembly SIMD twin (assembly/kernels.ts) for matrices made by allocMatrix.
 */
export function powerStep(
  n: number,
  d: number,
  x: Float64Array,
  v: Float64Array,
  s: Float64Array,
  c: Float64Array,
  mv: number,
  out: Float64Array,
): number {
  countPass();
  const b = kernelsFor(n, d, x);
  if (b) {
    b.dVec.set(v.subarray(0, d));
    b.nVec.set(s.subarray(0, n));
    b.nVec2.set(c.subarray(0, n));
    const ca = b.k.powerStep(n, d, x.byteOffset, b.dOff, b.nOff, b.nOff2, mv, b.dOff2);
    out.set(b.dVec2.subarray(0, d));
    return ca;
  }
  out.fill(0);
  const d4 = d - (d % 4);
  let ca = 0;
  // gemv's row loop, then gemvT's, written out: called as shared functions, this JS path read
  // 4.7 GB/s against 5.7 inline (n = 200000, d = 50), and gemvT's 9.1 against 10.4. The SIMD
  // twins share theirs (assembly/kernels.ts: rowDot, addScaledRow), inlined at compile time.
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
    const a = s[i] * (s0 + s1 + s2 + s3) - mv;
    const u = c[i] * s[i] * a;
    ca += c[i] * a;
    if (u === 0) continue;
    for (j = 0; j < d4; j += 4) {
      out[j] += u * x[off + j];
      out[j + 1] += u * x[off + j + 1];
      out[j + 2] += u * x[off + j + 2];
      out[j + 3] += u * x[off + j + 3];
    }
    for (; j < d; j++) out[j] += u * x[off + j];
  }
  return ca;
}

/** One power step with its row scales and weights already bound: (v, mv, out) -> sum_i c_i a. */
export type BoundPowerStep = (v: Float64Array, mv: number, out: Float64Array) => number;

/**
 * {@link powerStep} with `s` and `c` fixed for a run of steps (power iteration on one weighted
 * covariance): on the SIMD path they are copied into the kernel memory once, not at every step,
 * so a step copies only its d-vectors. At small d those two n-vector copies were as much memory
 * traffic as the pass itself (d = 5: 2 of every 7 doubles moved). The same kernel on the same
 * numbers: bit-identical to calling powerStep at each step. Valid until another kernel runs on
 * `x`'s memory (its scratch holds s and c), so the steps of one run must not be interleaved
 * with other kernels on the same matrix.
 */
export function boundPowerStep(n: number, d: number, x: Float64Array, s: Float64Array, c: Float64Array): BoundPowerStep {
  const b = kernelsFor(n, d, x);
  if (!b) return (v, mv, out) => powerStep(n, d, x, v, s, c, mv, out);
  b.nVec.set(s.subarray(0, n));
  b.nVec2.set(c.subarray(0, n));
  return (v, mv, out) => {
    countPass();
    b.dVec.set(v.subarray(0, d));
    const ca = b.k.powerStep(n, d, x.byteOffset, b.dOff, b.nOff, b.nOff2, mv, b.dOff2);
    out.set(b.dVec2.subarray(0, d));
    return ca;
  };
}
