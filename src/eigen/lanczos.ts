import { tridiagonalEigenvector, tridiagonalTopEigenvalue } from './tridiagonalTop.js';

/** What the stop rule of {@link lanczos} sees after each step. */
export interface LanczosStep {
  /** Steps (operator applications) taken so far. */
  readonly steps: number;
  /** The top Ritz value now, and before this step (NaN after the first). */
  readonly value: number;
  readonly previous: number;
  /** |A y - value y| of the top Ritz pair (the Lanczos residual |beta y_last|), relative to
   *  |value|. */
  readonly residual: number;
}

/** Options of {@link lanczos}. */
export interface LanczosOptions {
  /** At most this many steps (and never more than d: the Krylov space is then the whole). */
  readonly maxSteps: number;
  /** Stop once this returns true after a step. */
  readonly stop: (step: LanczosStep) => boolean;
}

/** The top eigenpair found and the steps it took. */
export interface LanczosResult {
  readonly value: number;
  /** Unit Ritz vector, oriented so that its component along the start is not negative. */
  readonly vector: Float64Array;
  readonly steps: number;
}

/**
 * The eigenvector of the largest (algebraic) eigenvalue of a symmetric d x d operator given only
 * by its product `apply(v, out)`, by Lanczos with full reorthogonalization (twice, against every
 * basis vector) from `start`: the basis is d x steps, never a d x d matrix, and the small
 * tridiagonal is solved after each step by bisection and inverse iteration (O(steps) each:
 * src/eigen/tridiagonalTop.ts). The Krylov space after k steps holds the best direction any
 * degree-k polynomial of the operator reaches from the start, where power iteration keeps only
 * the k-th power: on a top eigenvalue separated by a relative gap g it needs about 1/sqrt(g)
 * steps instead of 1/g, and no shift (power iteration needs one past the most negative
 * eigenvalue, huge for unbounded-below operators). Stops at `maxSteps`, at d, on an invariant
 * subspace, or when `stop` says so.
 */
export function lanczos(
  d: number,
  apply: (v: Float64Array, out: Float64Array) => void,
  start: Float64Array,
  options: LanczosOptions,
): LanczosResult {
  const maxSteps = Math.max(1, Math.min(options.maxSteps, d));
  // the basis grows as steps are taken (a cap of hundreds at d = 1000 would otherwise hold
  // hundreds of thousands of entries for a solve that stops after a dozen steps)
  let q = new Float64Array(Math.min(maxSteps, 16) * d);
  const alpha = new Float64Array(maxSteps);
  const beta = new Float64Array(maxSteps);
  const y = new Float64Array(maxSteps);
  const scratch = new Float64Array(2 * maxSteps);
  const w = new Float64Array(d);
  let norm = 0;
  for (let j = 0; j < d; j++) norm += start[j] * start[j];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < d; j++) q[j] = start[j] / norm;
  else q[0] = 1;
  let value = NaN;
  let k = 0;
  while (k < maxSteps) {
    const qk = q.subarray(k * d, (k + 1) * d);
    apply(qk, w);
    let a = 0;
    for (let j = 0; j < d; j++) a += qk[j] * w[j];
    alpha[k] = a;
    k++;
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < k; i++) {
        const qi = q.subarray(i * d, (i + 1) * d);
        let t = 0;
        for (let j = 0; j < d; j++) t += qi[j] * w[j];
        for (let j = 0; j < d; j++) w[j] -= t * qi[j];
      }
    let b = 0;
    for (let j = 0; j < d; j++) b += w[j] * w[j];
    b = Math.sqrt(b);
    const previous = value;
    value = tridiagonalTopEigenvalue(k, alpha, beta);
    tridiagonalEigenvector(k, alpha, beta, value, y, scratch);
    const residual = Math.abs(b * y[k - 1]) / Math.max(Math.abs(value), 1e-300);
    // an invariant subspace (b at rounding level): the Ritz values are eigenvalues already
    const invariant = !(b > 1e-12 * Math.max(Math.abs(value), Math.abs(alpha[0]), 1e-300));
    if (k === maxSteps || invariant || options.stop({ steps: k, value, previous, residual })) break;
    beta[k - 1] = b;
    if ((k + 1) * d > q.length) {
      const grown = new Float64Array(Math.min(maxSteps, 2 * k) * d);
      grown.set(q);
      q = grown;
    }
    const qn = q.subarray(k * d, (k + 1) * d);
    for (let j = 0; j < d; j++) qn[j] = w[j] / b;
  }
  const sign = y[0] < 0 ? -1 : 1;
  const vector = new Float64Array(d);
  for (let i = 0; i < k; i++) {
    const yi = sign * y[i];
    for (let j = 0; j < d; j++) vector[j] += yi * q[i * d + j];
  }
  norm = 0;
  for (let j = 0; j < d; j++) norm += vector[j] * vector[j];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < d; j++) vector[j] /= norm;
  return { value, vector, steps: k };
}
