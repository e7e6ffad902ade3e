import { gaussLegendre } from './gaussLegendre.js';
import { gaussHermite } from './gaussHermite.js';

/** Half-width of the integration range: the N(0,1) mass beyond 9 is 2e-19. */
const RANGE = 9;
/** Panel length and Gauss-Legendre points per panel: 10 points on panels of length 1.5
 *  integrate e^{-z^2/2} times a smooth function to about 1e-12 (a function analytic within
 *  distance 0.78 of the real axis, such as tanh(2z), converges like rho^-20 with rho ~ 2.5). */
const PANEL = 1.5;
const POINTS = 10;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Nodes and weights (density included) of a composite rule for E[g(Z)], Z ~ N(0, 1),
 *  whose panels break at every point in `breaks` (kinks or jumps of g). */
export function normalRule(breaks: readonly number[]): { nodes: Float64Array; weights: Float64Array } {
  const cuts = [-RANGE, ...breaks.filter((b) => b > -RANGE && b < RANGE), RANGE].sort((a, b) => a - b);
  const { nodes: gn, weights: gw } = gaussLegendre(POINTS);
  const nodes: number[] = [], weights: number[] = [];
  for (let s = 0; s + 1 < cuts.length; s++) {
    const a = cuts[s], b = cuts[s + 1];
    if (b - a <= 0) continue;
    const panels = Math.max(1, Math.ceil((b - a) / PANEL));
    const h = (b - a) / panels;
    for (let p = 0; p < panels; p++) {
      const lo = a + p * h;
      for (let k = 0; k < POINTS; k++) {
        const z = lo + 0.5 * h * (gn[k] + 1);
        nodes.push(z);
        weights.push(0.5 * h * gw[k] * INV_SQRT_2PI * Math.exp(-0.5 * z * z));
      }
    }
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) };
}

/**
 * E[F(z1, z2)] for (z1, z2) ~ N(0, I_2) by composite Gauss-Legendre: the z1 panels break at
 * `breaks1`, and for each z1 the z2 panels break at `breaks2(z1)`. Splitting at the kinks of
 * the integrand keeps the rule exact to about 1e-13 for piecewise-smooth links (relu, abs),
 * where a Gauss-Hermite rule converges slowly. `F` writes `out.length` values into `out`;
 * the expectations are accumulated into `acc`.
 */
export function expectPlane(
  F: (z1: number, z2: number, out: Float64Array) => void,
  breaks1: readonly number[],
  breaks2: (z1: number) => readonly number[],
  acc: Float64Array,
): Float64Array {
  acc.fill(0);
  const out = new Float64Array(acc.length);
  const r1 = normalRule(breaks1);
  const smooth2 = normalRule([]);
  for (let i = 0; i < r1.nodes.length; i++) {
    const z1 = r1.nodes[i];
    const b2 = breaks2(z1);
    const r2 = b2.length === 0 ? smooth2 : normalRule(b2);
    for (let k = 0; k < r2.nodes.length; k++) {
      F(z1, r2.nodes[k], out);
      const w = r1.weights[i] * r2.weights[k];
      for (let c = 0; c < acc.length; c++) acc[c] += w * out[c];
    }
  }
  return acc;
}

/** Tensor Gauss-Hermite order for smooth integrands: 64 x 64 nodes integrate the smooth links'
 *  loss, gradient and Hessian integrands to about 1e-12 (checked against the panel rule in
 *  test/landscape/oracles.test.ts). */
export const HERMITE_ORDER = 64;

/**
 * E[F(z1, z2)] for (z1, z2) ~ N(0, I_2) by the tensor Gauss-Hermite rule (SPEC section 4):
 * fast and exact for smooth integrands, poor across kinks (use {@link expectPlane} there).
 */
export function expectPlaneHermite(F: (z1: number, z2: number, out: Float64Array) => void, acc: Float64Array, order = HERMITE_ORDER): Float64Array {
  acc.fill(0);
  const out = new Float64Array(acc.length);
  const { nodes, weights } = gaussHermite(order);
  for (let i = 0; i < nodes.length; i++) {
    for (let k = 0; k < nodes.length; k++) {
      F(nodes[i], nodes[k], out);
      const w = weights[i] * weights[k];
      for (let c = 0; c < acc.length; c++) acc[c] += w * out[c];
    }
  }
  return acc;
}
