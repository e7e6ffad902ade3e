// Flaw: hidden nondeterminism. The answer is perturbed by Math.random() (not the seed it is
// given) at relative size m, as an estimator that draws its own randomness would be. What
// should catch it: P6-determinism (two fits of the same data and seed differ).
import { robustFit } from './_common.mjs';

export const MAGNITUDES = [1e-12, 1e-6, 1e-3];

export function withMagnitude(m) {
  return (data, options) => {
    const w = robustFit(data, options);
    const norm = Math.hypot(...w);
    return Float64Array.from(w, (v) => v + m * norm * (Math.random() - 0.5));
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
