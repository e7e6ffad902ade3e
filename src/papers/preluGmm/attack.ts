import type { PreluNet } from './model.js';
import { netOutput } from './model.js';

/**
 * The smallest l2 perturbation found that flips sign f(x): binary search on the radius r; at
 * each r, projected gradient descent on s f(x + delta) over |delta| <= r (40 normalized steps)
 * from `starts` (the direction `hint`, e.g. towards the nearest center of the other class, and
 * the negative input gradient). Returns the smallest radius at which a flip was found (an upper
 * bound on the true minimal radius; 2 when none up to 2). `norms`: {@link neuronNorms} of `net`,
 * if the caller has them.
 */
export function minimalFlip(net: PreluNet, x: Float64Array, hint: Float64Array, norms?: Float64Array): number {
  const D = net.D;
  const s = Math.sign(netOutput(net, x, 0, undefined, norms)) || 1;
  const g = new Float64Array(D),
    z = new Float64Array(D),
    delta = new Float64Array(D);
  netOutput(net, x, 0, g, norms);
  const starts = [hint, Float64Array.from(g, (v) => -s * v)];
  const flipsAt = (r: number): boolean => {
    for (const dir of starts) {
      const len = Math.hypot(...dir) || 1;
      for (let k = 0; k < D; k++) delta[k] = (r * dir[k]) / len;
      for (let it = 0; it < 40; it++) {
        for (let k = 0; k < D; k++) z[k] = x[k] + delta[k];
        const f = netOutput(net, z, 0, g, norms);
        if (s * f < 0) return true;
        const gl = Math.hypot(...g) || 1;
        const step = (0.25 * r) / (1 + it / 10);
        for (let k = 0; k < D; k++) delta[k] -= (step * s * g[k]) / gl;
        const dl = Math.hypot(...delta);
        if (dl > r) for (let k = 0; k < D; k++) delta[k] *= r / dl;
      }
      for (let k = 0; k < D; k++) z[k] = x[k] + delta[k];
      if (s * netOutput(net, z, 0, undefined, norms) < 0) return true;
    }
    return false;
  };
  let lo = 0,
    hi = 2;
  if (!flipsAt(hi)) return hi;
  for (let it = 0; it < 14; it++) {
    const mid = 0.5 * (lo + hi);
    if (flipsAt(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
