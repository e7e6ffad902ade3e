import type { Sample } from '../model/sample.js';
import { getLink, type Link, type LinkName } from '../model/links.js';
import { gemv } from '../kernels/gemv.js';
import { medianInPlace } from '../kernels/select.js';
import { filterMeanDetailed } from '../robust/filterMean.js';
import { mean } from '../robust/mean.js';
import { trimmedMean } from '../robust/trimmedMean.js';
import { coordinateMedian } from '../robust/coordinateMedian.js';
import { medianOfMeans } from '../robust/medianOfMeans.js';
import { expectNormal } from '../landscape/gaussHermite.js';

/** How per-sample updates are aggregated. */
export type MeanName = 'filter' | 'mean' | 'trimmed-mean' | 'coordinate-median' | 'median-of-means';
/** The per-sample update field: the squared-loss gradient, the convex surrogate
 *  (GLMtron, (phi(<w,x>) - y) x) or the Huber-loss gradient. */
export type UpdateName = 'squared' | 'glmtron' | 'huber';

export interface DescentOptions {
  readonly link: LinkName;
  readonly eps: number;
  readonly mean: MeanName;
  readonly update: UpdateName;
  readonly maxIterations: number;
  /** Stop once a step moves w by less than tolerance * max(1, |w|). */
  readonly tolerance?: number;
}

/** How descent ended: the step fell below tolerance, the iteration cap was hit, or a step
 *  became non-finite (then `w` is the last finite iterate). */
export type DescentStatus = 'converged' | 'max-iterations' | 'diverged';

export interface DescentResult {
  readonly w: Float64Array;
  readonly iterations: number;
  readonly status: DescentStatus;
}

/** Relative step length below which descent stops. */
export const DESCENT_TOLERANCE = 1e-7;
/** Huber's threshold in units of the residuals' robust scale (95% efficiency at the normal). */
export const HUBER_K = 1.345;

/**
 * w <- w - eta * Mean({u_i(w)}) from w0, where u_i is the per-sample update field (always of
 * the form scale_i * x_i, so no n x d matrix is formed) and Mean is a (robust) mean
 * estimator. The step eta is fixed: 2 / (lambda_max + lambda_min) of the population
 * Jacobian of the field at a point of norm |w0| (see `fieldStep`). The filter is
 * warm-started with the previous step's top direction.
 */
export function gradientDescent(data: Sample, w0: Float64Array, opts: DescentOptions): DescentResult {
  const { n, d, x, y } = data;
  const link = getLink(opts.link);
  const w = Float64Array.from(w0);
  const u = new Float64Array(n);
  const scale = new Float64Array(n);
  const resid = opts.update === 'huber' ? new Float64Array(n) : null;
  const rows = { n, d, x, scale };
  const eta = fieldStep(link, Math.hypot(...w0), opts.update);
  const tol = opts.tolerance ?? DESCENT_TOLERANCE;
  let direction: Float64Array | undefined;
  // The filter's weights persist across steps (monotone, one budget of 2 eps n for the whole
  // run): a row found corrupt at one iterate stays out, the filtering work over the run is
  // bounded, and once removal stops the descent is a fixed weighted GD that converges.
  let weights: Float64Array | undefined;
  let status: DescentStatus = 'max-iterations';
  let it = 0;
  for (; it < opts.maxIterations; it++) {
    gemv(n, d, x, w, u);
    if (opts.update === 'squared') {
      for (let i = 0; i < n; i++) scale[i] = 2 * (link.phi(u[i]) - y[i]) * link.dphi(u[i]);
    } else if (opts.update === 'glmtron') {
      for (let i = 0; i < n; i++) scale[i] = link.phi(u[i]) - y[i];
    } else {
      for (let i = 0; i < n; i++) resid![i] = link.phi(u[i]) - y[i];
      const delta = HUBER_K * residualScale(resid!);
      for (let i = 0; i < n; i++) {
        const r = resid![i];
        scale[i] = 2 * (r > delta ? delta : r < -delta ? -delta : r) * link.dphi(u[i]);
      }
    }
    let g: Float64Array;
    switch (opts.mean) {
      case 'filter': {
        const f = filterMeanDetailed(rows, { eps: opts.eps, initialDirection: direction, initialWeights: weights });
        if (f.direction.some((t) => t !== 0)) direction = f.direction;
        weights = f.weights;
        g = f.mean;
        break;
      }
      case 'mean': g = mean(rows); break;
      case 'trimmed-mean': g = trimmedMean(rows, { eps: opts.eps }); break;
      case 'coordinate-median': g = coordinateMedian(rows); break;
      case 'median-of-means': g = medianOfMeans(rows, { eps: opts.eps }); break;
    }
    let stepSq = 0, wSq = 0;
    for (let j = 0; j < d; j++) { const s = eta * g[j]; stepSq += s * s; wSq += (w[j] - s) ** 2; }
    if (!Number.isFinite(stepSq) || !Number.isFinite(wSq)) { status = 'diverged'; break; }
    for (let j = 0; j < d; j++) w[j] -= eta * g[j];
    if (Math.sqrt(stepSq) <= tol * Math.max(1, Math.sqrt(wSq))) { it++; status = 'converged'; break; }
  }
  return { w, iterations: it, status };
}

/** 1.4826 * MAD of the residuals (floored so a perfect fit does not give a zero threshold). */
function residualScale(r: Float64Array): number {
  const buf = Float64Array.from(r);
  const med = medianInPlace(buf);
  for (let i = 0; i < buf.length; i++) buf[i] = Math.abs(r[i] - med);
  return Math.max(1.4826 * medianInPlace(buf), 1e-12);
}

/**
 * Fixed step 2 / (lambda_max + lambda_min) for the field's population Jacobian at a point
 * of norm s on the truth, x ~ N(0, I). Squared loss (and Huber near the optimum): Hessian
 * 2 E[phi'(u)^2 x x^T] with eigenvalues 2 E[Z^2 phi'(sZ)^2] (along w*) and 2 E[phi'(sZ)^2]
 * (across). GLMtron: Jacobian E[phi'(u) x x^T], eigenvalues E[Z^2 phi'(sZ)] and E[phi'(sZ)].
 * This is the paper's 2 / (alpha + gamma) in our loss convention (no 1/2 factor).
 */
export function fieldStep(link: Link, norm: number, update: UpdateName): number {
  const s = Math.max(norm, 1e-3);
  const power = update === 'glmtron' ? 1 : 2;
  const factor = update === 'glmtron' ? 1 : 2;
  const g = (z: number): number => { const v = link.dphi(s * z); return power === 1 ? v : v * v; };
  const along = factor * expectNormal((z) => z * z * g(z), 120);
  const across = factor * expectNormal(g, 120);
  const hi = Math.max(along, across);
  const lo = Math.min(along, across);
  if (!(hi > 0)) throw new RangeError(`the ${link.name} link has a degenerate Jacobian at norm ${norm}: no step size`);
  return 2 / (hi + Math.max(lo, 1e-3 * hi));
}
