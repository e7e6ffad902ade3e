import { describe, expect, it } from 'vitest';
import { rowSquaredNorms } from '../../src/kernels/rowSquaredNorms.js';
import { randomRows, SIZES } from './randomRows.js';

describe('rowSquaredNorms', () => {
  it('|x_i|^2 per row, against the definition', () => {
    for (const [n, d] of SIZES) {
      const { x } = randomRows(n, d, n * d);
      const out = rowSquaredNorms(n, d, x);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] ** 2;
        expect(out[i]).toBeCloseTo(s, 10);
      }
    }
  });
});
