// Flaw: under-filtering. The robust solver told a smaller corrupted fraction than the true one
// (eps understated by the factor m; m = 0: no filtering at all), so its filter stops early and
// keeps corrupted rows. What should catch it: the error bound P1 and the eps-rate, if the
// adversaries exploit the kept rows.
import { robustFit } from './_common.mjs';

export const MAGNITUDES = [0.5, 0.25, 0];

export function withMagnitude(m) {
  return (data, options) => robustFit(data, { ...options, eps: options.eps * m });
}

export const fit = withMagnitude(MAGNITUDES[MAGNITUDES.length - 1]);
