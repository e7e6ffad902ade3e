import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import quantile from '@stdlib/stats-base-dists-t-quantile';
import { leastSquaresLine } from './leastSquaresLine.js';

/** Mean and standard error of the mean of a list (n >= 2). */
export function meanAndSe(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  if (n < 2) throw new RangeError(`meanAndSe: need at least 2 values, got ${n}`);
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`meanAndSe: non-finite value ${v}`);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const ss = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, se: Math.sqrt(ss / (n - 1) / n) };
}

/**
 * One-sided one-sample t test of "the mean of `values` is at most `limit`": the statistic
 * (mean - limit) / se and its critical value t_{n-1}(1 - alpha). The hypothesis is rejected
 * (the data contradict it) when statistic > critical. With se = 0 the statistic is +Infinity
 * when mean > limit and 0 otherwise, so identical values decide by their mean alone.
 */
export function tTestAbove(
  values: readonly number[],
  limit: number,
  alpha: number,
): { mean: number; se: number; statistic: number; critical: number } {
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`tTestAbove: alpha must be in (0, 0.5), got ${alpha}`);
  const { mean, se } = meanAndSe(values);
  const excess = mean - limit;
  const statistic = se > 0 ? excess / se : excess > 0 ? Infinity : 0;
  return { mean, se, statistic, critical: quantile(1 - alpha, values.length - 1) };
}

/** Least-squares slope of y on x (at least two distinct x). */
export function olsSlope(xs: readonly number[], ys: readonly number[]): number {
  return leastSquaresLine(xs, ys, 'olsSlope').slope;
}

/**
 * One-sided binomial count test: the smallest count k such that, among `trials` independent
 * events of probability at most `p` each, P(at least k occur) <= alpha. A count of k or more
 * contradicts "each event has probability at most p" at false-alarm probability alpha.
 */
export function binomialCriticalCount(trials: number, p: number, alpha: number): number {
  if (!(Number.isInteger(trials) && trials >= 1))
    throw new RangeError(`binomialCriticalCount: trials must be an integer >= 1, got ${trials}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`binomialCriticalCount: p must be in (0, 1), got ${p}`);
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`binomialCriticalCount: alpha must be in (0, 0.5), got ${alpha}`);
  for (let k = 1; k <= trials; k++) if (1 - binomialCdf(k - 1, trials, p) <= alpha) return k;
  return trials + 1;
}
