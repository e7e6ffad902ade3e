import { InputError } from '../errors.js';
import { golubWelsch } from './golubWelsch.js';

/** Nodes and weights of a quadrature rule for E[f(Z)], Z ~ N(0, 1). */
export interface GaussRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussRule>();

/**
 * The m-point Gauss-Hermite rule for the standard normal weight (probabilists' Hermite),
 * by Golub-Welsch (Jacobi off-diagonal sqrt(k)). Exact for polynomials of degree <= 2m - 1.
 */
export function gaussHermite(m: number): GaussRule {
  const hit = cache.get(m);
  if (hit) return hit;
  if (!Number.isInteger(m) || m < 1 || m > 400) throw new InputError(`quadrature order must be an integer in [1, 400], got ${m}`);
  const { nodes, weights } = golubWelsch(m, Math.sqrt, 1);
  // normalize to a probability measure (removes the eigensolver's rounding in the sum)
  let total = 0;
  for (let r = 0; r < m; r++) total += weights[r];
  for (let r = 0; r < m; r++) weights[r] /= total;
  const rule = { nodes, weights };
  cache.set(m, rule);
  return rule;
}

/** E[f(Z)] for Z ~ N(0, 1) by an m-point Gauss-Hermite rule (m = 80 by default). */
export function expectNormal(f: (z: number) => number, m = 80): number {
  const { nodes, weights } = gaussHermite(m);
  let s = 0;
  for (let r = 0; r < nodes.length; r++) s += weights[r] * f(nodes[r]);
  return s;
}
