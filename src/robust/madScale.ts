import { medianInPlace } from '../kernels/select.js';

/** 1 / Phi^{-1}(3/4): the median absolute deviation of a normal law times this is its sd. */
export const MAD_TO_SD = 1.482602218505602;

/**
 * The normal-consistent MAD scale, MAD_TO_SD * median |v_i - median(v)|: a 50%-breakdown
 * estimate of spread (0 when more than half the values are equal). `scratch` (length >=
 * values.length) avoids allocation in loops; `values` is not modified.
 */
export function madScale(values: Float64Array, scratch: Float64Array = new Float64Array(values.length)): number {
  return medianAndMad(values, scratch).scale;
}

/** The median of the values and their MAD scale (see {@link madScale}), in two selections. */
export function medianAndMad(
  values: Float64Array,
  scratch: Float64Array = new Float64Array(values.length),
): { center: number; scale: number } {
  const n = values.length;
  scratch.set(values);
  const center = medianInPlace(scratch, 0, n);
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(values[i] - center);
  return { center, scale: MAD_TO_SD * medianInPlace(scratch, 0, n) };
}
