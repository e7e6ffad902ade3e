import { lanczos } from './lanczos.js';
import type { Rng } from '../rng/streams.js';

/**
 * The eigenvector of the largest (algebraic) eigenvalue of a symmetric d x d operator given
 * only by its product `apply(v, out)`: Lanczos (src/eigen/lanczos.ts) from a random start
 * for at most `steps` steps, stopping once the top Ritz pair has converged (residual below
 * `tol` relative to the eigenvalue, checked every 10 steps). Power iteration would need a
 * shift past the most negative eigenvalue, which for unbounded-below preprocessings
 * (T(y) = 1 - 1/y) is huge and makes it crawl.
 */
export function lanczosTop(
  d: number,
  apply: (v: Float64Array, out: Float64Array) => void,
  rng: Rng,
  steps = Math.min(d, 300),
  tol = 1e-10,
): { value: number; vector: Float64Array } {
  const start = Float64Array.from({ length: d }, () => rng.normal());
  const top = lanczos(d, apply, start, { maxSteps: steps, stop: (s) => s.steps % 10 === 0 && s.residual < tol });
  return { value: top.value, vector: top.vector };
}
