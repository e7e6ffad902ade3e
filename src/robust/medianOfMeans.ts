import type { ScaledRows, MeanOptions } from './rows.js';
import { checkEps } from '../model/inputChecks.js';
import { contentOrder } from './contentOrder.js';

/** Weiszfeld iterations for the geometric median of the block means. */
const WEISZFELD_ITERATIONS = 100;

/**
 * Median of means (Minsker's geometric-median variant): split the rows, in order, into
 * k = 2*floor(eps*n) + 1 blocks (so corrupted rows can spoil fewer than half of them),
 * average each block, and return the geometric median of the block means (Weiszfeld).
 * With eps = 0 this is the plain mean. Blocks are cut in the rows' content order
 * (contentOrder.ts), so the estimate does not depend on how the sample is permuted.
 */
export function medianOfMeans(rows: ScaledRows, options: MeanOptions): Float64Array {
  checkEps(options.eps);
  const { n, d, x, scale } = rows;
  const k = Math.max(1, Math.min(Math.floor(n / 2), 2 * Math.floor(options.eps * n) + 1));
  const means = new Float64Array(k * d);
  const order = contentOrder(n, d, x);
  for (let b = 0; b < k; b++) {
    const from = Math.floor((b * n) / k);
    const to = Math.floor(((b + 1) * n) / k);
    const off = b * d;
    for (let r = from; r < to; r++) {
      const i = order[r];
      const s = scale ? scale[i] : 1;
      const row = i * d;
      for (let j = 0; j < d; j++) means[off + j] += s * x[row + j];
    }
    for (let j = 0; j < d; j++) means[off + j] /= to - from;
  }
  // Weiszfeld from the coordinate mean of the block means.
  const m = new Float64Array(d);
  for (let b = 0; b < k; b++) for (let j = 0; j < d; j++) m[j] += means[b * d + j] / k;
  if (k === 1) return m;
  const next = new Float64Array(d);
  for (let it = 0; it < WEISZFELD_ITERATIONS; it++) {
    next.fill(0);
    let wsum = 0;
    for (let b = 0; b < k; b++) {
      let dist2 = 0;
      for (let j = 0; j < d; j++) {
        const t = means[b * d + j] - m[j];
        dist2 += t * t;
      }
      const w = 1 / Math.max(Math.sqrt(dist2), 1e-12);
      wsum += w;
      for (let j = 0; j < d; j++) next[j] += w * means[b * d + j];
    }
    let change = 0;
    for (let j = 0; j < d; j++) {
      const v = next[j] / wsum;
      change += (v - m[j]) ** 2;
      m[j] = v;
    }
    if (change < 1e-24) break;
  }
  return m;
}
