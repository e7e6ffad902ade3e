// Flaw: order dependence. Fits only the first (1 - m) n rows in input order (as a streaming
// estimator with a budget would), so its answer depends on how the rows are ordered. What
// should catch it: P6-permutation-invariance.
import { robustFit } from './_common.mjs';

export const MAGNITUDES = [0.01, 0.1, 0.3];

export function withMagnitude(m) {
  return (data, options) => {
    const keep = Math.max(data.d + 1, Math.ceil((1 - m) * data.n));
    return robustFit({ n: keep, d: data.d, x: data.x.subarray(0, keep * data.d), y: data.y.subarray(0, keep) }, options);
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
