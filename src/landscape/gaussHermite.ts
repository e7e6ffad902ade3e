import { InputError } from '../errors.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** Nodes and weights of a quadrature rule for E[f(Z)], Z ~ N(0, 1). */
export interface GaussRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussRule>();

/**
 * The m-point Gauss-Hermite rule for the standard normal weight (probabilists' Hermite),
 * by Golub-Welsch: the nodes are the eigenvalues of the Jacobi matrix with off-diagonal
 * sqrt(k), the weights the squared first components of its eigenvectors (ml-matrix solves
 * the small symmetric eigenproblem). Exact for polynomials of degree <= 2m - 1.
 */
export function gaussHermite(m: number): GaussRule {
  const hit = cache.get(m);
  if (hit) return hit;
  if (!Number.isInteger(m) || m < 1 || m > 400) throw new InputError(`quadrature order must be an integer in [1, 400], got ${m}`);
  const J = Matrix.zeros(m, m);
  for (let k = 1; k < m; k++) { J.set(k - 1, k, Math.sqrt(k)); J.set(k, k - 1, Math.sqrt(k)); }
  const eig = new EigenvalueDecomposition(J, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const V = eig.eigenvectorMatrix;
  const nodes = new Float64Array(m);
  const weights = new Float64Array(m);
  order.forEach(([v, i], r) => { nodes[r] = v; weights[r] = V.get(0, i) ** 2; });
  // symmetrize (the exact rule is symmetric) and normalize to a probability measure
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
