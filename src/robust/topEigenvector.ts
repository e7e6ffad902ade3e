import { gemv } from '../kernels/gemv.js';
import { gemvT } from '../kernels/gemvT.js';

/** Work buffers for {@link weightedTopEigenvector}, allocated once per caller. */
export interface PowerBuffers {
  readonly proj: Float64Array; // length n
  readonly u: Float64Array; // length n
  readonly w: Float64Array; // length d
}

export function powerBuffers(n: number, d: number): PowerBuffers {
  return { proj: new Float64Array(n), u: new Float64Array(n), w: new Float64Array(d) };
}

/**
 * Power iteration for the top eigenvector of the weighted (co)variance of g_i = s_i x_i:
 * Sigma = (1/W) sum_i c_i (g_i - mu)(g_i - mu)^T (mu = null: uncentered second moment),
 * minus `shift` times the identity. Each step is two O(n d) passes (X v, then X^T u);
 * Sigma is never formed. `v` (unit) is the start and receives the result. Stops after
 * `maxSteps` or when the Rayleigh quotient changes by less than `tolerance` (relative).
 * Returns the number of steps taken.
 */
export function weightedTopEigenvector(
  n: number, d: number, x: Float64Array, s: Float64Array, c: Float64Array, W: number,
  mu: Float64Array | null, shift: number, v: Float64Array, maxSteps: number, tolerance: number,
  buf: PowerBuffers,
): number {
  const { proj, u, w } = buf;
  let rayleigh = NaN;
  let step = 0;
  for (; step < maxSteps; step++) {
    let mv = 0;
    if (mu) for (let j = 0; j < d; j++) mv += mu[j] * v[j];
    gemv(n, d, x, v, proj);
    let ca = 0;
    for (let i = 0; i < n; i++) { const a = s[i] * proj[i] - mv; u[i] = c[i] * s[i] * a; ca += c[i] * a; }
    gemvT(n, d, x, u, w);
    let next = 0, norm = 0;
    for (let j = 0; j < d; j++) {
      const t = (w[j] - (mu ? mu[j] * ca : 0)) / W - shift * v[j];
      w[j] = t;
      next += t * v[j];
      norm += t * t;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < d; j++) v[j] = w[j] / norm;
    if (Math.abs(next - rayleigh) <= tolerance * Math.abs(next)) { step++; break; }
    rayleigh = next;
  }
  return step;
}
