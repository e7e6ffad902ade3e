export { type AuditedFit, callFit } from '../solver/callFit.js';

/** One measured value against its bound; it holds when measured <= bound (NaN fails). */
export interface Measurement {
  readonly measured: number;
  readonly bound: number;
  /** What a reader needs to see beside the two numbers (a rate experiment's grid). */
  readonly detail?: string;
}
