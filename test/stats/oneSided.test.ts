import { describe, expect, it } from 'vitest';
import { binomialCriticalCount, meanAndSe, olsSlope, tTestAbove } from '../../src/stats/oneSided.js';

describe('one-sided tests', () => {
  it('meanAndSe: textbook values; refuses fewer than two or non-finite values', () => {
    const r = meanAndSe([1, 2, 3, 4]);
    expect(r.mean).toBe(2.5);
    expect(r.se).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    expect(() => meanAndSe([1])).toThrow(/at least 2/);
    expect(() => meanAndSe([1, NaN])).toThrow(/non-finite/);
  });

  it('tTestAbove: statistic (mean - limit) / se against the t quantile; rejects only above it', () => {
    const t = tTestAbove([1, 2, 3, 4], 0, 0.05);
    expect(t.statistic).toBeCloseTo(2.5 / Math.sqrt(5 / 12), 12);
    expect(t.critical).toBeCloseTo(2.353363, 5); // t_3(0.95)
    expect(tTestAbove([1, 1, 1], 0, 0.01).statistic).toBe(Infinity);
    expect(tTestAbove([1, 1, 1], 2, 0.01).statistic).toBe(0);
    expect(tTestAbove([-3, -1, -2], 0, 0.01).statistic).toBeLessThan(0);
    expect(() => tTestAbove([1, 2], 0, 0.7)).toThrow(/alpha/);
  });

  it('olsSlope: exact on a line; refuses equal x', () => {
    expect(olsSlope([1, 2, 3], [5, 7, 9])).toBeCloseTo(2, 14);
    expect(() => olsSlope([1, 1], [1, 2])).toThrow(/equal/);
  });

  it('binomialCriticalCount: the smallest k with P(Binomial(n, p) >= k) <= alpha, by hand', () => {
    // n = 56, p = 0.001: P(X >= 1) = 1 - 0.999^56 = 0.0545, P(X >= 2) = 0.0545 - 56 (0.001) 0.999^55 = 0.00151
    expect(binomialCriticalCount(56, 0.001, 0.002)).toBe(2);
    expect(binomialCriticalCount(56, 0.001, 0.001)).toBe(3);
    expect(binomialCriticalCount(1, 0.5, 0.4)).toBe(2); // no count of one trial is rare enough: never rejects
    expect(binomialCriticalCount(10, 0.1, 0.05)).toBe(4); // P(X >= 3) = 0.0702, P(X >= 4) = 0.0128
    expect(() => binomialCriticalCount(0, 0.1, 0.05)).toThrow(/trials/);
    expect(() => binomialCriticalCount(5, 0, 0.05)).toThrow(/p must be/);
    expect(() => binomialCriticalCount(5, 0.1, 0.5)).toThrow(/alpha/);
  });
});
