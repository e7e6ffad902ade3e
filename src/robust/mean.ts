import { gemvT } from '../kernels/gemvT.js';
import type { ScaledRows } from './rows.js';

/** The plain sample mean of the vectors (no robustness: the baseline every adversary breaks). */
export function mean(rows: ScaledRows): Float64Array {
  const { n, d, x, scale } = rows;
  const out = new Float64Array(d);
  gemvT(n, d, x, scale ?? new Float64Array(n).fill(1), out);
  for (let j = 0; j < d; j++) out[j] /= n;
  return out;
}
