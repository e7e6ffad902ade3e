import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { InputError } from '../errors.js';
import type { GaussRule } from './gaussHermite.js';

const cache = new Map<number, GaussRule>();

/**
 * The m-point Gauss-Legendre rule on [-1, 1] (weights sum to 2), by Golub-Welsch on the
 * Jacobi matrix with off-diagonal k / sqrt(4k^2 - 1); ml-matrix solves the eigenproblem.
 */
export function gaussLegendre(m: number): GaussRule {
  const hit = cache.get(m);
  if (hit) return hit;
  if (!Number.isInteger(m) || m < 1 || m > 200) throw new InputError(`Gauss-Legendre order must be an integer in [1, 200], got ${m}`);
  const J = Matrix.zeros(m, m);
  for (let k = 1; k < m; k++) { const b = k / Math.sqrt(4 * k * k - 1); J.set(k - 1, k, b); J.set(k, k - 1, b); }
  const eig = new EigenvalueDecomposition(J, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const V = eig.eigenvectorMatrix;
  const nodes = new Float64Array(m), weights = new Float64Array(m);
  order.forEach(([v, i], r) => { nodes[r] = v; weights[r] = 2 * V.get(0, i) ** 2; });
  const rule = { nodes, weights };
  cache.set(m, rule);
  return rule;
}
