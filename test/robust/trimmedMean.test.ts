import { describe, expect, it } from 'vitest';
import { trimmedMean } from '../../src/robust/trimmedMean.js';

describe('trimmedMean', () => {
  it('drops the ceil(eps n) smallest and largest values of each coordinate', () => {
    // column 0: 1..10 with two outliers; column 1: scaled rows (scale 2)
    const x = Float64Array.from([1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1, 8, 1, -1000, 1, 1000, 1]);
    const r = trimmedMean({ n: 10, d: 2, x }, { eps: 0.1 }); // k = 1: drop -1000 and 1000
    expect(r[0]).toBe((1 + 2 + 3 + 4 + 5 + 6 + 7 + 8) / 8);
    expect(r[1]).toBe(1);
    const s = trimmedMean({ n: 10, d: 2, x, scale: new Float64Array(10).fill(2) }, { eps: 0.1 });
    expect(s[1]).toBe(2);
  });
  it('never trims past the median, and refuses eps outside [0, 0.5)', () => {
    const x = Float64Array.from([3, 1, 2]);
    expect(trimmedMean({ n: 3, d: 1, x }, { eps: 0.49 })[0]).toBe(2); // k capped at 1
    expect(() => trimmedMean({ n: 3, d: 1, x }, { eps: 0.5 })).toThrow(/eps must be in \[0, 0.5\)/);
  });
});
