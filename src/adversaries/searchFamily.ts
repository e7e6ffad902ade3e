/**
 * The corruption family the black-box search (src/adversaries/search.ts) moves in: a handful
 * of continuous parameters that build a corruption of exactly floor(eps n) rows, with the
 * catalogue's constructions as special cases (each approximately, in spirit):
 * - leverage: keep 0, a large `scale` along one direction, responses from another direction;
 * - label shift / sign flip / planted model: keep 1 (the row's own covariates), responses
 *   `shift`ed, `flip`ped (-1), or from another direction b;
 * - spectral plant, covariance shift: covariates along a direction with both signs (`mix`
 *   0.5) and a `spread`, responses chosen to look like inliers.
 * Directions are mixtures of a basis the attacker has without reading the estimator's
 * internals: the estimator's answer on the clean data (one black-box call), w* (when the
 * attacker knows it, as the audit's attacker does), and two random directions.
 */
import { InputError } from '../errors.js';
import type { Link } from '../model/links.js';
import type { Sample } from '../model/sample.js';
import type { Rng } from '../rng/streams.js';
import { shuffledRows } from './helpers.js';

/** The family's parameters, in the units the search moves them in. */
export interface FamilyParams {
  /** Share of each replaced row's own covariates kept, in [0, 1]. */
  readonly keep: number;
  /** Length of the planted covariate part, in units of sqrt(d) (a typical row's norm). */
  readonly scale: number;
  /** Share of the replaced rows whose planted part points the other way, in [0, 1]. */
  readonly mix: number;
  /** Standard deviation of Gaussian noise added to each covariate of a replaced row. */
  readonly spread: number;
  /** Weights of the planted covariate direction on the basis (clean answer, w*, r1, r2). */
  readonly xDir: readonly number[];
  /** Weights of the response direction b on the same basis. */
  readonly yDir: readonly number[];
  /** |b| / |w*|. */
  readonly yNorm: number;
  /** Multiplier of phi(<x', b>) in the response, in [-1, 1]. */
  readonly flip: number;
  /** Added to every replaced response, in units of the clean responses' scale. */
  readonly shift: number;
}

/** Number of basis directions (clean answer, w*, two random ones). */
export const BASIS_SIZE = 4;
/** Length of the unconstrained vector the search optimizes over. */
export const FAMILY_DIMENSION = 7 + 2 * BASIS_SIZE;

const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

/** The ranges of the magnitudes. Bounded, so the search finds where an estimator is weak, not
 *  that a number of 1e31 moves a mean: covariates up to 30 typical row norms (the catalogue's
 *  leverage points sit at about 10), noise up to 3 per coordinate, |b| up to 10 |w*|, shifts
 *  up to 10 label scales. */
export const FAMILY_LIMITS = { scale: 30, spread: 3, yNorm: 10, shift: 10 } as const;

/** Parameters from an unconstrained vector (what the search moves): each bounded parameter
 *  through a sigmoid (or tanh) onto its range. */
export function paramsFromVector(z: readonly number[]): FamilyParams {
  if (z.length !== FAMILY_DIMENSION) throw new RangeError(`expected ${FAMILY_DIMENSION} numbers, got ${z.length}`);
  const b = BASIS_SIZE;
  const L = FAMILY_LIMITS;
  return {
    keep: sigmoid(z[0]),
    scale: L.scale * sigmoid(z[1]),
    mix: sigmoid(z[2]),
    spread: L.spread * sigmoid(z[3]),
    xDir: z.slice(4, 4 + b),
    yDir: z.slice(4 + b, 4 + 2 * b),
    yNorm: L.yNorm * sigmoid(z[4 + 2 * b]),
    flip: Math.tanh(z[5 + 2 * b]),
    shift: L.shift * Math.tanh(z[6 + 2 * b]),
  };
}

/** The unconstrained vector of `p` (inverse of {@link paramsFromVector}, clamped inside the
 *  open ranges). */
export function vectorFromParams(p: FamilyParams): number[] {
  const logit = (u: number): number => {
    const c = Math.min(1 - 1e-6, Math.max(1e-6, u));
    return Math.log(c / (1 - c));
  };
  const atanh = (u: number): number => Math.atanh(Math.min(1 - 1e-6, Math.max(-1 + 1e-6, u)));
  const L = FAMILY_LIMITS;
  return [
    logit(p.keep),
    logit(p.scale / L.scale),
    logit(p.mix),
    logit(p.spread / L.spread),
    ...p.xDir,
    ...p.yDir,
    logit(p.yNorm / L.yNorm),
    atanh(p.flip),
    atanh(p.shift / L.shift),
  ];
}

/** What a corruption of the family is built from, fixed for one search: the clean sample,
 *  the basis, the replaced rows and their per-row randomness (so that the objective is a
 *  deterministic function of the parameters). */
export interface FamilySetting {
  readonly clean: Sample;
  readonly wstar: Float64Array;
  readonly link: Link;
  /** Unit basis directions (length d each): clean answer, w*, r1, r2. */
  readonly basis: readonly Float64Array[];
  /** Every replaceable row, in the order they are taken (the first m are replaced). */
  readonly order: Int32Array;
  /** Per row: a uniform (the sign draw of `mix`) and d Gaussians (the spread). */
  readonly uniforms: Float64Array;
  readonly gaussians: Float64Array;
  /** Scale of the clean responses (the unit of `shift`). */
  readonly labelScale: number;
}

/** A family setting from the clean sample, w*, the estimator's clean answer and a stream. */
export function familySetting(clean: Sample, wstar: Float64Array, link: Link, cleanAnswer: Float64Array, rng: Rng): FamilySetting {
  const { n, d, y } = clean;
  if (wstar.length !== d) throw new InputError(`wstar has ${wstar.length} numbers but the sample has d = ${d} columns`);
  const unit = (v: Float64Array): Float64Array => {
    const r = Math.hypot(...v);
    return r > 0 ? Float64Array.from(v, (t) => t / r) : v;
  };
  const random = (): Float64Array => unit(Float64Array.from({ length: d }, () => rng.normal()));
  const basis = [unit(Float64Array.from(cleanAnswer)), unit(Float64Array.from(wstar)), random(), random()];
  const order = shuffledRows(n, rng);
  const uniforms = Float64Array.from({ length: n }, () => rng.uniform());
  const gaussians = Float64Array.from({ length: n * d }, () => rng.normal());
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i] * y[i];
  return { clean, wstar, link, basis, order, uniforms, gaussians, labelScale: Math.sqrt(s / n) || 1 };
}

/** The direction sum_k weights[k] basis[k] (not normalized), or null when all weights are 0. */
function mixture(weights: readonly number[], basis: readonly Float64Array[], d: number): Float64Array | null {
  const v = new Float64Array(d);
  for (let k = 0; k < basis.length; k++) for (let j = 0; j < d; j++) v[j] += weights[k] * basis[k][j];
  const r = Math.hypot(...v);
  if (!(r > 0)) return null;
  for (let j = 0; j < d; j++) v[j] /= r;
  return v;
}

/**
 * The family's corruption of `m` rows (the first m of the setting's order): their covariates
 * become keep x_i + (+-) scale sqrt(d) u + spread g_i, their responses
 * flip phi(<x', b>) + shift labelScale, b = yNorm |w*| (unit mixture of yDir). Every other row
 * is the clean one. Rows stay finite (a non-finite parameter is an error).
 */
export function applyFamily(setting: FamilySetting, p: FamilyParams, m: number): { sample: Sample; corrupted: Int32Array } {
  const { clean, wstar, link, basis, order, uniforms, gaussians, labelScale } = setting;
  const { n, d } = clean;
  if (!(Number.isInteger(m) && m >= 0 && m <= n)) throw new RangeError(`rows to replace must be in 0..${n}, got ${m}`);
  for (const v of [p.keep, p.scale, p.mix, p.spread, p.yNorm, p.flip, p.shift, ...p.xDir, ...p.yDir])
    if (!Number.isFinite(v)) throw new RangeError('a family parameter is not finite');
  const x = Float64Array.from(clean.x);
  const y = Float64Array.from(clean.y);
  const u = mixture(p.xDir, basis, d);
  const bDir = mixture(p.yDir, basis, d);
  const bNorm = p.yNorm * Math.hypot(...wstar);
  const planted = p.scale * Math.sqrt(d);
  const corrupted = Int32Array.from(order.subarray(0, m)).sort();
  for (const i of corrupted) {
    const sign = uniforms[i] < p.mix ? -1 : 1;
    let t = 0;
    for (let j = 0; j < d; j++) {
      const v = p.keep * clean.x[i * d + j] + (u ? sign * planted * u[j] : 0) + p.spread * gaussians[i * d + j];
      x[i * d + j] = v;
      if (bDir) t += v * bDir[j];
    }
    const yi = p.flip * link.phi(bNorm * t) + p.shift * labelScale;
    if (!Number.isFinite(yi)) throw new RangeError(`the family made a non-finite response at row ${i + 1}`);
    y[i] = yi;
  }
  return { sample: { n, d, x, y }, corrupted };
}
