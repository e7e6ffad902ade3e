import { summarize } from '../../stats/summary.js';

/**
 * The stationary error of a run: the median of |w_t - w*| over its last `share` of steps
 * (default 20%), where a constant-step stochastic iteration under poisoning fluctuates
 * around its floor; a median, so one heavy-tailed excursion does not move it.
 */
export function stationaryError(errors: Float64Array, share = 0.2): number {
  if (errors.length < 2) throw new RangeError('stationaryError: need at least 2 recorded errors');
  const from = Math.min(errors.length - 1, Math.floor(errors.length * (1 - share)));
  return summarize(Array.from(errors.subarray(from))).median;
}
