/**
 * The n vectors g_i = scale[i] * x_i in R^d, with x row-major n x d. Per-sample gradients
 * of a single-index model are all of this form (g_i = 2 r_i phi'(<w,x_i>) x_i), as are the
 * vectors y_i x_i and sqrt(T(y_i)) x_i of the initializations, so estimators never need to
 * materialize an n x d gradient matrix: they stream over x and multiply by the scale.
 * `scale` absent means all ones (plain vectors).
 */
export interface ScaledRows {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly scale?: Float64Array;
}

/** Shared options of the robust mean estimators. */
export interface MeanOptions {
  /** Upper bound on the corrupted fraction, in [0, 0.5). */
  readonly eps: number;
}

/** A robust (or plain) mean estimator over scaled rows. */
export type MeanEstimator = (rows: ScaledRows, options: MeanOptions) => Float64Array;

/** The j-th coordinate of every vector, gathered into `out` (length n). */
export function gatherColumn(rows: ScaledRows, j: number, out: Float64Array): Float64Array {
  const { n, d, x, scale } = rows;
  if (scale) for (let i = 0; i < n; i++) out[i] = scale[i] * x[i * d + j];
  else for (let i = 0; i < n; i++) out[i] = x[i * d + j];
  return out;
}
