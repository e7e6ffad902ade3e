import { powerStep } from '../kernels/powerStep.js';
import { lanczos } from '../numeric/lanczos.js';
import type { TopEigenvectorSolver } from './topEigenvector.js';

/**
 * The top eigenvector of the weighted (co)variance of g_i = s_i x_i minus `shift` times the
 * identity (the operator of {@link weightedTopEigenvector}), by Lanczos (src/numeric/lanczos.ts)
 * from the unit start `v`, which receives the top Ritz vector (its component along the start
 * not negative). Each step is one O(n d) pass (X v and X^T u fused: src/kernels/powerStep.ts);
 * Sigma is never formed. Stops after `maxSteps` (or d) passes, or once the top Ritz value
 * changes by less than `tolerance` (relative): it rises monotonically to the top eigenvalue,
 * so this stop, unlike power iteration's on its Rayleigh quotient, does not fire on a stall.
 * Returns the number of passes.
 */
export const lanczosTopEigenvector: TopEigenvectorSolver = (rows, W, v, options, buf) => {
  const { n, d, x, s, c, mu } = rows;
  const { shift, tolerance } = options;
  const { w } = buf;
  const apply = (q: Float64Array, out: Float64Array): void => {
    let mv = 0;
    if (mu) for (let j = 0; j < d; j++) mv += mu[j] * q[j];
    const ca = powerStep(n, d, x, q, s, c, mv, w);
    for (let j = 0; j < d; j++) out[j] = (w[j] - (mu ? mu[j] * ca : 0)) / W - shift * q[j];
  };
  const top = lanczos(d, apply, v, {
    maxSteps: options.maxSteps,
    stop: ({ value, previous }) => Math.abs(value - previous) <= tolerance * Math.abs(value),
  });
  v.set(top.vector);
  return top.steps;
};
