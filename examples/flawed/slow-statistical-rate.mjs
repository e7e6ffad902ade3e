// Flaw: a slower statistical rate. The robust answer moved along itself by m s (d/n)^(1/4)
// (s: a robust residual scale): error O(sigma (d/n)^(1/4)) where the claim's statistical term
// is O(sigma sqrt(d/n)). What should catch it: n-rate (slope in n/d about -1/4, not -1/2).
import { robustFit, residualScale, moveAlong } from './_common.mjs';

export const MAGNITUDES = [0.1, 0.3, 1];

export function withMagnitude(m) {
  return (data, options) => {
    const w = robustFit(data, options);
    return moveAlong(w, m * residualScale(data, options, w) * (data.d / data.n) ** 0.25);
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
