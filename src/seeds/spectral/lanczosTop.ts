import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Rng } from '../../rng/streams.js';

/**
 * The eigenvector of the largest (algebraic) eigenvalue of a symmetric d x d operator given
 * only by its product `apply(v, out)`: Lanczos with full reorthogonalization for `steps`
 * steps (the Krylov basis is d x steps, never a d x d matrix), the small tridiagonal solved
 * by ml-matrix, stopping early once the top Ritz pair has converged (residual below `tol`
 * relative to the eigenvalue, checked every 10 steps). Power iteration would need a shift past the most negative eigenvalue, which
 * for unbounded-below preprocessings (T(y) = 1 - 1/y) is huge and makes it crawl.
 */
export function lanczosTop(
  d: number,
  apply: (v: Float64Array, out: Float64Array) => void,
  rng: Rng,
  steps = Math.min(d, 300),
  tol = 1e-10,
): { value: number; vector: Float64Array } {
  const k = Math.min(steps, d);
  const Q: Float64Array[] = [];
  const alpha: number[] = [],
    beta: number[] = [];
  let q = Float64Array.from({ length: d }, () => rng.normal());
  let norm = Math.hypot(...q);
  for (let j = 0; j < d; j++) q[j] /= norm;
  const w = new Float64Array(d);
  for (let it = 0; it < k; it++) {
    Q.push(q);
    apply(q, w);
    let a = 0;
    for (let j = 0; j < d; j++) a += q[j] * w[j];
    alpha.push(a);
    // full reorthogonalization against every basis vector (twice, for safety)
    for (let pass = 0; pass < 2; pass++) {
      for (const b of Q) {
        let c = 0;
        for (let j = 0; j < d; j++) c += b[j] * w[j];
        for (let j = 0; j < d; j++) w[j] -= c * b[j];
      }
    }
    norm = Math.hypot(...w);
    if (it === k - 1 || norm < 1e-12) break;
    // every 10 steps: stop once the top Ritz pair's residual |beta_m s_m| is below tol |theta|
    if ((it + 1) % 10 === 0 && ritzResidual(alpha, beta, norm) < tol) break;
    beta.push(norm);
    q = Float64Array.from(w, (v) => v / norm);
  }
  const m = alpha.length;
  const { values, V, top } = tridiagonalTop(alpha, beta);
  const vector = new Float64Array(d);
  for (let i = 0; i < m; i++) {
    const c = V.get(i, top);
    for (let j = 0; j < d; j++) vector[j] += c * Q[i][j];
  }
  norm = Math.hypot(...vector);
  for (let j = 0; j < d; j++) vector[j] /= norm;
  return { value: values[top], vector };
}

/** Eigen-decomposition of the Lanczos tridiagonal (alpha on the diagonal, beta beside it). */
function tridiagonalTop(alpha: readonly number[], beta: readonly number[]): { values: number[]; V: Matrix; top: number } {
  const m = alpha.length;
  const T = Matrix.zeros(m, m);
  for (let i = 0; i < m; i++) {
    T.set(i, i, alpha[i]);
    if (i + 1 < m) {
      T.set(i, i + 1, beta[i]);
      T.set(i + 1, i, beta[i]);
    }
  }
  const eig = new EigenvalueDecomposition(T, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  let top = 0;
  for (let i = 1; i < m; i++) if (values[i] > values[top]) top = i;
  return { values, V: eig.eigenvectorMatrix, top };
}

/** Residual norm of the top Ritz pair after alpha.length steps, relative to |theta|. */
function ritzResidual(alpha: readonly number[], beta: readonly number[], next: number): number {
  const { values, V, top } = tridiagonalTop(alpha, beta);
  return Math.abs(next * V.get(alpha.length - 1, top)) / Math.max(1e-300, Math.abs(values[top]));
}
