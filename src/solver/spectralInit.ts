import type { Sample } from '../model/sample.js';
import { getLink, type LinkName } from '../model/links.js';
import { filterMeanDetailed } from '../robust/filterMean.js';
import { lanczosTopEigenvector } from '../eigen/lanczosTopEigenvector.js';
import { bulkShift } from '../robust/bulkShift.js';
import { selectInPlace } from '../kernels/select.js';
import { gemv } from '../kernels/gemv.js';
import { rowSquaredNorms } from '../kernels/rowSquaredNorms.js';
import { fitScale } from './scaleFit.js';

/** Truncation of the preprocessing T(y) = min(y^2, tau^2): tau = 3 times the 0.75-quantile
 *  of |y|. The quantile moves by O(eps) under corruption; a factor 3 keeps the labels of
 *  most inliers unclipped (for Gaussian labels tau is 3.45 sd), so the spike b of
 *  E[T(y) x x^T] = a I + b w* w*^T / |w*|^2 keeps most of its size (SPEC section 3.2). */
export const TRUNCATION_QUANTILE = 0.75;
export const TRUNCATION_FACTOR = 3;
/** Covariate filter's threshold: the Bai-Yin edge (1 + sqrt(d/n))^2 of a clean Gaussian
 *  sample second moment, times (1 + COVARIATE_SLACK * eps). Rows whose covariates add less
 *  than that along a direction move T(y)-weighted second moments by at most about
 *  tau^2 eps, what label-only corruption can do anyway. A slack of 3 eps (additive) let a
 *  spectral plant at d = 10, eps = 0.1 through (it adds eps (d/2 - 1) = 0.4). */
export const COVARIATE_SLACK = 1;
/** Final direction: Lanczos to a tight tolerance on the top Ritz value (at most d passes). */
const FINAL_LANCZOS_STEPS = 500;
const FINAL_LANCZOS_TOLERANCE = 1e-10;

/** Result of an initialization. */
export interface InitResult {
  readonly w0: Float64Array;
  /** Unit direction found before sign and scale were resolved. */
  readonly direction: Float64Array;
  /** Per-row weights the robust step kept (all ones for the plain step). */
  readonly weights: Float64Array;
  /** |x_i|^2 per row, when the initialization computed them (descent's filter reuses them
   *  instead of making the same pass again). */
  readonly rowSquaredNorms?: Float64Array;
}

/** The truncation level tau of T(y) = min(y^2, tau^2). */
export function truncationLevel(y: Float64Array): number {
  const abs = Float64Array.from(y, Math.abs);
  const q = selectInPlace(abs, Math.min(abs.length - 1, Math.floor(TRUNCATION_QUANTILE * abs.length)));
  return TRUNCATION_FACTOR * q || 1;
}

/**
 * Spectral initialization: the top eigenvector of M = sum_i c_i T(y_i) x_i x_i^T with the
 * truncated preprocessing T(y) = min(y^2, tau^2) (Stein: E[y^2 x x^T] = (E f^2 + sigma^2) I
 * + 2 ESC w* w*^T / |w*|^2, SPEC section 3). `robust`: the weights c come from the spectral
 * filter run on the covariates against their known N(0, I) law (rows whose covariates
 * inflate some direction are down-weighted), and the truncation caps label-only
 * corruption; otherwise c = 1 (plain spectral init, the contrast).
 * The sign and the norm are then resolved by a one-dimensional fit of y on <v, x>
 * (robust Cauchy loss, or least squares for the plain variant).
 */
export function spectralInit(data: Sample, opts: { link: LinkName; eps: number; robust: boolean }): InitResult {
  const { n, d, x, y } = data;
  const link = getLink(opts.link);
  const tau = truncationLevel(y);
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) scale[i] = Math.min(Math.abs(y[i]), tau);
  const norms = rowSquaredNorms(n, d, x);
  let weights: Float64Array;
  if (opts.robust && opts.eps > 0) {
    // Inlier covariates are N(0, I) whatever the labels: filter the rows whose covariates
    // inflate some direction beyond a clean Gaussian sample (spectral plant, leverage),
    // against that known law rather than an estimated one. The rest is label-only
    // corruption, whose effect on M the truncation T(y) <= tau^2 caps: about
    // eps tau^2 q_eps along any direction (q_eps: mean of the top eps of a chi^2_1).
    // A second filter on sqrt(T(y)) x itself was tried and removed: with no reference for
    // what inliers give along w*, it fired on clean heavy-tailed data and spent its budget
    // on the very rows that carry the spike (cos(w0, w*) 0.67 against 0.996 for the plain
    // init, relu, sign-flip, n = 16796).
    const threshold = (1 + Math.sqrt(d / n)) ** 2 * (1 + COVARIATE_SLACK * opts.eps);
    const cov = filterMeanDetailed({ n, d, x }, { eps: opts.eps, centered: false, known: { level: 1, threshold }, rowSquaredNorms: norms });
    weights = cov.weights;
  } else {
    weights = new Float64Array(n).fill(1);
  }
  const direction = topDirection(data, scale, weights, norms);
  const z = gemv(n, d, x, direction, new Float64Array(n));
  const t = fitScale(link, z, y, { robust: opts.robust, weights: opts.robust ? weights : undefined });
  const w0 = Float64Array.from(direction, (v) => v * t);
  return { w0, direction, weights, rowSquaredNorms: norms };
}

/** Top eigenvector of the weighted second moment of s_i x_i by Lanczos, shifted by its mean
 *  eigenvalue (bulkShift) so the stop measures the spike against its separation from the
 *  bulk. Deterministic start: the largest row. */
function topDirection(data: Sample, s: Float64Array, c: Float64Array, rowNorms: Float64Array): Float64Array {
  const { n, d, x } = data;
  let W = 0,
    trace = 0,
    best = 0,
    bestVal = -1;
  for (let i = 0; i < n; i++) {
    const contrib = c[i] * s[i] * s[i] * rowNorms[i];
    W += c[i];
    trace += contrib;
    if (contrib > bestVal) {
      bestVal = contrib;
      best = i;
    }
  }
  const v = new Float64Array(d);
  for (let j = 0; j < d; j++) v[j] = x[best * d + j];
  let nv = Math.hypot(...v);
  if (!(nv > 0)) {
    v[0] = 1;
    nv = 1;
  }
  for (let j = 0; j < d; j++) v[j] /= nv;
  lanczosTopEigenvector({ n, d, x, s, c, mu: null }, W, v, {
    shift: bulkShift(trace / W, d),
    maxSteps: FINAL_LANCZOS_STEPS,
    tolerance: FINAL_LANCZOS_TOLERANCE,
  });
  return v;
}
