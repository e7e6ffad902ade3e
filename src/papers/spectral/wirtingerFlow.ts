import { gemv } from '../../kernels/gemv.js';
import { gemvT } from '../../kernels/gemvT.js';

/**
 * Wirtinger flow for real phase retrieval y = <w*, x>^2 (Candes, Li and Soltanolkotabi 2015):
 * gradient descent on (1/4n) sum((<w,x>)^2 - y)^2 from the spectral start scaled to
 * sqrt(mean y) (E y = |w*|^2), with step mu / |w0|^2. Returns the distance to {w*, -w*},
 * relative to |w*|, after every step (errors[0]: the start).
 */
export function wirtingerFlow(
  n: number,
  d: number,
  x: Float64Array,
  y: Float64Array,
  direction: Float64Array,
  wstar: Float64Array,
  steps: number,
  mu = 0.1,
): Float64Array {
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i];
  const scale = Math.sqrt(Math.max(my / n, 0));
  const w = Float64Array.from(direction, (v) => v * scale);
  const w0n = Math.max(1e-12, scale * scale);
  const u = new Float64Array(n),
    g = new Float64Array(d);
  const ws = Math.hypot(...wstar);
  const dist = (): number => {
    let a = 0,
      b = 0;
    for (let j = 0; j < d; j++) {
      a += (w[j] - wstar[j]) ** 2;
      b += (w[j] + wstar[j]) ** 2;
    }
    return Math.sqrt(Math.min(a, b)) / ws;
  };
  const errors = new Float64Array(steps + 1);
  errors[0] = dist();
  for (let t = 1; t <= steps; t++) {
    gemv(n, d, x, w, u);
    for (let i = 0; i < n; i++) u[i] = ((u[i] * u[i] - y[i]) * u[i]) / n;
    gemvT(n, d, x, u, g);
    for (let j = 0; j < d; j++) w[j] -= (mu / w0n) * g[j];
    errors[t] = dist();
    if (!Number.isFinite(errors[t])) {
      errors.fill(Number.POSITIVE_INFINITY, t);
      break;
    }
  }
  return errors;
}
