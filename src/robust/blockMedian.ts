import { medianInPlace } from '../kernels/select.js';

/**
 * One-dimensional median of means over `values[0..n)`: k contiguous blocks, the median of
 * their means. With k >= 2m + 1 blocks, m corrupted values spoil fewer than half of them, so
 * the estimate is within O(sd * sqrt(k/n)) of the inlier mean for any finite-variance law;
 * that makes it the filter's distribution-free reference. `scratch` needs length >= k.
 * `order` (optional) lists the rows in the order blocks are cut (see contentOrder.ts).
 */
export function blockMedian(values: Float64Array, n: number, k: number, scratch: Float64Array, order?: Int32Array): number {
  const blocks = Math.max(1, Math.min(k, n));
  for (let b = 0; b < blocks; b++) {
    const from = Math.floor((b * n) / blocks);
    const to = Math.floor(((b + 1) * n) / blocks);
    let s = 0;
    if (order) for (let i = from; i < to; i++) s += values[order[i]];
    else for (let i = from; i < to; i++) s += values[i];
    scratch[b] = s / (to - from);
  }
  return medianInPlace(scratch, 0, blocks);
}
