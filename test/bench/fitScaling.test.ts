import { describe, expect, it } from 'vitest';
import { fitGrid, measureFitScaling } from '../../src/bench/fitScaling.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('fitGrid spaces n d evenly on a log scale at each d', () => {
    const g = fitGrid([50], 1e6, 1e8, 3);
    expect(g).toEqual([
      { d: 50, n: 20000 },
      { d: 50, n: 200000 },
      { d: 50, n: 2000000 },
    ]);
  });

  it('measureFitScaling fits an exponent over the points it timed', () => {
    const s = measureFitScaling(fitGrid([10], 2e4, 8e4, 3), 1);
    expect(s.points).toHaveLength(3);
    expect(s.total.points).toBe(3);
    for (const p of s.points) {
      expect(p.seconds).toBeGreaterThan(0);
      expect(p.error).toBeLessThan(1);
    }
  });
});
