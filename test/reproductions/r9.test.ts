import { describe, expect, it } from 'vitest';
import { CLEAN_FACTOR, CONSTANT_BOUND, FLAT_FACTOR, reach, type ReachResult } from '../../reproductions/r9-guarantee-reach.js';

const sigmas = [0.1, 0.01, 0.001];
const epsGrid = [0.02, 0.05, 0.1, 0.2];

/** Results with error = c sigma sqrt(eps) at eps below `breaksAt`, a fixed 1 (a breakdown) above. */
function synthetic(c: number, breaksAt: number): (sigma: number, eps: number) => ReachResult[] {
  return (sigma, eps) => [1, 1.2].map((k) => ({ error: eps < breaksAt ? k * c * sigma * Math.sqrt(eps) : 1, cleanError: 0.1 * sigma }));
}

describe('R9 analysis: reach', () => {
  it('reads eps_0 as the last flat eps, and the constant below it', () => {
    const r = reach(sigmas, epsGrid, synthetic(2, 0.15));
    expect(r.flatness.slice(0, 3).every((f) => f <= FLAT_FACTOR)).toBe(true);
    expect(r.flatness[3]).toBeCloseTo(100, 6); // a constant error: error / sigma grows like 1 / sigma
    expect(r.eps0).toBe(0.1);
    expect(r.constant).toBeCloseTo(2.4, 10); // the worse of the two seeds
    expect(r.acceptance).toBeCloseTo((2.4 * 0.01 * Math.sqrt(0.1)) / (CONSTANT_BOUND * 0.01 * Math.sqrt(0.1) + CLEAN_FACTOR * 0.001), 10);
  });

  it('a breakdown at the smallest eps gives no eps_0; one flat eps after a broken one does not count', () => {
    const none = reach(sigmas, epsGrid, synthetic(2, 0));
    expect(none.eps0).toBeNull();
    expect(none.constant).toBe(0);
    expect(none.acceptance).toBeGreaterThan(1);
    const gap = reach(sigmas, epsGrid, (sigma, eps) => synthetic(2, eps === 0.05 ? 0 : 1)(sigma, eps));
    expect(gap.eps0).toBe(0.02);
  });
});
