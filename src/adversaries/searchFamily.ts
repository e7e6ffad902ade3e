/**
 * The corruption family the black-box search (src/adversaries/search.ts) moves in: a handful
 * of continuous parameters that build a corruption of exactly floor(eps n) rows, with the
 * catalogue's constructions as special cases (each approximately, in spirit):
 * - leverage: keep 0, a large `scale` along one direction, responses from another direction;
 * - label shift / sign flip / planted model: keep 1 (the row's own covariates), responses
 *   `shift`ed, `flip`ped (-1), or from another direction b;
 * - spectral plant: covariates along a direction with both signs (`mix` 0.5) and a `spread`,
 *   responses chosen to look like inliers;
 * - covariance shift, exactly: keep 1, the rows of largest leverage along a direction u
 *   (`lever` 1), responses `aim`ed so that each replaced row's squared-loss gradient at the
 *   clean answer has component `strength` s_u / sqrt(m / n) along u (s_u: the clean gradients'
 *   spread along u). It needs the clean answer (one black-box call) and the link, not the
 *   estimator's internals.
 * Directions are mixtures of a basis the attacker has without reading the estimator's
 * internals: the estimator's answer on the clean data (one black-box call), w* (when the
 * attacker knows it, as the audit's attacker does), and two random directions.
 */
import { InputError } from '../errors.js';
import type { Link } from '../model/links.js';
import type { Sample } from '../model/sample.js';
import type { Rng } from '../rng/streams.js';
import { rowDot, shuffledRows } from './helpers.js';

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
  /** Which rows are replaced, in [0, 1]: 0 the setting's random order, 1 the rows of largest
   *  leverage |phi'(<a, x_i>) <u, x_i>| along the planted direction u at the clean answer a;
   *  between, ranked by the blend of the two ranks. */
  readonly lever: number;
  /** Share of each replaced response aimed at the gradient target, in [0, 1]: the response
   *  is (1 - aim) (flip phi(<x', b>) + shift) + aim (phi(<a, x'>) - offset), the offset
   *  making the row's gradient component along u equal `strength` s_u / sqrt(m / n). */
  readonly aim: number;
  /** The gradient target, in units of s_u / sqrt(m / n) (covariance shift: 1). */
  readonly strength: number;
}

/** Number of basis directions (clean answer, w*, two random ones). */
export const BASIS_SIZE = 4;
/** Length of the unconstrained vector the search optimizes over. */
export const FAMILY_DIMENSION = 10 + 2 * BASIS_SIZE;

const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

/** The ranges of the magnitudes. Bounded, so the search finds where an estimator is weak, not
 *  that a number of 1e31 moves a mean: covariates up to 30 typical row norms (the catalogue's
 *  leverage points sit at about 10), noise up to 3 per coordinate, |b| up to 10 |w*|, shifts
 *  up to 10 label scales (also the largest offset an aimed response may take), gradient targets
 *  up to 3 times the covariance shift's. */
export const FAMILY_LIMITS = { scale: 30, spread: 3, yNorm: 10, shift: 10, strength: 3 } as const;

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
    lever: sigmoid(z[7 + 2 * b]),
    aim: sigmoid(z[8 + 2 * b]),
    strength: L.strength * sigmoid(z[9 + 2 * b]),
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
    logit(p.lever),
    logit(p.aim),
    logit(p.strength / L.strength),
  ];
}

/** What a corruption of the family is built from, fixed for one search: the clean sample,
 *  the basis, the replaced rows and their per-row randomness (so that the objective is a
 *  deterministic function of the parameters). */
export interface FamilySetting {
  readonly clean: Sample;
  readonly wstar: Float64Array;
  readonly link: Link;
  /** The estimator's answer on the clean sample (where aimed gradients are computed). */
  readonly answer: Float64Array;
  /** Unit basis directions (length d each): clean answer, w*, and two random directions
   *  orthogonal to both and to each other (a direction the answer's gradient field is free
   *  along, as the covariance shift's u). */
  readonly basis: readonly Float64Array[];
  /** Every replaceable row, in the order they are taken (the first m are replaced) when
   *  `lever` is 0. */
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
  const first = [unit(Float64Array.from(cleanAnswer)), unit(Float64Array.from(wstar))];
  // an orthonormal set grown by Gram-Schmidt: each random direction is drawn, then made
  // orthogonal to every direction before it
  const ortho: Float64Array[] = [];
  const grow = (v: Float64Array): Float64Array => {
    const q = Float64Array.from(v);
    for (const b of ortho) {
      const c = q.reduce((a, t, j) => a + t * b[j], 0);
      for (let j = 0; j < d; j++) q[j] -= c * b[j];
    }
    const u = unit(q);
    // a direction (numerically) inside the span so far adds nothing to it
    if (Math.hypot(...q) > 1e-9 * Math.max(1, Math.hypot(...v))) ortho.push(u);
    return u;
  };
  for (const b of first) grow(b);
  const random = (): Float64Array => grow(Float64Array.from({ length: d }, () => rng.normal()));
  const basis = [...first, random(), random()];
  const order = shuffledRows(n, rng);
  const uniforms = Float64Array.from({ length: n }, () => rng.uniform());
  const gaussians = Float64Array.from({ length: n * d }, () => rng.normal());
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i] * y[i];
  return {
    clean,
    wstar,
    link,
    answer: Float64Array.from(cleanAnswer),
    basis,
    order,
    uniforms,
    gaussians,
    labelScale: Math.sqrt(s / n) || 1,
  };
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
 * The family's corruption of `m` rows (the first m of the setting's order, or by leverage:
 * `lever`): their covariates become keep x_i + (+-) scale sqrt(d) u + spread g_i, their
 * responses flip phi(<x', b>) + shift labelScale, b = yNorm |w*| (unit mixture of yDir),
 * blended with the aimed response (`aim`). Every other row is the clean one. Rows stay finite
 * (a non-finite parameter is an error).
 */
export function applyFamily(setting: FamilySetting, p: FamilyParams, m: number): { sample: Sample; corrupted: Int32Array } {
  const { clean, wstar, link, basis, uniforms, gaussians, labelScale } = setting;
  const { n, d } = clean;
  if (!(Number.isInteger(m) && m >= 0 && m <= n)) throw new RangeError(`rows to replace must be in 0..${n}, got ${m}`);
  for (const v of [p.keep, p.scale, p.mix, p.spread, p.yNorm, p.flip, p.shift, p.lever, p.aim, p.strength, ...p.xDir, ...p.yDir])
    if (!Number.isFinite(v)) throw new RangeError('a family parameter is not finite');
  const x = Float64Array.from(clean.x);
  const y = Float64Array.from(clean.y);
  const u = mixture(p.xDir, basis, d);
  const bDir = mixture(p.yDir, basis, d);
  const bNorm = p.yNorm * Math.hypot(...wstar);
  const planted = p.scale * Math.sqrt(d);
  // the clean rows' projections on the answer and on u, which aiming and leverage both read
  const projections = u !== null && ((p.aim > 0 && m > 0) || p.lever > 0) ? cleanProjections(setting, u) : null;
  const aimed = p.aim > 0 && projections !== null && m > 0 ? aimedGradient(setting, projections, p.strength, m) : null;
  const corrupted = Int32Array.from(replacedRows(setting, projections, p.lever, m)).sort();
  const cap = FAMILY_LIMITS.shift * labelScale;
  for (const i of corrupted) {
    const sign = uniforms[i] < p.mix ? -1 : 1;
    let t = 0,
      za = 0,
      zu = 0;
    for (let j = 0; j < d; j++) {
      const v = p.keep * clean.x[i * d + j] + (u ? sign * planted * u[j] : 0) + p.spread * gaussians[i * d + j];
      x[i * d + j] = v;
      if (bDir) t += v * bDir[j];
      if (aimed) {
        za += v * setting.answer[j];
        zu += v * (u as Float64Array)[j];
      }
    }
    let yi = p.flip * link.phi(bNorm * t) + p.shift * labelScale;
    if (aimed) {
      // 2 (phi(za) - y) phi'(za) zu = target  =>  y = phi(za) - target / (2 phi'(za) zu),
      // the offset bounded like a shift (a row with no leverage along u cannot carry it)
      const g = 2 * link.dphi(za) * zu;
      const offset = Math.max(-cap, Math.min(cap, g !== 0 ? aimed.target / g : cap));
      yi = (1 - p.aim) * yi + p.aim * (link.phi(za) - offset);
    }
    if (!Number.isFinite(yi)) throw new RangeError(`the family made a non-finite response at row ${i + 1}`);
    y[i] = yi;
  }
  return { sample: { n, d, x, y }, corrupted };
}

/** Each clean row's projection on the clean answer a and on the direction u. */
interface CleanProjections {
  readonly onAnswer: Float64Array;
  readonly onU: Float64Array;
}

function cleanProjections(setting: FamilySetting, u: Float64Array): CleanProjections {
  const { clean, answer } = setting;
  const onAnswer = new Float64Array(clean.n);
  const onU = new Float64Array(clean.n);
  for (let i = 0; i < clean.n; i++) {
    onAnswer[i] = rowDot(clean, i, answer);
    onU[i] = rowDot(clean, i, u);
  }
  return { onAnswer, onU };
}

/** The aimed gradient component: strength s_u / sqrt(m / n), s_u the root mean square of the
 *  clean rows' squared-loss gradient components 2 (phi(<a, x_i>) - y_i) phi'(<a, x_i>) <u, x_i>
 *  along u at the clean answer a. */
function aimedGradient(setting: FamilySetting, z: CleanProjections, strength: number, m: number): { readonly target: number } {
  const { clean, link } = setting;
  const { n, y } = clean;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const g = 2 * (link.phi(z.onAnswer[i]) - y[i]) * link.dphi(z.onAnswer[i]) * z.onU[i];
    ss += g * g;
  }
  const spread = Math.sqrt(ss / n) || 1e-3;
  return { target: (strength * spread) / Math.sqrt(m / n) };
}

/** The m rows replaced: the first m of the setting's order when `lever` is 0 (or there is no
 *  direction u); otherwise the m best by (1 - lever) (place in that order) + lever (leverage
 *  |phi'(<a, x_i>) <u, x_i>| rank along u at the clean answer a), both ranks scaled to [0, 1],
 *  ties by the order. */
function replacedRows(setting: FamilySetting, z: CleanProjections | null, lever: number, m: number): Int32Array {
  const { clean, link, order } = setting;
  const n = clean.n;
  if (!(lever > 0) || z === null) return order.subarray(0, m);
  const leverage = Float64Array.from(z.onAnswer, (za, i) => Math.abs(link.dphi(za) * z.onU[i]));
  const byLeverage = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => leverage[b] - leverage[a] || a - b);
  const score = new Float64Array(n);
  const scale = Math.max(1, n - 1);
  for (let k = 0; k < n; k++) {
    score[order[k]] += (1 - lever) * (1 - k / scale);
    score[byLeverage[k]] += lever * (1 - k / scale);
  }
  const place = new Int32Array(n);
  for (let k = 0; k < n; k++) place[order[k]] = k;
  return Int32Array.from(order)
    .sort((a, b) => score[b] - score[a] || place[a] - place[b])
    .subarray(0, m);
}
