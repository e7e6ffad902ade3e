// Flaw: a noise-independent bias under corruption. Whenever eps > 0 the answer carries a
// relative bias m (|w| grows by m |w|): an error that does not vanish as sigma -> 0, where
// the claim's error is O(sigma sqrt(eps)). What should catch it: sigma-rate (error / sigma
// grows as sigma falls) and eps-rate (the bias does not shrink with eps).
import { robustFit, moveAlong } from './_common.mjs';

export const MAGNITUDES = [0.01, 0.03, 0.1];

export function withMagnitude(m) {
  return (data, options) => {
    const w = robustFit(data, options);
    return options.eps > 0 ? moveAlong(w, m * Math.hypot(...w)) : w;
  };
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
