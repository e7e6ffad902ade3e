import { InputError } from '../../errors.js';
import { checkSigma } from '../../model/inputChecks.js';
import { normalRule } from '../../numeric/normalIntegral.js';
import { getLink, type Link } from '../../model/links.js';
import type { Preprocess } from './preprocess.js';

/**
 * The models of seed 003: y = f(G) (+ sigma eps), G = <w*, x> ~ N(0, 1), |w*| = 1:
 * `phase` f(g) = g^2, `abs` f(g) = |g|, or any link of the catalogue (e.g. `gelu`).
 */
export interface LabelLaw {
  readonly name: string;
  f(g: number): number;
  readonly sigma: number;
}

/** The label law by name (`phase`, `abs`, or a link name) and noise level. */
export function labelLaw(model: string, sigma = 0): LabelLaw {
  checkSigma(sigma);
  if (model === 'phase') return { name: model, f: (g) => g * g, sigma };
  if (model === 'abs') return { name: model, f: (g) => Math.abs(g), sigma };
  let link: Link;
  try {
    link = getLink(model);
  } catch {
    throw new InputError(`unknown model "${model}" (known: phase, abs, or a link name)`);
  }
  return { name: model, f: (g) => link.phi(g), sigma };
}

/** Points g in [-9, 9] where f(g) = t (sign changes on a fine grid, then bisection). */
function roots(f: (g: number) => number, t: number): number[] {
  const out: number[] = [];
  const N = 3600;
  let g0 = -9,
    v0 = f(g0) - t;
  for (let k = 1; k <= N; k++) {
    const g1 = -9 + (18 * k) / N,
      v1 = f(g1) - t;
    if (v0 === 0) out.push(g0);
    else if (v0 * v1 < 0) {
      let a = g0,
        b = g1;
      for (let it = 0; it < 60; it++) {
        const m = 0.5 * (a + b);
        if ((f(m) - t) * v0 > 0) a = m;
        else b = m;
      }
      out.push(0.5 * (a + b));
    }
    g0 = g1;
    v0 = v1;
  }
  return out;
}

/**
 * E[h(G, Z)] with Z = T(Y): an exact panel rule in g broken where T(f(g)) jumps (noiseless),
 * or a tensor rule over (g, eps) broken in eps where f(g) + sigma eps crosses a break of T.
 */
const rules = new WeakMap<LabelLaw, Map<string, { nodes: Float64Array; weights: Float64Array }>>();

/** The noiseless rule for (law, T), built once: finding the breaks scans f on a fine grid. */
function noiselessRule(law: LabelLaw, pre: Preprocess): { nodes: Float64Array; weights: Float64Array } {
  let byPre = rules.get(law);
  if (!byPre) {
    byPre = new Map();
    rules.set(law, byPre);
  }
  let rule = byPre.get(pre.name);
  if (!rule) {
    rule = normalRule(pre.breaks.flatMap((t) => roots(law.f, t)));
    byPre.set(pre.name, rule);
  }
  return rule;
}

function expectation(law: LabelLaw, pre: Preprocess, h: (g: number, z: number) => number): number {
  if (law.sigma === 0) {
    const rule = noiselessRule(law, pre);
    let s = 0;
    for (let k = 0; k < rule.nodes.length; k++) s += rule.weights[k] * h(rule.nodes[k], pre.T(law.f(rule.nodes[k])));
    return s;
  }
  const outer = normalRule([]);
  let s = 0;
  for (let i = 0; i < outer.nodes.length; i++) {
    const g = outer.nodes[i],
      y0 = law.f(g);
    const inner = normalRule(pre.breaks.map((t) => (t - y0) / law.sigma));
    let a = 0;
    for (let k = 0; k < inner.nodes.length; k++) a += inner.weights[k] * h(g, pre.T(y0 + law.sigma * inner.nodes[k]));
    s += outer.weights[i] * a;
  }
  return s;
}

/** The limit of the spectral estimator at n / d = alpha, and the quantities it comes from. */
export interface OverlapLimit {
  /** lim <w0, w*>^2 (|w*| = 1, |w0| = 1). */
  readonly rho2: number;
  /** The solution of zeta(lambda) = phi(lambda) (NaN when there is none). */
  readonly lambdaStar: number;
  /** argmin of psi over lambda > tau. */
  readonly lambdaBar: number;
  /** The limit of the top eigenvalue of D = (1/n) sum T(y_i) x_i x_i^T. */
  readonly topEigenvalue: number;
}

/**
 * The closed form of Lu and Li (2017), as stated by Mondelli and Montanari (2017, Lemma 2),
 * for D = (1/n) sum_i T(y_i) x_i x_i^T, x_i ~ N(0, I_d), n / d = alpha, Z = T(Y) <= tau:
 *   phi(l) = l E[Z G^2 / (l - Z)],   psi(l) = l (1/alpha + E[Z / (l - Z)]),
 *   lbar = argmin_{l > tau} psi(l),  zeta(l) = psi(max(l, lbar)),
 *   l* solves zeta(l) = phi(l) on (tau, inf);
 * then <w0, w*>^2 -> psi'(l*) / (psi'(l*) - phi'(l*)) when psi'(l*) > 0 (l* > lbar), else 0.
 * psi is convex (psi'(l) = 1/alpha - E[Z^2/(l - Z)^2] increases), so lbar is found by bisection
 * on psi'; l* by a log-spaced scan from tau for the sign change of zeta - phi, then bisection.
 */
export function overlapLimit(law: LabelLaw, pre: Preprocess, alpha: number): OverlapLimit {
  if (!(Number.isFinite(alpha) && alpha > 0)) throw new InputError(`alpha must be a finite number > 0, got ${alpha}`);
  if (pre.name === 'optimal' && (law.sigma > 0 || law.name !== 'phase'))
    throw new InputError('optimal preprocessing T(y) = 1 - 1/y is for noiseless phase retrieval (y > 0); use clip, trim or indicator');
  const tau = pre.sup;
  const E = (h: (g: number, z: number) => number): number => expectation(law, pre, h);
  const psi = (l: number): number => l * (1 / alpha + E((_, z) => z / (l - z)));
  const dpsi = (l: number): number => 1 / alpha - E((_, z) => (z / (l - z)) ** 2);
  const phi = (l: number): number => l * E((g, z) => (z * g * g) / (l - z));
  const dphi = (l: number): number => -E((g, z) => ((z * g) / (l - z)) ** 2);
  const scale = Math.max(1, Math.abs(tau));
  const at = (k: number): number => tau + scale * 10 ** (k / 4);
  // lbar: psi' < 0 just above tau and > 0 far away (or >= 0 everywhere: lbar = tau)
  let lbar = tau;
  if (dpsi(at(-48)) < 0) {
    let lo = at(-48),
      hi = at(-48);
    for (let k = -47; k <= 40 && dpsi(hi) < 0; k++) {
      lo = hi;
      hi = at(k);
    }
    for (let it = 0; it < 80; it++) {
      const m = 0.5 * (lo + hi);
      if (dpsi(m) < 0) lo = m;
      else hi = m;
    }
    lbar = 0.5 * (lo + hi);
  }
  const zeta = (l: number): number => psi(Math.max(l, lbar));
  const h = (l: number): number => zeta(l) - phi(l);
  let lo = NaN,
    hi = NaN;
  let prev = at(-48),
    hprev = h(prev);
  for (let k = -47; k <= 40; k++) {
    const l = at(k),
      hl = h(l);
    if (hprev < 0 && hl >= 0) {
      lo = prev;
      hi = l;
      break;
    }
    prev = l;
    hprev = hl;
  }
  if (Number.isNaN(lo)) return { rho2: 0, lambdaStar: NaN, lambdaBar: lbar, topEigenvalue: zeta(lbar) };
  for (let it = 0; it < 80; it++) {
    const m = 0.5 * (lo + hi);
    if (h(m) < 0) lo = m;
    else hi = m;
  }
  const ls = 0.5 * (lo + hi);
  const dp = dpsi(ls);
  const rho2 = ls > lbar && dp > 0 ? dp / (dp - dphi(ls)) : 0;
  return { rho2, lambdaStar: ls, lambdaBar: lbar, topEigenvalue: zeta(ls) };
}

/**
 * The weak-recovery threshold alpha_c(T): the smallest alpha with a positive limiting overlap,
 * by bisection on alpha in [lo, hi] (the overlap is 0 below it and positive above).
 */
export function weakRecoveryThreshold(law: LabelLaw, pre: Preprocess, lo = 0.01, hi = 50): number {
  if (overlapLimit(law, pre, hi).rho2 <= 0) return Infinity;
  if (overlapLimit(law, pre, lo).rho2 > 0) return lo;
  for (let it = 0; it < 40; it++) {
    const m = Math.sqrt(lo * hi);
    if (overlapLimit(law, pre, m).rho2 > 0) hi = m;
    else lo = m;
  }
  return Math.sqrt(lo * hi);
}
