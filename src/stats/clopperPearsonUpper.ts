/**
 * The Clopper-Pearson upper confidence bound for a binomial proportion: the p with
 * P(X <= k | n, p) = 1 - level, found by bisection (60 halvings of [0, 1]: to machine
 * precision). For k of n events observed; k = n gives 1.
 */
export function clopperPearsonUpper(k: number, n: number, level = 0.95): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && k <= n))
    throw new RangeError(`clopperPearsonUpper: need integers 0 <= k <= n, got ${k} of ${n}`);
  const tail = 1 - level;
  const cdf = (p: number): number => {
    let sum = 0,
      term = (1 - p) ** n;
    for (let i = 0; i <= k; i++) {
      sum += term;
      term *= ((n - i) / (i + 1)) * (p / (1 - p));
    }
    return sum;
  };
  let lo = 0,
    hi = 1;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}
