/**
 * The stationary error of a run: the median of |w_t - w*| over its last `share` of steps
 * (default 20%), where a constant-step stochastic iteration under poisoning fluctuates
 * around its floor; a median, so one heavy-tailed excursion does not move it.
 */
export function stationaryError(errors: Float64Array, share = 0.2): number {
  if (errors.length < 2) throw new RangeError('stationaryError: need at least 2 recorded errors');
  const from = Math.min(errors.length - 1, Math.floor(errors.length * (1 - share)));
  const tail = Array.from(errors.subarray(from)).sort((a, b) => a - b);
  return tail.length % 2 ? tail[tail.length >> 1] : 0.5 * (tail[tail.length / 2 - 1] + tail[tail.length / 2]);
}
