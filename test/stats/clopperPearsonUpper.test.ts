import { describe, expect, it } from 'vitest';
import { clopperPearsonUpper } from '../../src/stats/clopperPearsonUpper.js';

describe('clopperPearsonUpper', () => {
  it('0 of n: 1 - 0.05^(1/n); n of n: 1', () => {
    expect(clopperPearsonUpper(0, 40)).toBeCloseTo(1 - 0.05 ** (1 / 40), 12);
    expect(clopperPearsonUpper(10, 10)).toBe(1);
  });
  it('1 of 10 at 95%: 0.3942 (the textbook value)', () => {
    expect(clopperPearsonUpper(1, 10)).toBeCloseTo(0.3942, 4);
  });
  it('names bad counts', () => {
    expect(() => clopperPearsonUpper(3, 2)).toThrow(/0 <= k <= n/);
  });
});
