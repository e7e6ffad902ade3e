import { describe, expect, it } from 'vitest';
import { logLogSlope } from '../../src/stats/logLogSlope.js';

describe('logLogSlope', () => {
  it('recovers an exact power law with a zero-width interval', () => {
    const xs = [0.01, 0.02, 0.04, 0.08];
    const f = logLogSlope(
      xs,
      xs.map((x) => 3 * Math.sqrt(x)),
    );
    expect(f.slope).toBeCloseTo(0.5, 12);
    expect(f.intercept).toBeCloseTo(Math.log(3), 12);
    expect(f.upper - f.lower).toBeLessThan(1e-9);
  });
  it('gives the textbook t interval (checked against a hand computation)', () => {
    // log x = 0, 1, 2 (x = 1, e, e^2); log y = 0, 1, 3: slope 1.5, residuals -1/6, 1/3, -1/6
    const f = logLogSlope([1, Math.E, Math.E ** 2], [1, Math.E, Math.E ** 3]);
    expect(f.slope).toBeCloseTo(1.5, 12);
    const se = Math.sqrt((1 / 36 + 1 / 9 + 1 / 36) / 1 / 2);
    expect(f.upper - f.slope).toBeCloseTo(12.706204736174707 * se, 6); // t_{0.975, 1}
  });
  it('drops non-positive points and refuses too few', () => {
    expect(logLogSlope([1, 2, 4, 8], [1, 0, 4, 8]).points).toBe(3);
    expect(() => logLogSlope([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => logLogSlope([2, 2, 2], [1, 2, 3])).toThrow(/equal/);
    expect(() => logLogSlope([1, 2, 3], [1, 2])).toThrow(/3 x values but 2/);
  });
});
