import { boundPowerStep, powerStep, type BoundPowerStep } from '../kernels/powerStep.js';
import { covarianceScratch, weightedCovariance, type CovarianceScratch } from '../kernels/weightedCovariance.js';
import { GRAM_MAX_D } from '../kernels/wasmKernels.js';

/** Work buffers for {@link weightedTopEigenvector}, allocated once per caller. */
export interface PowerBuffers {
  readonly proj: Float64Array; // length n
  readonly u: Float64Array; // length n
  readonly w: Float64Array; // length d
  /** Small d (GRAM_MAX_D): the d x d matrix and its kernel's scratch, made on first use. */
  gram?: { readonly matrix: Float64Array; readonly scratch: CovarianceScratch };
}

export function powerBuffers(n: number, d: number): PowerBuffers {
  return { proj: new Float64Array(n), u: new Float64Array(n), w: new Float64Array(d) };
}

/** Rows g_i = s_i x_i with weights c_i about a centre mu (null: uncentered second moment). */
export interface WeightedRowsView {
  readonly n: number;
  readonly d: number;
  readonly x: Float64Array;
  readonly s: Float64Array;
  readonly c: Float64Array;
  readonly mu: Float64Array | null;
}

/** How long power iteration runs, and the shift subtracted from the matrix. */
export interface PowerOptions {
  /** Subtract shift times the identity (converge at the spike's separation from the bulk). */
  readonly shift: number;
  readonly maxSteps: number;
  /** Stop once the Rayleigh quotient changes by less than this (relative). */
  readonly tolerance: number;
}

/**
 * The operator both eigen-solvers apply: out = Sigma v - shift v, with Sigma the weighted
 * (co)variance of {@link weightedTopEigenvector}, in one O(n d) pass (X v, the weights, then
 * X^T u fused: src/kernels/powerStep.ts). W is the total weight sum_i c_i. `step`: the pass
 * with rows' s and c already bound (boundPowerStep), for a run of steps on one operator.
 */
export function weightedOperator(
  rows: WeightedRowsView,
  W: number,
  shift: number,
  v: Float64Array,
  out: Float64Array,
  step?: BoundPowerStep,
): void {
  const { n, d, x, s, c, mu } = rows;
  let mv = 0;
  if (mu) for (let j = 0; j < d; j++) mv += mu[j] * v[j];
  const ca = step ? step(v, mv, out) : powerStep(n, d, x, v, s, c, mv, out);
  for (let j = 0; j < d; j++) out[j] = (out[j] - (mu ? mu[j] * ca : 0)) / W - shift * v[j];
}

/**
 * Power iteration for the top eigenvector of the weighted (co)variance of g_i = s_i x_i:
 * Sigma = (1/W) sum_i c_i (g_i - mu)(g_i - mu)^T (mu = null: uncentered second moment),
 * minus `shift` times the identity. Each step is one O(n d) pass (X v and X^T u fused:
 * src/kernels/powerStep.ts); Sigma is never formed. `v` (unit) is the start and receives the result. Stops after
 * `maxSteps` or when the Rayleigh quotient changes by less than `tolerance` (relative).
 * Returns the number of steps taken. W is the total weight sum_i c_i.
 */
export function weightedTopEigenvector(
  rows: WeightedRowsView,
  W: number,
  v: Float64Array,
  options: PowerOptions,
  buf: PowerBuffers,
): number {
  const { n, d, x, s, c, mu } = rows;
  const { shift, maxSteps, tolerance } = options;
  const { w } = buf;
  // Small d: the weighted (co)variance once as a d x d matrix (one pass, src/kernels/
  // weightedCovariance.ts), then every step a d x d product with no pass over x. The same
  // iteration as the matrix-free one in exact arithmetic (only rounding differs), at a cost of
  // 2-6 matrix-free steps for the matrix against 10-30 steps a filter round takes (measured at
  // d = 5-20 on the benchmark's small fits). Chosen by d alone, so a sample gives the same
  // doubles whether its matrix is held in a kernel memory or not. Above GRAM_MAX_D the matrix
  // would cost a large share of the steps it saves (its cost grows like d^2), and no d x d
  // matrix is formed.
  let apply: (v: Float64Array, out: Float64Array) => void;
  if (d <= GRAM_MAX_D && maxSteps > 1) {
    buf.gram ??= { matrix: new Float64Array(d * d), scratch: covarianceScratch(d) };
    const { matrix, scratch } = buf.gram;
    weightedCovariance(n, d, x, s, c, mu, scratch, matrix);
    apply = (v, out) => covarianceOperator(matrix, d, W, shift, v, out);
  } else {
    // s and c are fixed for the whole run: bound once (nothing else touches x's kernels here)
    const bound = boundPowerStep(n, d, x, s, c);
    apply = (v, out) => weightedOperator(rows, W, shift, v, out, bound);
  }
  let rayleigh = NaN;
  let step = 0;
  for (; step < maxSteps; step++) {
    apply(v, w);
    let next = 0,
      norm = 0;
    for (let j = 0; j < d; j++) {
      next += w[j] * v[j];
      norm += w[j] * w[j];
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < d; j++) v[j] = w[j] / norm;
    if (Math.abs(next - rayleigh) <= tolerance * Math.abs(next)) {
      step++;
      break;
    }
    rayleigh = next;
  }
  return step;
}

/** out = (G v) / W - shift v for the d x d matrix G = sum_i c_i (g_i - mu)(g_i - mu)^T: the
 *  operator of {@link weightedOperator} with the matrix formed. */
function covarianceOperator(G: Float64Array, d: number, W: number, shift: number, v: Float64Array, out: Float64Array): void {
  for (let j = 0; j < d; j++) {
    let t = 0;
    const row = j * d;
    for (let k = 0; k < d; k++) t += G[row + k] * v[k];
    out[j] = t / W - shift * v[j];
  }
}
