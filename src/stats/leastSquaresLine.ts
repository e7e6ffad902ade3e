/** The least-squares line y = intercept + slope x, with the sums its uncertainty needs. */
export interface LeastSquaresLine {
  readonly slope: number;
  readonly intercept: number;
  /** sum (x - mean x)^2 */
  readonly sxx: number;
  /** sum of squared residuals about the line */
  readonly rss: number;
}

/**
 * The least-squares line through (xs[i], ys[i]) (at least two distinct x; `name` prefixes the
 * errors). The one copy under olsSlope (src/stats/oneSided.ts) and logLogSlope.
 */
export function leastSquaresLine(xs: readonly number[], ys: readonly number[], name = 'leastSquaresLine'): LeastSquaresLine {
  const n = xs.length;
  if (n !== ys.length || n < 2) throw new RangeError(`${name}: need two lists of equal length >= 2, got ${n} and ${ys.length}`);
  const mx = xs.reduce((a, b) => a + b, 0) / n,
    my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (!(sxx > 0)) throw new RangeError(`${name}: all x values are equal`);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ys[i] - intercept - slope * xs[i]) ** 2;
  return { slope, intercept, sxx, rss };
}
