import { golubWelsch } from './golubWelsch.js';
import { InputError } from '../errors.js';
import type { GaussRule } from './gaussHermite.js';

const cache = new Map<number, GaussRule>();

/**
 * The m-point Gauss-Legendre rule on [-1, 1] (weights sum to 2), by Golub-Welsch (Jacobi
 * off-diagonal k / sqrt(4k^2 - 1)).
 */
export function gaussLegendre(m: number): GaussRule {
  const hit = cache.get(m);
  if (hit) return hit;
  if (!Number.isInteger(m) || m < 1 || m > 200) throw new InputError(`Gauss-Legendre order must be an integer in [1, 200], got ${m}`);
  const { nodes, weights } = golubWelsch(m, (k) => k / Math.sqrt(4 * k * k - 1), 2);
  const rule = { nodes, weights };
  cache.set(m, rule);
  return rule;
}
