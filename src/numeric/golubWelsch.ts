import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Golub-Welsch: the m-point Gauss rule of a weight whose orthonormal polynomials have the
 * symmetric Jacobi matrix with zero diagonal and off-diagonal `beta(k)`, k = 1..m-1. The nodes
 * are its eigenvalues, the weights `mass` times the squared first components of its
 * eigenvectors (ml-matrix solves the small symmetric eigenproblem). Nodes ascending.
 */
export function golubWelsch(m: number, beta: (k: number) => number, mass: number): { nodes: Float64Array; weights: Float64Array } {
  const J = Matrix.zeros(m, m);
  for (let k = 1; k < m; k++) {
    const b = beta(k);
    J.set(k - 1, k, b);
    J.set(k, k - 1, b);
  }
  const eig = new EigenvalueDecomposition(J, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const V = eig.eigenvectorMatrix;
  const nodes = new Float64Array(m),
    weights = new Float64Array(m);
  order.forEach(([v, i], r) => {
    nodes[r] = v;
    weights[r] = mass * V.get(0, i) ** 2;
  });
  return { nodes, weights };
}
