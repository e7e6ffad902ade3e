import type { Sample } from '../model/sample.js';
import { getLink, type Link, type LinkName } from '../model/links.js';
import { gemv } from '../kernels/gemv.js';
import type { ScaledRows } from '../robust/rows.js';
import { fieldStep } from './fieldStep.js';
import { type GradientMean, gradientMean, type KeptWeightsLoss, type MeanName } from './gradientMean.js';
import { fillScales, updateLoss, updateThreshold, type UpdateName } from './update.js';

export type { MeanName } from './gradientMean.js';
export type { UpdateName } from './update.js';

export interface DescentOptions {
  readonly link: LinkName;
  readonly eps: number;
  readonly mean: MeanName;
  readonly update: UpdateName;
  readonly maxIterations: number;
  /** Stop once a step moves w by less than tolerance * max(1, |w|). */
  readonly tolerance?: number;
  /** |x_i|^2 per row of this sample (rowSquaredNorms), if the caller has them: the filter
   *  then skips that pass. */
  readonly rowSquaredNorms?: Float64Array;
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
/** |w| beyond this factor of max(1, |w0|) counts as divergence (reported, not thrown). */
export const DIVERGENCE_FACTOR = 1e6;
/** Step halvings a line search tries before giving up. */
const MAX_HALVINGS = 60;
/** Under frozen weights, the Barzilai-Borwein trial step s.s / s.y is clipped to
 *  [eta, BB_MAX_FACTOR * eta]: never shorter than the fixed step, which the halving line search
 *  still guards, and at most 100 times it (on the 50000 x 100 covariance-shift fits of the speed
 *  issue the accepted BB steps were 1.5-12 times eta; 100 leaves room without letting one
 *  ill-measured curvature fling the iterate: the halvings would take up to 7 passes to undo it). */
export const BB_MAX_FACTOR = 100;

/**
 * w <- w - eta * Mean({u_i(w)}) from w0, where u_i is the per-sample update field (always of
 * the form scale_i * x_i, so no n x d matrix is formed: src/solver/update.ts) and Mean a
 * (robust) mean (src/solver/gradientMean.ts; the filter's freezing and polish live there).
 * The step rule:
 *
 * - Robust aggregation (filter, trimmed mean, median, median of means) and GLMtron: the
 *   paper's fixed step eta = 1 / lambda_max of the population Jacobian at a point of norm |w|
 *   (`fieldStep`), the smallest over the iterates so far; the empirical loss is
 *   contaminated, so it cannot steer the step. A mean may bring a loss of its own (the
 *   filter's, under frozen weights): the step is then halved, for that step only, until that
 *   loss does not increase.
 * - Plain mean with the squared or Huber loss: the same initial step with a monotone
 *   backtracking line search (halve until the empirical loss does not increase; the halving
 *   persists), so the baseline really minimizes its objective: it fails because least
 *   squares is the wrong objective under corruption, not because a fixed step went unstable.
 */
export function gradientDescent(data: Sample, w0: Float64Array, opts: DescentOptions): DescentResult {
  return new Descent(data, w0, opts).run();
}

/** What one iteration's move did: `stationary` when no step length descends (descent ends,
 *  converged). The moved-to point is in Descent.candidate and Descent.uNext. */
type Move = 'moved' | 'stationary';

/**
 * One descent's state and its three parts: the gradient at w (aggregated afresh, or carried
 * from the last step's own pass), the move (the kept-weights line search when the mean brings
 * a loss, else the step rule chosen once: backtracking on the plain mean's loss, or the fixed
 * step), and the bookkeeping that takes or refuses the move and decides when to stop.
 */
class Descent {
  private readonly n: number;
  private readonly d: number;
  private readonly link: Link;
  private readonly w: Float64Array;
  private readonly candidate: Float64Array;
  private readonly u: Float64Array;
  private readonly uNext: Float64Array;
  private readonly tol: number;
  private readonly backtracking: boolean;
  private readonly aggregator: GradientMean;
  private eta: number;
  // the previous frozen step's point, gradient and loss (the Barzilai-Borwein pair)
  private readonly prevW: Float64Array;
  private readonly prevG: Float64Array;
  private prevLoss: KeptWeightsLoss | undefined;
  // Under kept weights a trial step's own pass also gives the loss's gradient (the mean) at the
  // trial point: when the step is taken, the next iteration starts from it instead of a pass
  // of its own (valid while the same loss object is in force). Two buffers take turns.
  private carried: { readonly loss: KeptWeightsLoss; readonly mean: Float64Array; readonly value: number } | undefined;
  private spare: Float64Array;
  private other: Float64Array;
  private coef: Float64Array | undefined; // scratch of the kept-weights pass, made on first use
  /** The update field's threshold at this iteration (the Huber loss's delta; 0 when carried). */
  private delta = 0;
  /** The per-row scales of the update field, which the aggregator's rows read. */
  private readonly rowsScale: Float64Array;

  constructor(
    private readonly data: Sample,
    private readonly w0: Float64Array,
    private readonly opts: DescentOptions,
  ) {
    const { n, d, x } = data;
    this.n = n;
    this.d = d;
    this.link = getLink(opts.link);
    this.w = Float64Array.from(w0);
    this.candidate = new Float64Array(d);
    this.u = gemv(n, d, x, this.w, new Float64Array(n));
    this.uNext = new Float64Array(n);
    this.rowsScale = new Float64Array(n);
    const rows: ScaledRows & { scale: Float64Array } = { n, d, x, scale: this.rowsScale };
    this.tol = opts.tolerance ?? DESCENT_TOLERANCE;
    this.backtracking = opts.mean === 'mean' && opts.update !== 'glmtron';
    // The fixed step is min over the iterates so far of the step at |w_k|: a start of small
    // norm gives a step that is unstable near a w* of larger norm (seen: |w0| = 0.03, gelu,
    // step 2 against a curvature limit of 1.4 at |w*| = 1, diverging), while letting the step
    // grow with |w| made saturating links (tanh at |w*| = 2) oscillate. It never grows.
    this.eta = fieldStep(this.link, Math.hypot(...w0), opts.update);
    this.aggregator = gradientMean(opts.mean, {
      rows,
      y: data.y,
      link: this.link,
      update: opts.update,
      eps: opts.eps,
      rowSquaredNorms: opts.rowSquaredNorms,
    });
    this.prevW = new Float64Array(d);
    this.prevG = new Float64Array(d);
    this.spare = new Float64Array(d);
    this.other = new Float64Array(d);
  }

  run(): DescentResult {
    const { w } = this;
    if (!(this.eta > 0)) return { w, iterations: 0, status: 'diverged' };
    let status: DescentStatus = 'max-iterations';
    let it = 0;
    for (; it < this.opts.maxIterations; it++) {
      const { g, valueHere } = this.gradient();
      if (!g.every(Number.isFinite)) {
        status = 'diverged';
        break;
      }
      if (!this.backtracking) {
        const here = fieldStep(this.link, Math.hypot(...w), this.opts.update);
        if (!(here > 0)) {
          status = 'diverged';
          break;
        }
        this.eta = Math.min(this.eta, here);
      }
      if (this.move(g, valueHere) === 'stationary') {
        status = 'converged';
        it++;
        break;
      } // no descent along -g at any step: stationary
      const next = this.advance();
      if (next === 'continue') continue;
      if (next === 'non-finite') {
        status = 'diverged';
        break;
      }
      if (next !== 'on') {
        status = next;
        it++;
        break;
      }
    }
    return { w, iterations: it, status };
  }

  /** The gradient at w: the one the last step's own pass carried, or a fresh aggregate. */
  private gradient(): { g: Float64Array; valueHere: number | undefined } {
    const carried = this.carried;
    this.carried = undefined;
    if (carried && carried.loss === this.aggregator.stepLoss()) {
      this.delta = 0;
      return { g: carried.mean, valueHere: carried.value };
    }
    const { opts, link, u } = this;
    const { y } = this.data;
    this.delta = updateThreshold(opts.update, link, u, y);
    fillScales(link, opts.update, this.delta, u, y, this.rowsScale);
    return { g: this.aggregator.aggregate(), valueHere: undefined };
  }

  /** Fills candidate and uNext with the moved-to point. */
  private move(g: Float64Array, valueHere: number | undefined): Move {
    const { w, candidate, uNext, u, aggregator } = this;
    const ownLoss = aggregator.stepLoss();
    if (ownLoss) {
      // Under one frozen loss two steps in a row give its curvature along the last step:
      // the trial step s.s / s.y (s, y: the change in w and in the gradient) instead of
      // the fixed eta. The fixed step is the paper's; on a fixed smooth loss the BB step
      // reaches the same minimizer in fewer steps (85-90 iterations fell to 47-52 on the
      // 50000 x 100 covariance-shift fits, errors equal to five digits). The line search
      // below still refuses any step that increases the loss.
      const trial = ownLoss === this.prevLoss ? barzilaiBorwein(w, this.prevW, g, this.prevG, this.eta) : this.eta;
      this.prevW.set(w);
      this.prevG.set(g);
      this.prevLoss = ownLoss;
      const before = valueHere ?? ownLoss.value(u);
      this.coef ??= new Float64Array(this.n);
      const value = keptWeightsStep(w, g, trial, ownLoss, before, candidate, uNext, this.coef, this.spare);
      if (value === undefined) {
        // no decrease at any step length: stay (a step of 0)
        candidate.set(w);
        uNext.set(u);
        this.carried = { loss: ownLoss, mean: g, value: before };
      } else {
        this.carried = { loss: ownLoss, mean: this.spare, value };
        [this.spare, this.other] = [this.other, this.spare];
      }
      return 'moved';
    }
    if (this.backtracking) {
      const { link, opts, delta } = this;
      const { y } = this.data;
      const step = searchStep(this.data, w, g, this.eta, (v) => updateLoss(link, v, y, opts.update, delta), u, candidate, uNext);
      if (step === undefined) return 'stationary';
      this.eta = step;
      return 'moved';
    }
    for (let j = 0; j < this.d; j++) candidate[j] = w[j] - this.eta * g[j];
    gemv(this.n, this.d, this.data.x, candidate, uNext);
    return 'moved';
  }

  /** Takes the move, or refuses it (the iterate stays: 'continue'); ends on a non-finite step
   *  (w stays the last finite iterate), on divergence (w the diverged point) or on convergence
   *  (unless the mean resumes with new weights); 'on' otherwise. */
  private advance(): 'on' | 'continue' | 'non-finite' | 'diverged' | 'converged' {
    const { w, candidate, uNext, u, aggregator, d } = this;
    let stepSq = 0,
      wSq = 0;
    for (let j = 0; j < d; j++) {
      stepSq += (candidate[j] - w[j]) ** 2;
      wSq += candidate[j] ** 2;
    }
    const relative = Math.sqrt(stepSq) / Math.max(1, Math.sqrt(wSq));
    if (aggregator.refuses(relative)) {
      this.carried = undefined;
      return 'continue'; // the iterate stays; the next iteration aggregates afresh at the same w
    }
    if (!Number.isFinite(stepSq) || !Number.isFinite(wSq) || !uNext.every(Number.isFinite)) return 'non-finite';
    if (Math.sqrt(wSq) > DIVERGENCE_FACTOR * Math.max(1, Math.hypot(...this.w0))) {
      w.set(candidate);
      return 'diverged';
    }
    w.set(candidate);
    u.set(uNext);
    aggregator.record(relative);
    if (relative <= this.tol) {
      if (aggregator.resumeAtConvergence(u)) return 'continue';
      return 'converged';
    }
    return 'on';
  }
}

/** The Barzilai-Borwein step s.s / s.y between (w0, g0) and (w, g), clipped to
 *  [eta, BB_MAX_FACTOR * eta]; eta when the curvature along s is not positive. */
function barzilaiBorwein(w: Float64Array, w0: Float64Array, g: Float64Array, g0: Float64Array, eta: number): number {
  let ss = 0,
    sy = 0;
  for (let j = 0; j < w.length; j++) {
    const sj = w[j] - w0[j];
    ss += sj * sj;
    sy += sj * (g[j] - g0[j]);
  }
  if (!(sy > 0 && ss > 0)) return eta;
  return Math.min(BB_MAX_FACTOR * eta, Math.max(eta, ss / sy));
}

/**
 * The line search under kept weights: the longest of eta, eta/2, ... (MAX_HALVINGS halvings)
 * whose point does not raise `loss` above `before`, each trial one pass that also gives the
 * loss's gradient there (KeptWeightsLoss.valueAndMean). Fills `candidate`, `uNext` (= X
 * candidate) and `mean` (the gradient) with it and returns its loss, or undefined when none does.
 */
function keptWeightsStep(
  w: Float64Array,
  g: Float64Array,
  eta: number,
  loss: KeptWeightsLoss,
  before: number,
  candidate: Float64Array,
  uNext: Float64Array,
  coef: Float64Array,
  mean: Float64Array,
): number | undefined {
  let step = eta;
  for (let h = 0; h <= MAX_HALVINGS; h++, step /= 2) {
    for (let j = 0; j < w.length; j++) candidate[j] = w[j] - step * g[j];
    const value = loss.valueAndMean(candidate, uNext, coef, mean);
    if (value <= before) return value;
  }
  return undefined;
}

/**
 * A line search along -g from w: the longest of eta, eta/2, ... (MAX_HALVINGS halvings) whose
 * point does not increase `loss` (a function of the projections X w). Fills `candidate` and
 * `uNext` (= X candidate) with it and returns its step, or undefined when none does.
 */
function searchStep(
  data: Sample,
  w: Float64Array,
  g: Float64Array,
  eta: number,
  loss: (u: Float64Array) => number,
  u: Float64Array,
  candidate: Float64Array,
  uNext: Float64Array,
): number | undefined {
  const { n, d, x } = data;
  const before = loss(u);
  let step = eta;
  for (let h = 0; h <= MAX_HALVINGS; h++, step /= 2) {
    for (let j = 0; j < d; j++) candidate[j] = w[j] - step * g[j];
    gemv(n, d, x, candidate, uNext);
    if (loss(uNext) <= before) return step;
  }
  return undefined;
}
