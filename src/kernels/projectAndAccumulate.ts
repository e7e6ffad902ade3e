import { countPass } from './passCount.js';
import { addScaledRows, dotRows } from './rowRanges.js';
import { kernelsFor } from './wasmKernels.js';

/** Fills coef[i] for i0 <= i < i1 from proj[i] = <x_i, v> (and whatever else it closes over). */
export type RowWeigher = (i0: number, i1: number, proj: Float64Array, coef: Float64Array) => void;

/** Bytes of X per block: small enough to stay in a core's L2 cache (512 KB here) between the
 *  block's gemv and its gemvT, so X is streamed from memory once. */
const BLOCK_BYTES = 1 << 17;

/**
 * proj = X v, then coef = weigh(proj), then out = X^T coef, in one pass over the row-major
 * n x d matrix `x`: the rows are taken in blocks, and each block's gemv, weighing and gemvT
 * run while the block is in cache. It is the gradient of a loss of the projections at v (the
 * loss and the per-row factor from one evaluation of the link, in `weigh`) for the cost of
 * one pass instead of two. The results equal gemv, the weighing over all rows in order, then
 * gemvT, bit for bit (gemvT sums row after row, so blocks change nothing), on both paths.
 * `coef` (length n) receives the coefficients; `out` (length d) is overwritten.
 */
export function projectAndAccumulate(
  n: number,
  d: number,
  x: Float64Array,
  v: Float64Array,
  proj: Float64Array,
  weigh: RowWeigher,
  coef: Float64Array,
  out: Float64Array,
): Float64Array {
  countPass();
  const rows = Math.max(1, Math.floor(BLOCK_BYTES / (8 * d)));
  const b = kernelsFor(n, d, x);
  if (b) {
    b.dVec.set(v.subarray(0, d));
    b.dVec2.fill(0, 0, d);
    const rowBytes = 8 * d;
    for (let i0 = 0; i0 < n; i0 += rows) {
      const i1 = Math.min(n, i0 + rows);
      const at = x.byteOffset + i0 * rowBytes;
      b.k.gemv(i1 - i0, d, at, b.dOff, b.nOff + 8 * i0);
      weigh(i0, i1, b.nVec, b.nVec2);
      b.k.gemvTAccumulate(i1 - i0, d, at, b.nOff2 + 8 * i0, b.dOff2);
    }
    proj.set(b.nVec.subarray(0, n));
    coef.set(b.nVec2.subarray(0, n));
    out.set(b.dVec2.subarray(0, d));
    return out;
  }
  out.fill(0);
  for (let i0 = 0; i0 < n; i0 += rows) {
    const i1 = Math.min(n, i0 + rows);
    dotRows(i0, i1, d, x, v, proj);
    weigh(i0, i1, proj, coef);
    addScaledRows(i0, i1, d, x, coef, out);
  }
  return out;
}
