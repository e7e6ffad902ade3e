import type { Link } from '../model/links.js';
import type { Sample } from '../model/sample.js';
import { gemv } from '../kernels/gemv.js';
import { gemvT } from '../kernels/gemvT.js';
import { selectInPlace } from '../kernels/select.js';
import { DampedNormalSystem } from './dampedNormalSolve.js';
import { fillValues, fillValuesAndSlopes } from '../model/linkRanges.js';

/**
 * The trimmed refinement of the hardened solver (`robust`; the paper's pipeline alone is
 * `paper`): least trimmed squares for the single-index model, minimized by concentration
 * steps from a start. The trimmed loss of w is
 *
 *   T(w) = (1 / h) * sum of the h smallest (y_i - phi(<w, x_i>))^2,  h = n - ceil(2 eps n).
 *
 * Why it withstands an adaptive adversary where the filtered gradient does not: at w* the h
 * kept residuals are noise, so T(w*) is about sigma^2, whatever the eps n corrupted rows hold;
 * a w far from w* leaves a residual of order |phi(<w, x>) - phi(<w*, x>)| on most of the
 * (1 - 2 eps) n clean rows it must keep, whatever the corrupted rows hold. The corrupted rows
 * can only win a kept place by fitting w as well as a clean row does, so they cannot move
 * the minimizer by more than their share of the clean residual scale. The gradient filter
 * bounds the bias of each step by sqrt(eps) times the clean gradients' spread, which far
 * from w* is of order |w*|: an adversary that aims its rows' gradients just inside that
 * spread steers every step (the black-box search finds such rows).
 *
 * h trims 2 eps n rows, not eps n: then at least eps n of the trimmed rows are clean, so a
 * corrupted row is kept only while its residual is below the clean residuals' (1 - eps / (1 -
 * eps)) quantile (the filter's removal budget is 2 eps n for the same reason).
 *
 * One concentration step: keep the h rows of smallest residual at w, then one damped
 * Gauss-Newton (Levenberg-Marquardt) step on their squared loss, accepted only if that loss
 * does not increase; T cannot increase either, since T(w') <= the kept rows' loss at w' <=
 * their loss at w = T(w). The steps stop when a step moves w by less than `tolerance`
 * (relative) or T stops falling. The damped system sum_kept phi'(u_i)^2 x_i x_i^T + shift I
 * is solved by src/solver/dampedNormalSolve.ts (formed at small d, conjugate gradients above).
 */

/** Rows kept by the trimmed loss: n - ceil(2 eps n) (at least d + 1). */
export function trimmedKeep(n: number, d: number, eps: number): number {
  return Math.max(d + 1, n - Math.ceil(2 * eps * n));
}

/** Options of {@link trimmedRefine}. */
export interface TrimmedRefineOptions {
  readonly keep: number;
  /** Concentration steps at most. */
  readonly maxSteps?: number;
  /** Stop once a step moves w by less than tolerance * max(1, |w|). */
  readonly tolerance?: number;
  /**
   * Rows with weight 0 here are never kept (the spectral start's covariate-filter weights):
   * a row whose covariates the filter found outlying is a leverage row, and on a bounded link
   * its residual can be small at a wrong w, so trimming by residual alone may keep it.
   */
  readonly exclude?: Float64Array;
}

/** The refined point, its trimmed loss and the steps taken. */
export interface TrimmedRefineResult {
  readonly w: Float64Array;
  readonly loss: number;
  readonly steps: number;
}

/** Concentration steps at most (every fit seen in the solver issue's table converged in 3-40). */
export const TRIMMED_MAX_STEPS = 100;
/** Relative step length below which the concentration steps stop (as the descent's). */
export const TRIMMED_TOLERANCE = 1e-7;
/** Damping tries per step: the damping grows tenfold per try from its last accepted value. */
const DAMPING_TRIES = 12;

/**
 * The squared residuals r2_i = (y_i - phi(<w, x_i>))^2 of every row into `r2` (u = X w into
 * `u`), in one pass.
 */
function squaredResiduals(
  data: Sample,
  link: Link,
  w: Float64Array,
  u: Float64Array,
  r2: Float64Array,
  exclude: Float64Array | undefined,
): void {
  gemv(data.n, data.d, data.x, w, u);
  const { y } = data;
  fillValues(link, u, 0, data.n, r2); // phi(u_i), then the squared residual in place
  for (let i = 0; i < data.n; i++) {
    const e = y[i] - r2[i];
    // a row the covariate filter removed is never kept (its residual reads as infinite)
    r2[i] = exclude && exclude[i] === 0 ? Infinity : e * e;
  }
}

/** Marks in `kept` (1/0) the `keep` rows of smallest r2 (ties: lower index first) and returns
 *  their mean. `scratch` (length n) is overwritten. */
function keepSmallest(r2: Float64Array, keep: number, kept: Uint8Array, scratch: Float64Array): number {
  const n = r2.length;
  scratch.set(r2);
  const t = selectInPlace(scratch, keep - 1);
  let count = 0,
    sum = 0;
  for (let i = 0; i < n; i++) {
    const k = r2[i] < t ? 1 : 0;
    kept[i] = k;
    if (k) {
      count++;
      sum += r2[i];
    }
  }
  for (let i = 0; i < n && count < keep; i++)
    if (r2[i] === t && !kept[i]) {
      kept[i] = 1;
      count++;
      sum += r2[i];
    }
  return sum / keep;
}

/**
 * The trimmed loss T(w) and its standard error: the standard deviation of the kept squared
 * residuals over sqrt(keep). Rows with `exclude[i] === 0` are never kept.
 */
export function trimmedLossWithError(
  data: Sample,
  link: Link,
  w: Float64Array,
  keep: number,
  exclude?: Float64Array,
): { loss: number; standardError: number } {
  const r2 = new Float64Array(data.n);
  const kept = new Uint8Array(data.n);
  squaredResiduals(data, link, w, new Float64Array(data.n), r2, exclude);
  const loss = keepSmallest(r2, keep, kept, new Float64Array(data.n));
  let ss = 0;
  for (let i = 0; i < data.n; i++) if (kept[i]) ss += (r2[i] - loss) * (r2[i] - loss);
  return { loss, standardError: Math.sqrt(ss / Math.max(1, keep - 1) / keep) };
}

/** The trimmed loss T(w) (see the module comment); rows with `exclude[i] === 0` are never kept. */
export function trimmedLoss(data: Sample, link: Link, w: Float64Array, keep: number, exclude?: Float64Array): number {
  return trimmedLossWithError(data, link, w, keep, exclude).loss;
}

/**
 * Concentration steps on the trimmed loss from `w0` (see the module comment). Deterministic;
 * equivariant under rotations of the covariates (Gauss-Newton and a damping proportional to
 * the identity are) and, with ties broken by row index, a function of the rows' order only
 * through ties.
 */
export function trimmedRefine(data: Sample, link: Link, w0: Float64Array, opts: TrimmedRefineOptions): TrimmedRefineResult {
  const { n, d, x, y } = data;
  const keep = opts.keep;
  const maxSteps = opts.maxSteps ?? TRIMMED_MAX_STEPS;
  const tol = opts.tolerance ?? TRIMMED_TOLERANCE;
  const w = Float64Array.from(w0);
  const candidate = new Float64Array(d);
  const u = new Float64Array(n);
  // squared residuals at w, then at each trial point (the kept set is read from the accepted one)
  const r2 = new Float64Array(n);
  const uNext = new Float64Array(n);
  const kept = new Uint8Array(n);
  const scratch = new Float64Array(n);
  const slope = new Float64Array(n);
  const mask = new Float64Array(n);
  const coef = new Float64Array(n);
  const grad = new Float64Array(d);
  const step = new Float64Array(d);
  const system = new DampedNormalSystem(n, d, x);
  squaredResiduals(data, link, w, u, r2, opts.exclude);
  let loss = keepSmallest(r2, keep, kept, scratch);
  if (!Number.isFinite(loss)) return { w, loss, steps: 0 };
  let damping = 1e-6;
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    // the kept rows' gradient J^T r and the Gauss-Newton weights phi'(u_i)^2 (slope_i^2)
    const keptLoss = keptResiduals(link, y, u, kept, slope, mask, coef);
    gemvT(n, d, x, coef, grad);
    const trace = system.set(slope, mask);
    if (!(trace > 0)) break; // no kept row has a slope (relu with every kept row dead)
    let accepted = false;
    for (let attempt = 0; attempt < DAMPING_TRIES; attempt++, damping *= 10) {
      const shift = (damping * trace) / d;
      system.solve(shift, grad, step);
      for (let j = 0; j < d; j++) candidate[j] = w[j] + step[j];
      squaredResiduals(data, link, candidate, uNext, r2, opts.exclude);
      let next = 0;
      for (let i = 0; i < n; i++) if (kept[i]) next += r2[i];
      if (next <= keptLoss) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    damping = Math.max(damping / 10, 1e-9);
    let stepSq = 0,
      wSq = 0;
    for (let j = 0; j < d; j++) {
      stepSq += step[j] * step[j];
      wSq += candidate[j] * candidate[j];
    }
    const nextLoss = keepSmallest(r2, keep, kept, scratch);
    w.set(candidate);
    u.set(uNext);
    const fell = nextLoss < loss;
    loss = Math.min(loss, nextLoss);
    if (Math.sqrt(stepSq) <= tol * Math.max(1, Math.sqrt(wSq)) || !fell) {
      steps++;
      break;
    }
  }
  return { w, loss, steps };
}

/**
 * On the kept rows, at projections u: slope_i = phi'(u_i), mask_i = 1 and coef_i = slope_i e_i
 * (e_i = y_i - phi(u_i)); elsewhere all three 0. Returns the kept rows' sum of e_i^2.
 */
function keptResiduals(
  link: Link,
  y: Float64Array,
  u: Float64Array,
  kept: Uint8Array,
  slope: Float64Array,
  mask: Float64Array,
  coef: Float64Array,
): number {
  let keptLoss = 0;
  // phi into coef and phi' into slope for every row (the link's own loop, cheaper than a call
  // per kept row), then each kept row's factors from them
  fillValuesAndSlopes(link, u, 0, u.length, coef, slope);
  for (let i = 0; i < u.length; i++) {
    if (kept[i]) {
      const e = y[i] - coef[i];
      const p = slope[i];
      mask[i] = 1;
      coef[i] = p * e;
      keptLoss += e * e;
    } else {
      slope[i] = 0;
      mask[i] = 0;
      coef[i] = 0;
    }
  }
  return keptLoss;
}
