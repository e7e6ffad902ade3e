import quantile from '@stdlib/stats-base-dists-t-quantile';
import { leastSquaresLine } from './leastSquaresLine.js';

/** A fitted power law y = exp(intercept) x^slope with a confidence interval on the slope. */
export interface PowerLawFit {
  readonly slope: number;
  readonly intercept: number;
  /** Two-sided confidence interval of the slope at the requested level. */
  readonly lower: number;
  readonly upper: number;
  /** Points used (positive x and y only). */
  readonly points: number;
}

/**
 * Least-squares line through (log x, log y), with the textbook t interval on the slope
 * (n - 2 degrees of freedom). Needs at least three points with x, y > 0 and two distinct x.
 */
export function logLogSlope(xs: readonly number[], ys: readonly number[], level = 0.95): PowerLawFit {
  if (xs.length !== ys.length) throw new RangeError(`logLogSlope: ${xs.length} x values but ${ys.length} y values`);
  const lx: number[] = [],
    ly: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > 0 && ys[i] > 0 && Number.isFinite(xs[i]) && Number.isFinite(ys[i])) {
      lx.push(Math.log(xs[i]));
      ly.push(Math.log(ys[i]));
    }
  }
  const n = lx.length;
  if (n < 3) throw new RangeError(`logLogSlope: need at least 3 positive points, got ${n}`);
  const { slope, intercept, sxx, rss } = leastSquaresLine(lx, ly, 'logLogSlope');
  const se = Math.sqrt(rss / (n - 2) / sxx);
  const half = quantile(0.5 + level / 2, n - 2) * se;
  return { slope, intercept, lower: slope - half, upper: slope + half, points: n };
}
