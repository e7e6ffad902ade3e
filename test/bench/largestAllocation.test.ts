import { describe, expect, it } from 'vitest';
import { largestFloat64Allocation } from '../../src/bench/largestAllocation.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('largestFloat64Allocation sees new, from and of, and restores the constructor', () => {
    const original = Float64Array;
    expect(
      largestFloat64Allocation(() => {
        new Float64Array(30);
        Float64Array.from({ length: 50 });
        Float64Array.of(1, 2);
      }),
    ).toBe(50);
    expect(globalThis.Float64Array).toBe(original);
    expect(() =>
      largestFloat64Allocation(() => {
        throw new Error('inner');
      }),
    ).toThrow('inner');
    expect(globalThis.Float64Array).toBe(original);
  });
});
