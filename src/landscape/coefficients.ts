import type { Link } from '../model/links.js';
import { normalCdf } from '../model/links.js';
import { normalRule } from '../numeric/normalIntegral.js';

/** E[g(Z)], Z ~ N(0,1), with panels broken at `breaks`. */
function expect1(g: (z: number) => number, breaks: readonly number[]): number {
  const { nodes, weights } = normalRule(breaks);
  let t = 0;
  for (let i = 0; i < nodes.length; i++) t += weights[i] * g(nodes[i]);
  return t;
}

const HERMITE = [
  (_z: number) => 1,
  (z: number) => z,
  (z: number) => z * z - 1,
  (z: number) => z * z * z - 3 * z,
  (z: number) => z ** 4 - 6 * z * z + 3,
];

/**
 * Hermite coefficients c_k = E[f(Z) He_k(Z)] / sqrt(k!), k = 0..4, of f(z) = phi(s z) (the
 * link at the scale |w*| = s) in the orthonormal probabilists' basis, so f = sum c_k He_k / sqrt(k!)
 * and E[f^2] = sum c_k^2. c_1 is E[y <x, w* / s>]; c_2 drives the spectral spike.
 */
export function hermiteCoefficients(link: Link, s: number): number[] {
  const breaks = link.kinks.map((k) => k / s);
  const fact = [1, 1, 2, 6, 24];
  return HERMITE.map((he, k) => expect1((z) => link.phi(s * z) * he(z), breaks) / Math.sqrt(fact[k]));
}

/** Points z in [-9, 9] where |phi(s z)| = level (grid scan then bisection). */
function levelCrossings(link: Link, s: number, level: number): number[] {
  const g = (z: number): number => Math.abs(link.phi(s * z)) - level;
  const out: number[] = [];
  const h = 0.005;
  let z0 = -9,
    g0 = g(z0);
  for (let z = -9 + h; z <= 9 + 1e-12; z += h) {
    const g1 = g(z);
    if (g0 <= 0 !== g1 <= 0) {
      let lo = z - h,
        hi = z;
      for (let it = 0; it < 60; it++) {
        const m = 0.5 * (lo + hi);
        if (g(m) <= 0 === g0 <= 0) lo = m;
        else hi = m;
      }
      out.push(0.5 * (lo + hi));
    }
    z0 = z;
    g0 = g1;
  }
  return out;
}

/** P(|phi(s Z)| <= level), exactly up to the crossings' precision. */
function probBelow(link: Link, s: number, level: number): number {
  const cuts = [-Infinity, ...levelCrossings(link, s, level), Infinity];
  let p = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i],
      b = cuts[i + 1];
    const mid = Number.isFinite(a) && Number.isFinite(b) ? 0.5 * (a + b) : Number.isFinite(a) ? a + 1 : b - 1;
    if (Math.abs(link.phi(s * mid)) <= level) p += normalCdf(b) - normalCdf(a);
  }
  return p;
}

/** The q-quantile of |phi(s Z)| (noise-free labels), by bisection on the exact CDF. */
export function labelQuantile(link: Link, s: number, q: number): number {
  let lo = 0,
    hi = 1;
  while (probBelow(link, s, hi) < q) hi *= 2;
  for (let it = 0; it < 80; it++) {
    const m = 0.5 * (lo + hi);
    if (probBelow(link, s, m) < q) lo = m;
    else hi = m;
  }
  return 0.5 * (lo + hi);
}

/** The coefficients of E[T(y) x x^T] = a I + b w* w*^T / |w*|^2 for noise-free labels. */
export interface SpectralCoefficients {
  readonly a: number;
  readonly b: number;
  /** The truncation level tau of T(y) = min(y^2, tau^2) (Infinity: no truncation). */
  readonly tau: number;
}

/**
 * a = E[T(f(Z))], b = E[T(f(Z)) (Z^2 - 1)] for f(z) = phi(s z) (Stein: the spike of the spectral
 * matrix), for T(y) = min(y^2, tau^2). With tau = Infinity, b = 2 E[f'^2 + f f''] = 2 ESC.
 */
export function spectralCoefficients(link: Link, s: number, tau = Infinity): SpectralCoefficients {
  const breaks = [...link.kinks.map((k) => k / s), ...(Number.isFinite(tau) ? levelCrossings(link, s, tau) : [])];
  const T = (z: number): number => Math.min(link.phi(s * z) ** 2, tau * tau);
  return { a: expect1(T, breaks), b: expect1((z) => T(z) * (z * z - 1), breaks), tau };
}
