import { describe, expect, it } from 'vitest';
import { LEVERAGE_FACTOR } from '../../src/adversaries/leverage.js';
import { corruptedCase } from './corruptedCase.js';

describe('leverage', () => {
  it('plants rows of norm 0.5-1.5 x LEVERAGE_FACTOR sqrt(d) along one unit u orthogonal to w*, labelled by w* + |w*| u', () => {
    const { inst, phi, dot, untouched } = corruptedCase('leverage');
    const { d, x, y } = inst.sample;
    const norm = Math.hypot(...inst.wstar);
    const first = inst.corrupted[0];
    const r0 = Math.hypot(...x.subarray(first * d, first * d + d));
    const u = Array.from(x.subarray(first * d, first * d + d), (v) => v / r0);
    expect(Math.abs(dot(Float64Array.from(u), 0, inst.wstar))).toBeLessThan(1e-12);
    for (const i of inst.corrupted) {
      const r = Math.hypot(...x.subarray(i * d, i * d + d));
      expect(r).toBeGreaterThanOrEqual(0.5 * LEVERAGE_FACTOR * Math.sqrt(d) - 1e-9);
      expect(r).toBeLessThanOrEqual(1.5 * LEVERAGE_FACTOR * Math.sqrt(d) + 1e-9);
      expect(Math.abs(dot(x, i, u))).toBeCloseTo(r, 9); // along u
      expect(y[i]).toBeCloseTo(phi(norm * r), 12);
    }
    expect(untouched()).toBe(true);
  });
});
