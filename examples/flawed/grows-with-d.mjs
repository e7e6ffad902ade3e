// Flaw: growth with d. The robust answer moved along itself by m s sqrt(d) sqrt(d/n): at fixed
// n/d the error grows like sqrt(d) (the coordinate-wise estimators' failure), where the claim
// is dimension-free. What should catch it: d-rate (slope in d about 1/2, not 0).
import { robustFit, residualScale, moveAlong } from './_common.mjs';

export const MAGNITUDES = [0.1, 0.3, 1];

export function withMagnitude(m) {
  return (data, options) => {
    const w = robustFit(data, options);
    return moveAlong(w, m * residualScale(data, options, w) * Math.sqrt(data.d) * Math.sqrt(data.d / data.n));
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
