import { lanczos } from './lanczos.js';
import { weightedOperator, type PowerOptions, type WeightedRowsView } from './topEigenvector.js';

/**
 * The top eigenvector of the weighted (co)variance of g_i = s_i x_i minus `shift` times the
 * identity (the operator of {@link weightedTopEigenvector}), by Lanczos (src/eigen/lanczos.ts)
 * from the unit start `v`, which receives the top Ritz vector (its component along the start
 * not negative). Each step is one O(n d) pass ({@link weightedOperator}); Sigma is never
 * formed, and no n-length buffer is needed. Stops after `maxSteps` (or d) passes, or once the
 * top Ritz value changes by less than `tolerance` (relative): it rises monotonically to the
 * top eigenvalue, so this stop, unlike power iteration's on its Rayleigh quotient, does not
 * fire on a stall. Returns the number of passes. W is the total weight sum_i c_i.
 */
export function lanczosTopEigenvector(rows: WeightedRowsView, W: number, v: Float64Array, options: PowerOptions): number {
  const { shift, tolerance } = options;
  const top = lanczos(rows.d, (q, out) => weightedOperator(rows, W, shift, q, out), v, {
    maxSteps: options.maxSteps,
    stop: ({ value, previous }) => Math.abs(value - previous) <= tolerance * Math.abs(value),
  });
  v.set(top.vector);
  return top.steps;
}
