import { describe, expect, it } from 'vitest';
import { analyseTimes, r4Plan, type TimeGrid } from '../../reproductions/r4-time.js';

/** Made-up timings: seconds = c (n d)^a, iterations fixed, so both exponents read a. */
const timings = (a: number): TimeGrid => ({
  bandwidth: 10,
  points: r4Plan(false).grid.map(({ n, d }) => ({ n, d, seconds: 1e-8 * (n * d) ** a, iterations: 30, gbs: 5, error: 0.01 })),
});

describe('R4 in steps: the plan and the analysis on made-up timings', () => {
  it('the plan spans 1.5 decades of n d quick, 2 at full scale with two d', () => {
    const quick = r4Plan(false).grid.map((g) => g.n * g.d);
    expect(Math.log10(Math.max(...quick) / Math.min(...quick))).toBeCloseTo(1.5, 2);
    expect(new Set(r4Plan(true).grid.map((g) => g.d)).size).toBe(2);
  });
  it('linear time holds both claims, with exponent 1', () => {
    const r = analyseTimes(timings(1));
    expect(r.total.slope).toBeCloseTo(1, 10);
    expect(r.perIteration.slope).toBeCloseTo(1, 10);
    expect(r.claims.map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(r.largest).toBe(5);
  });
  it('quadratic time fails both', () => {
    expect(analyseTimes(timings(2)).claims.map((c) => c.verdict)).toEqual(['does not hold', 'does not hold']);
  });
});
