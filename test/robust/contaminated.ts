import { namedStream } from '../../src/rng/streams.js';
import type { ScaledRows } from '../../src/robust/rows.js';

/** n Gaussian vectors in R^d with mean 0, the first m replaced by a tight cluster at distance r
 *  along e1 (the robust mean estimators' tests share it). */
export function contaminated(n: number, d: number, m: number, r: number, seed: number): ScaledRows {
  const g = namedStream(seed, 'x');
  const x = Float64Array.from({ length: n * d }, g.normal);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) x[i * d + j] = (j === 0 ? r : 0) + 0.1 * g.normal();
  return { n, d, x };
}
