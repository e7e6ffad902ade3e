import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/stats/summary.js';

describe('summarize', () => {
  it('gives median, p90 and max regardless of order', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s.median).toBe(3);
    expect(s.max).toBe(5);
    expect(s.p90).toBeGreaterThanOrEqual(4);
    expect(s.p90).toBeLessThanOrEqual(5);
  });
  it('refuses empty and non-finite input', () => {
    expect(() => summarize([])).toThrow(/no values/);
    expect(() => summarize([1, Number.NaN])).toThrow(/non-finite/);
  });
});
