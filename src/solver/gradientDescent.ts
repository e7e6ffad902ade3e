import type { Sample } from '../model/sample.js';
import { getLink, type Link, type LinkName } from '../model/links.js';
import { gemv } from '../kernels/gemv.js';
import { gemvT } from '../kernels/gemvT.js';
import { rowSquaredNorms } from '../kernels/rowSquaredNorms.js';
import { madScale } from '../robust/madScale.js';
import { filterMeanDetailed } from '../robust/filterMean.js';
import { mean } from '../robust/mean.js';
import { trimmedMean } from '../robust/trimmedMean.js';
import { coordinateMedian } from '../robust/coordinateMedian.js';
import { medianOfMeans } from '../robust/medianOfMeans.js';
import type { ScaledRows } from '../robust/rows.js';
import { expectNormal } from '../numeric/gaussHermite.js';

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
/** Relative step below which robust GD stops re-filtering and keeps its last weights:
 *  1e-4 of |w| is far below the statistical error at any n the suite runs (sigma sqrt(d/n)
 *  >= 1e-3 for n <= 1e6 rows at sigma = 1, d >= 1), so the freeze changes no reported digit
 *  of accuracy but lets the descent converge. */
export const FREEZE_TOLERANCE = 1e-4;
/** ...or once the step has not fallen below FREEZE_PROGRESS times its smallest value so far
 *  for this many steps: the fresh filter can lock the iterate into a cycle (two weight sets
 *  sending it back and forth, seen at amplitude ~2e-3 |w| under heavy-tail-mimic), which only
 *  freezing ends. */
export const FREEZE_PATIENCE = 5;
/** A step counts as progress only below this share of the smallest step so far. With 1 (any
 *  new minimum counts) an iterate wandering at ~3e-3 |w| kept setting marginal new minima and
 *  ran 40 fresh-filter steps; the filter's weights jump with w (a hard rank cut), the
 *  wandering is chaotic, and it amplified rounding-level differences (the same sample
 *  rotated) by 1e11, to 1.5x P6's tolerance (d = 2, gelu, leverage, pareto:3 noise). Halving
 *  within FREEZE_PATIENCE steps asks for a contraction of at most 0.87 per step; a slower
 *  one freezes early, which costs nothing: frozen descent converges and the polish
 *  re-filters at the answer. */
export const FREEZE_PROGRESS = 0.5;
/** Under frozen weights, a step larger than this many times the step at freeze time is
 *  refused: the iterate is left where it was and the filter runs again. Rows whose
 *  gradients vanished where the weights froze (relu's dead zone: leverage rows with
 *  <w, u> < 0) keep weight 1, and once frozen descent carries <w, u> across 0 they pull
 *  with their full, enormous gradient (seen: error 68.7 from a start 0.29 away, relu,
 *  leverage, eps = 0.1). */
export const UNFREEZE_FACTOR = 10;

/** After converging under frozen weights, re-filter at the converged point and, if the weights
 *  change, descend again with the new ones (to convergence: the first step of that descent
 *  is not refused by UNFREEZE_FACTOR, which used to send the polish back to fresh filtering
 *  and its wandering): at most this many times. The weights then come from the filter at the
 *  answer itself, not at whichever iterate they froze, which made the answer depend on the
 *  path: rotating or permuting the sample (rounding-level changes) moved w by up to 5.8% of
 *  the P1 bound (deep profile, seed 424242). A weight set seen before (a cycle) ends the
 *  polish with one descent under the cycle's elementwise minimum, which does not depend on
 *  which member of the cycle the path met first. */
export const POLISH_ROUNDS = 3;

/** Huber's threshold in units of the residuals' robust scale (95% efficiency at the normal). */
export const HUBER_K = 1.345;
/** |w| beyond this factor of max(1, |w0|) counts as divergence (reported, not thrown). */
export const DIVERGENCE_FACTOR = 1e6;
/** Step halvings tried by the line search of the non-robust descents before giving up. */
const MAX_HALVINGS = 60;

/**
 * w <- w - eta * Mean({u_i(w)}) from w0, where u_i is the per-sample update field (always of
 * the form scale_i * x_i, so no n x d matrix is formed) and Mean is a (robust) mean.
 *
 * - Robust aggregation (filter, trimmed mean, median, median of means): the paper's fixed
 *   step eta = 1 / lambda_max of the population Jacobian at a point of norm |w|
 *   (`fieldStep`), the smallest over the iterates so far; the empirical loss is contaminated, so it cannot steer the step. The
 *   filter runs afresh at every step (a row whose gradient is invisible at one iterate, e.g.
 *   a leverage point where phi' vanishes, is caught where it starts to pull). Fresh
 *   filtering makes the aggregate piecewise smooth in w, so once the step is below
 *   FREEZE_TOLERANCE or stops shrinking (FREEZE_PATIENCE), the last weights are kept and
 *   descent finishes as the fixed weighted GD they define, with a step halved until the
 *   weighted loss does not increase (so it converges, also across relu's kink); a step that
 *   jumps (UNFREEZE_FACTOR) under frozen weights is refused and filtering resumes; at
 *   convergence the filter is re-run at the answer (POLISH_ROUNDS).
 * - Plain mean with the squared or Huber loss: the same initial step with a monotone
 *   backtracking line search (halve until the empirical loss does not increase), so the
 *   baseline really minimizes its objective: it fails because least squares is the wrong
 *   objective under corruption, not because a fixed step went unstable.
 * - GLMtron: the fixed step (its field is not the gradient of the squared loss).
 */
export function gradientDescent(data: Sample, w0: Float64Array, opts: DescentOptions): DescentResult {
  const { n, d, x, y } = data;
  const link = getLink(opts.link);
  const w = Float64Array.from(w0);
  const candidate = new Float64Array(d);
  const u = gemv(n, d, x, w, new Float64Array(n));
  const uNext = new Float64Array(n);
  const scale = new Float64Array(n);
  const rows: ScaledRows = { n, d, x, scale };
  const tol = opts.tolerance ?? DESCENT_TOLERANCE;
  const lineSearch = opts.mean === 'mean' && opts.update !== 'glmtron';
  // The robust descents use min over the iterates so far of the step at |w_k|: a start of
  // small norm gives a step that is unstable near a w* of larger norm (seen: |w0| = 0.03,
  // gelu, step 2 against a curvature limit of 1.4 at |w*| = 1, diverging), while letting the
  // step grow with |w| made saturating links (tanh at |w*| = 2) oscillate. It never grows.
  let eta = fieldStep(link, Math.hypot(...w0), opts.update);
  if (!(eta > 0)) return { w, iterations: 0, status: 'diverged' };
  let weights: Float64Array | undefined;
  let frozen = false;
  let frozenStep = 0;
  let polished = 0;
  const history: Float64Array[] = [];
  let norms: Float64Array | undefined;
  let bestStep = Infinity, sinceBest = 0;
  let status: DescentStatus = 'max-iterations';
  let it = 0;
  for (; it < opts.maxIterations; it++) {
    const delta = opts.update === 'huber' ? HUBER_K * residualScale(link, u, y) : 0;
    fillScales(link, opts.update, delta, u, y, scale);
    let g: Float64Array;
    switch (opts.mean) {
      case 'filter':
        if (frozen && weights) g = weightedMean(rows, weights);
        else {
          // The filter inside descent starts cold (from the sample's own most extreme row) at every
          // step, never from the previous step's direction. Near the answer the filtered covariance is
          // nearly isotropic, its top eigenvector ill-determined, and power iteration stops on its
          // Rayleigh quotient before the vector converges: a warm start carried that unconverged
          // vector from step to step, a memory through which rounding grew by 1e-9 -> 1e-2 in three
          // steps. With the warm start, P6-rotation-equivariance failed at 4 of 40 quick audit seeds
          // (margins up to 1.6); cold, at 0 of 160 (largest margin 0.28), with 94% of its cases
          // equal to rounding instead of 74%. The extra power steps cost no measurable time.
          const f = filterMeanDetailed(rows, { eps: opts.eps, rowSquaredNorms: norms ??= rowSquaredNorms(n, d, x) });
          weights = f.weights;
          g = f.mean;
        }
        break;
      case 'mean': g = mean(rows); break;
      case 'trimmed-mean': g = trimmedMean(rows, { eps: opts.eps }); break;
      case 'coordinate-median': g = coordinateMedian(rows); break;
      case 'median-of-means': g = medianOfMeans(rows, { eps: opts.eps }); break;
    }
    if (!g.every(Number.isFinite)) { status = 'diverged'; break; }

    if (!lineSearch) {
      const here = fieldStep(link, Math.hypot(...w), opts.update);
      if (!(here > 0)) { status = 'diverged'; break; }
      eta = Math.min(eta, here);
    }
    // take the step (with backtracking for the plain objectives)
    const before = lineSearch ? objective(link, u, y, opts.update, delta) : 0;
    let accepted = false;
    if (frozen && weights && opts.update === 'squared') {
      // Under frozen weights the field is the gradient of a fixed weighted loss: a step that
      // does not decrease it is halved (this step only). A fixed step cycled here: relu's
      // kink at a heavy-residual row gave a 2-cycle of amplitude 7e-4 |w| until the cap.
      const start = weightedObjective(link, u, y, weights);
      let step = eta;
      for (let h = 0; h <= MAX_HALVINGS; h++, step /= 2) {
        for (let j = 0; j < d; j++) candidate[j] = w[j] - step * g[j];
        gemv(n, d, x, candidate, uNext);
        if (weightedObjective(link, uNext, y, weights) <= start) { accepted = true; break; }
      }
      if (!accepted) { for (let j = 0; j < d; j++) candidate[j] = w[j]; uNext.set(u); accepted = true; } // stationary
    } else {
      for (let h = 0; h <= (lineSearch ? MAX_HALVINGS : 0); h++, eta /= lineSearch ? 2 : 1) {
        for (let j = 0; j < d; j++) candidate[j] = w[j] - eta * g[j];
        gemv(n, d, x, candidate, uNext);
        if (!lineSearch || objective(link, uNext, y, opts.update, delta) <= before) { accepted = true; break; }
      }
    }
    if (!accepted) { status = 'converged'; it++; break; } // no descent along -g at any step: stationary
    let stepSq = 0, wSq = 0;
    for (let j = 0; j < d; j++) { stepSq += (candidate[j] - w[j]) ** 2; wSq += candidate[j] ** 2; }
    if (frozen && Math.sqrt(stepSq) / Math.max(1, Math.sqrt(wSq)) > UNFREEZE_FACTOR * Math.max(frozenStep, FREEZE_TOLERANCE)) {
      frozen = false; bestStep = Infinity; sinceBest = 0;
      continue; // refuse the step; the next iteration filters afresh at the same w
    }
    if (!Number.isFinite(stepSq) || !Number.isFinite(wSq) || !uNext.every(Number.isFinite)) { status = 'diverged'; break; }
    if (Math.sqrt(wSq) > DIVERGENCE_FACTOR * Math.max(1, Math.hypot(...w0))) { w.set(candidate); status = 'diverged'; it++; break; }
    w.set(candidate);
    u.set(uNext);
    const relative = Math.sqrt(stepSq) / Math.max(1, Math.sqrt(wSq));
    if (frozenStep === Infinity) frozenStep = relative; // the first step of a polish descent sets its scale
    if (relative < FREEZE_PROGRESS * bestStep) { bestStep = relative; sinceBest = 0; } else sinceBest++;
    if (!frozen && (relative <= FREEZE_TOLERANCE || sinceBest >= FREEZE_PATIENCE)) { frozen = true; frozenStep = relative; }
    if (relative <= tol) {
      if (opts.mean === 'filter' && opts.update === 'squared' && weights && polished < POLISH_ROUNDS) {
        // polish: the filter at the converged point; keep descending if it disagrees
        gemv(n, d, x, w, u);
        fillScales(link, opts.update, 0, u, y, scale);
        const f = filterMeanDetailed(rows, { eps: opts.eps, rowSquaredNorms: norms });
        polished++;
        if (!sameWeights(f.weights, weights)) {
          history.push(weights);
          const k = history.findIndex((h) => sameWeights(h, f.weights));
          let next = f.weights;
          if (k >= 0) {
            // a cycle of weight sets: descend once more under their elementwise minimum (a row
            // any member down-weights stays down-weighted), which does not depend on the
            // member the path entered the cycle by
            next = Float64Array.from(f.weights);
            for (const h of history.slice(k)) for (let i = 0; i < n; i++) if (h[i] < next[i]) next[i] = h[i];
            polished = POLISH_ROUNDS;
          }
          weights = next; frozen = true; frozenStep = Infinity; continue;
        }
      }
      it++; status = 'converged'; break;
    }
  }
  return { w, iterations: it, status };
}

/** Scratch of fillScales: phi and phi' at one point. */
const valueSlope = new Float64Array(2);

/** The per-row factor of the update field at projections u: the field is scale_i x_i with
 *  scale_i = 2 r phi'(u_i) (squared loss), r (GLMtron) or 2 clip(r, delta) phi'(u_i) (Huber),
 *  r = phi(u_i) - y_i. */
export function fillScales(link: Link, update: UpdateName, delta: number, u: Float64Array, y: Float64Array, scale: Float64Array): void {
  const both = link.valueAndSlope;
  if (both && update !== 'glmtron') {
    // one special-function evaluation per row instead of two (same values, bit for bit)
    const pair = valueSlope;
    for (let i = 0; i < u.length; i++) {
      both(u[i], pair);
      const r = pair[0] - y[i];
      scale[i] = update === 'squared' ? 2 * r * pair[1] : 2 * (r > delta ? delta : r < -delta ? -delta : r) * pair[1];
    }
    return;
  }
  for (let i = 0; i < u.length; i++) {
    const r = link.phi(u[i]) - y[i];
    if (update === 'squared') scale[i] = 2 * r * link.dphi(u[i]);
    else if (update === 'glmtron') scale[i] = r;
    else scale[i] = 2 * (r > delta ? delta : r < -delta ? -delta : r) * link.dphi(u[i]);
  }
}

/** Mean squared (or Huber, threshold delta) loss of the residuals phi(u_i) - y_i. */
function objective(link: Link, u: Float64Array, y: Float64Array, update: UpdateName, delta: number): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    const r = link.phi(u[i]) - y[i];
    const a = Math.abs(r);
    s += update === 'huber' && a > delta ? 2 * delta * a - delta * delta : r * r;
  }
  return s / u.length;
}

/** Whether two weight vectors are identical. */
function sameWeights(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The weighted squared loss sum_i c_i (phi(u_i) - y_i)^2 / sum_i c_i. */
function weightedObjective(link: Link, u: Float64Array, y: Float64Array, c: Float64Array): number {
  let s = 0, W = 0;
  for (let i = 0; i < u.length; i++) { const r = link.phi(u[i]) - y[i]; s += c[i] * r * r; W += c[i]; }
  return s / W;
}

/** The weighted mean sum_i c_i g_i / sum_i c_i of the rows. */
function weightedMean(rows: ScaledRows, c: Float64Array): Float64Array {
  const s = rows.scale!;
  const u = new Float64Array(rows.n);
  let W = 0;
  for (let i = 0; i < rows.n; i++) { u[i] = c[i] * s[i]; W += c[i]; }
  const out = gemvT(rows.n, rows.d, rows.x, u, new Float64Array(rows.d));
  for (let j = 0; j < rows.d; j++) out[j] /= W;
  return out;
}

/** The MAD scale of the residuals phi(u_i) - y_i (floored so a perfect fit keeps a threshold). */
function residualScale(link: Link, u: Float64Array, y: Float64Array): number {
  return Math.max(madScale(Float64Array.from(u, (t, i) => link.phi(t) - y[i])), 1e-12);
}

/**
 * Fixed step 1 / lambda_max of the field's population Jacobian at a point of norm s on the
 * truth, x ~ N(0, I). Squared loss (and Huber near the optimum): Hessian 2 E[phi'(u)^2 x x^T]
 * with eigenvalues 2 E[Z^2 phi'(sZ)^2] (along w*) and 2 E[phi'(sZ)^2] (across). GLMtron:
 * Jacobian E[phi'(u) x x^T], eigenvalues E[Z^2 phi'(sZ)] and E[phi'(sZ)].
 * The paper's step is 2 / (alpha + gamma) with alpha a curvature bound over the basin
 * (>= lambda_max) and gamma = mu / 2; 2 / (lambda_max + lambda_min) at w* itself sits at the
 * edge of stability when lambda_min << lambda_max (eta lambda_max ~ 2), and the empirical
 * Hessian exceeds the population one by (1 + sqrt(d/n))^2, so descent oscillated (tanh,
 * |w*| = 2, n/d = 100). 1 / lambda_max keeps a factor 2 from that edge; for the linear link
 * it is 1/2, one Newton step.
 */
export function fieldStep(link: Link, norm: number, update: UpdateName): number {
  const s = Math.max(norm, 1e-3);
  const glm = update === 'glmtron';
  const g = (z: number): number => { const v = link.dphi(s * z); return glm ? v : v * v; };
  const factor = glm ? 1 : 2;
  const along = factor * expectNormal((z) => z * z * g(z), 120);
  const across = factor * expectNormal(g, 120);
  const hi = Math.max(along, across);
  // 0 when the Jacobian vanishes at this norm (a saturating link far out): callers treat a
  // non-positive step as divergence
  if (!(hi > 0) || !Number.isFinite(hi)) return 0;
  return 1 / hi;
}
