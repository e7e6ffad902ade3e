import type { Sample } from '../model/sample.js';
import type { FitOptions } from '../solver/types.js';

/** What the audit runs: `fit(data, options) -> w` (a Float64Array, an array, or `{ w }`). */
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

/** One measured value against its bound; it holds when measured <= bound (NaN fails). */
export interface Measurement {
  readonly measured: number;
  readonly bound: number;
  /** What a reader needs to see beside the two numbers (a rate experiment's grid). */
  readonly detail?: string;
}
