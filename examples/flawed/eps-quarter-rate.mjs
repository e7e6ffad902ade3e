// Flaw: a slower eps-rate. The robust answer moved along itself by m s eps^(1/4) (s: a robust
// residual scale, about sigma): an O(sigma eps^(1/4)) estimator, the rate of a spectral start,
// where the claim is O(sigma sqrt(eps)). What should catch it: eps-rate (R = excess /
// (sigma sqrt(eps)) grows like eps^(-1/4) as eps falls).
import { robustFit, residualScale, moveAlong } from './_common.mjs';

export const MAGNITUDES = [0.25, 0.5, 1];

export function withMagnitude(m) {
  return (data, options) => {
    const w = robustFit(data, options);
    return moveAlong(w, m * residualScale(data, options, w) * options.eps ** 0.25);
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
