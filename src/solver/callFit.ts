import type { Sample } from '../model/sample.js';
import type { FitOptions } from './types.js';

/** An estimator as the audit, the search and the protocol call it: `fit(data, options) -> w`
 *  (a Float64Array, an array, or `{ w }`). */
export type AuditedFit = (data: Sample, options: FitOptions) => Float64Array | number[] | { w: ArrayLike<number> };

/** Calls the estimator and normalizes its answer to a Float64Array of length d, or throws. */
export function callFit(fit: AuditedFit, data: Sample, options: FitOptions): Float64Array {
  const out = fit(data, options);
  const w = out instanceof Float64Array || Array.isArray(out) ? out : (out as { w: ArrayLike<number> }).w;
  if (!w || typeof (w as ArrayLike<number>).length !== 'number')
    throw new Error('the estimator returned neither an array nor an object with a "w" array');
  const arr = Float64Array.from(w as ArrayLike<number>);
  if (arr.length !== data.d) throw new Error(`the estimator returned ${arr.length} numbers for d = ${data.d}`);
  return arr;
}
