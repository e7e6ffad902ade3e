import { describe, expect, it } from 'vitest';
import { leastSquaresLine } from '../../src/stats/leastSquaresLine.js';
import { olsSlope } from '../../src/stats/oneSided.js';
import { logLogSlope } from '../../src/stats/logLogSlope.js';

describe('leastSquaresLine', () => {
  it('fits y = 1 + 2x exactly, with the textbook sums', () => {
    const r = leastSquaresLine([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(r).toEqual({ slope: 2, intercept: 1, sxx: 5, rss: 0 });
  });
  it('the residual sum of squares of a noisy line', () => {
    // x = 0, 1, 2; y = 0, 2, 1: slope 0.5, intercept 0.5, residuals -0.5, 1, -0.5
    const r = leastSquaresLine([0, 1, 2], [0, 2, 1]);
    expect(r.slope).toBeCloseTo(0.5, 15);
    expect(r.intercept).toBeCloseTo(0.5, 15);
    expect(r.rss).toBeCloseTo(1.5, 15);
  });
  it('names the caller in its errors', () => {
    expect(() => leastSquaresLine([1, 1], [1, 2], 'olsSlope')).toThrow(/^olsSlope: all x values are equal/);
    expect(() => leastSquaresLine([1], [1])).toThrow(/leastSquaresLine: need two lists/);
    expect(() => olsSlope([1, 2], [1])).toThrow(/olsSlope: need two lists of equal length/);
  });
  it('olsSlope and logLogSlope are its slope (on x and on log x)', () => {
    const xs = [1, 2, 4, 8, 16];
    const ys = [3, 2.1, 1.4, 1.1, 0.7];
    expect(olsSlope(xs, ys)).toBe(leastSquaresLine(xs, ys).slope);
    expect(logLogSlope(xs, ys).slope).toBe(leastSquaresLine(xs.map(Math.log), ys.map(Math.log)).slope);
  });
});
