import { describe, expect, it } from 'vitest';
import { blockMedian } from '../../src/robust/blockMedian.js';

describe('blockMedian', () => {
  it('is the median of the means of k contiguous blocks (or of the blocks cut in a given order)', () => {
    const values = Float64Array.from([1, 3, 10, 20, 100, 200]); // blocks of 2: means 2, 15, 150
    expect(blockMedian(values, 6, 3, new Float64Array(3))).toBe(15);
    expect(blockMedian(values, 6, 1, new Float64Array(1))).toBe(334 / 6);
    // cut in the order 0, 5, 1, 4, 2, 3: means 100.5, 51.5, 15
    expect(blockMedian(values, 6, 3, new Float64Array(3), Int32Array.from([0, 5, 1, 4, 2, 3]))).toBe(51.5);
    // k > n: one value per block, the plain median
    expect(blockMedian(values, 3, 10, new Float64Array(10))).toBe(3);
  });

  it('m wild values spoil at most m of 2m + 1 blocks, so the estimate stays with the inliers', () => {
    const n = 1000,
      m = 10;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1));
    for (let i = 0; i < m; i++) values[i * 97] = 1e12;
    expect(Math.abs(blockMedian(values, n, 2 * m + 1, new Float64Array(2 * m + 1)))).toBeLessThan(0.1);
  });
});
