import { gaussLegendre } from './gaussLegendre.js';

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
  const nodes: number[] = [],
    weights: number[] = [];
  for (let s = 0; s + 1 < cuts.length; s++) {
    const a = cuts[s],
      b = cuts[s + 1];
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

/** Tensor Gauss-Hermite order for smooth integrands: 64 x 64 nodes integrate the smooth links'
 *  loss, gradient and Hessian integrands to about 1e-12 (checked against the panel rule in
 *  test/landscape/oracles.test.ts). */
export const HERMITE_ORDER = 64;
