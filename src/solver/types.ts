import type { Sample } from '../model/sample.js';
import type { LinkName } from '../model/links.js';

/** Options every estimator receives: `fit(data, options) -> w`, no hidden state. */
export interface FitOptions {
  /** The known link phi. */
  readonly link: LinkName;
  /** Upper bound on the corrupted fraction, in [0, 0.5). */
  readonly eps: number;
  /** Seed for estimators that draw randomness (random init); others ignore it. */
  readonly seed: number;
  /** Cap on gradient steps (default {@link DEFAULT_MAX_ITERATIONS}). */
  readonly maxIterations?: number;
}

/** What an estimator returns. */
export interface FitResult {
  readonly w: Float64Array;
  readonly iterations: number;
  /** The initialization the descent started from. */
  readonly w0: Float64Array;
  /** How the descent ended (`init-only` for methods without descent). */
  readonly status: 'converged' | 'max-iterations' | 'diverged' | 'init-only';
}

/** A single-index-model estimator (scikit-learn's contract: data in, w out). */
export type Estimator = (data: Sample, options: FitOptions) => FitResult;

/** Default corrupted-fraction bound when the user gives none: 0.1, a common design point
 *  of the robust-statistics literature and safe for the catalogue's default eps = 0.05. */
export const DEFAULT_EPS = 0.1;

/** Gradient steps at most; with the step size below, the basin contracts by a constant
 *  factor per step, so 500 steps reach machine precision for every link in the catalogue. */
export const DEFAULT_MAX_ITERATIONS = 500;
