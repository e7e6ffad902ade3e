import type { Link } from '../model/links.js';
import { normalRule, HERMITE_ORDER } from '../numeric/normalIntegral.js';
import { gaussHermite } from '../numeric/gaussHermite.js';

/**
 * Exact population quantities of L(w) = E[(phi(<w,x>) - y)^2], y = phi(<w*,x>) + xi, x ~ N(0, I_d),
 * xi independent with mean 0 and variance sigma^2. Everything depends on x only through
 * (<w,x>, <w*,x>), so we work in the plane of (w, w*): w* = s e1 (s > 0), w = a e1 + b e2.
 * In the rotated frame z1 = <x, w/|w|>, z2 = <x, w_perp> (iid N(0, 1)):
 *   u = |w| z1,  v = s (c z1 + q z2),  c = a/|w|, q = -b/|w|.
 *
 * Quadrature (`method`):
 * - 'panels' (default): composite Gauss-Legendre panels broken at the kinks of the integrand
 *   in z1 (where u hits a kink of phi) and, for each z1, in z2 (where v does); about 1e-12.
 * - 'hermite': tensor Gauss-Hermite (64 x 64), the rule SPEC section 4 names. It is exact for
 *   polynomials and fast, but converges slowly across kinks and for links whose analytic
 *   continuation has poles near the real axis: for tanh at |w*| = 2 (poles of tanh(2z) at
 *   +-i pi/4) it misses lambda_min(H(w*)) by 2%. Kept as the independent cross-check.
 */
export type QuadratureMethod = 'panels' | 'hermite';

interface Frame {
  readonly norm: number;
  readonly w1: readonly [number, number];
  readonly w2: readonly [number, number];
  readonly c: number;
  readonly q: number;
}

function frame(a: number, b: number): Frame {
  const norm = Math.hypot(a, b);
  if (norm === 0) return { norm, w1: [1, 0], w2: [0, 1], c: 1, q: 0 };
  return { norm, w1: [a / norm, b / norm], w2: [-b / norm, a / norm], c: a / norm, q: -b / norm };
}

/**
 * Visit the quadrature nodes: `outer(z1)` once per z1 node (for the u-dependent factors, so
 * they are evaluated once, not once per z2), then `inner(z2, v, weight)` per z2 node.
 */
function sweep(
  link: Link,
  f: Frame,
  s: number,
  method: QuadratureMethod,
  outer: (z1: number) => void,
  inner: (z1: number, z2: number, v: number, weight: number) => void,
): void {
  if (method === 'hermite') {
    const { nodes, weights } = gaussHermite(HERMITE_ORDER);
    for (let i = 0; i < nodes.length; i++) {
      outer(nodes[i]);
      for (let k = 0; k < nodes.length; k++) inner(nodes[i], nodes[k], s * (f.c * nodes[i] + f.q * nodes[k]), weights[i] * weights[k]);
    }
    return;
  }
  const r1 = normalRule(f.norm > 0 ? link.kinks.map((k) => k / f.norm) : []);
  const smooth = normalRule([]);
  for (let i = 0; i < r1.nodes.length; i++) {
    const z1 = r1.nodes[i];
    outer(z1);
    const r2 = f.q !== 0 && link.kinks.length > 0 ? normalRule(link.kinks.map((k) => (k / s - f.c * z1) / f.q)) : smooth;
    for (let k = 0; k < r2.nodes.length; k++) inner(z1, r2.nodes[k], s * (f.c * z1 + f.q * r2.nodes[k]), r1.weights[i] * r2.weights[k]);
  }
}

/** L(w) (including the irreducible sigma^2). */
export function populationLoss(link: Link, a: number, b: number, s: number, sigma = 0, method: QuadratureMethod = 'panels'): number {
  const f = frame(a, b);
  let pu = 0,
    acc = 0;
  sweep(
    link,
    f,
    s,
    method,
    (z1) => {
      pu = link.phi(f.norm * z1);
    },
    (_z1, _z2, v, w) => {
      const r = pu - link.phi(v);
      acc += w * r * r;
    },
  );
  return acc + sigma * sigma;
}

/** grad L(w) = 2 E[(phi(u) - phi(v)) phi'(u) x], as (d/da, d/db); zero off the plane. */
export function populationGradient(link: Link, a: number, b: number, s: number, method: QuadratureMethod = 'panels'): [number, number] {
  const f = frame(a, b);
  let pu = 0,
    du = 0,
    g1 = 0,
    g2 = 0;
  sweep(
    link,
    f,
    s,
    method,
    (z1) => {
      const u = f.norm * z1;
      pu = link.phi(u);
      du = link.dphi(u);
    },
    (z1, z2, v, w) => {
      const g = 2 * w * (pu - link.phi(v)) * du;
      g1 += g * z1;
      g2 += g * z2;
    },
  );
  return [g1 * f.w1[0] + g2 * f.w2[0], g1 * f.w1[1] + g2 * f.w2[1]];
}

/** The Hessian: a 2x2 block on span(e1, e2) (h11, h12, h22) and one eigenvalue, repeated
 *  d - 2 times, on the complement. */
export interface PlaneHessian {
  readonly h11: number;
  readonly h12: number;
  readonly h22: number;
  readonly complement: number;
}

/**
 * H(w) = 2 E[(phi'(u)^2 + (phi(u) - phi(v)) phi''(u)) x x^T]. For links with kinks (relu,
 * leaky-relu, abs), phi'' contains J delta(u - k) at a kink k where phi' jumps by J, which
 * the a.e. formula of SPEC section 4 misses: that part is added exactly as a 1-D integral
 * along u = k, 2 J p_u(k) E[(phi(k) - phi(v)) x x^T | u = k], p_u the density of u.
 */
export function populationHessian(link: Link, a: number, b: number, s: number, method: QuadratureMethod = 'panels'): PlaneHessian {
  const f = frame(a, b);
  // frame coordinates: m11 = E[h z1^2], m12 = E[h z1 z2], m22 = E[h z2^2], mc = E[h]
  let m11 = 0,
    m12 = 0,
    m22 = 0,
    mc = 0,
    pu = 0,
    du2 = 0,
    d2u = 0;
  sweep(
    link,
    f,
    s,
    method,
    (z1) => {
      const u = f.norm * z1;
      pu = link.phi(u);
      du2 = link.dphi(u) ** 2;
      d2u = link.d2phi(u);
    },
    (z1, z2, v, w) => {
      const h = 2 * w * (du2 + (pu - link.phi(v)) * d2u);
      m11 += h * z1 * z1;
      m12 += h * z1 * z2;
      m22 += h * z2 * z2;
      mc += h;
    },
  );
  if (f.norm > 0) {
    for (const k of link.kinks) {
      const jump = link.dphi(k + 1e-9) - link.dphi(k - 1e-9);
      const z1 = k / f.norm;
      const density = Math.exp(-0.5 * z1 * z1) / (Math.sqrt(2 * Math.PI) * f.norm);
      const rule = normalRule(f.q !== 0 ? link.kinks.map((kk) => (kk / s - f.c * z1) / f.q) : []);
      for (let i = 0; i < rule.nodes.length; i++) {
        const z2 = rule.nodes[i];
        const t = 2 * jump * density * rule.weights[i] * (link.phi(k) - link.phi(s * (f.c * z1 + f.q * z2)));
        m11 += t * z1 * z1;
        m12 += t * z1 * z2;
        m22 += t * z2 * z2;
        mc += t;
      }
    }
  }
  // rotate the frame block back to (e1, e2): H = R M R^T with R = [w1 w2]
  const [p1, p2] = f.w1,
    [r1, r2] = f.w2;
  return {
    h11: m11 * p1 * p1 + 2 * m12 * p1 * r1 + m22 * r1 * r1,
    h12: m11 * p1 * p2 + m12 * (p1 * r2 + p2 * r1) + m22 * r1 * r2,
    h22: m11 * p2 * p2 + 2 * m12 * p2 * r2 + m22 * r2 * r2,
    complement: mc,
  };
}

/** Eigenvalues of the 2x2 block, ascending. */
export function blockEigenvalues(h: PlaneHessian): [number, number] {
  const mid = 0.5 * (h.h11 + h.h22);
  const rad = Math.hypot(0.5 * (h.h11 - h.h22), h.h12);
  return [mid - rad, mid + rad];
}

/** lambda_min(H(w)) in dimension d >= 3 (block and complement); d = 2 has no complement. */
export function lambdaMin(link: Link, a: number, b: number, s: number, d = 3, method: QuadratureMethod = 'panels'): number {
  const h = populationHessian(link, a, b, s, method);
  const [lo] = blockEigenvalues(h);
  return d >= 3 ? Math.min(lo, h.complement) : lo;
}
