import { describe, expect, it } from 'vitest';
import { lanczosTop } from '../../src/eigen/lanczosTop.js';
import { namedStream } from '../../src/rng/streams.js';

describe('seed 003 building blocks', () => {
  it('Lanczos finds the top eigenvector of a diagonal operator with a negative tail', () => {
    const diag = Float64Array.from({ length: 50 }, (_, j) => (j === 7 ? 2 : j % 2 ? -1000 : 1));
    const r = lanczosTop(
      50,
      (v, out) => {
        for (let j = 0; j < 50; j++) out[j] = diag[j] * v[j];
      },
      namedStream(1, 'init'),
    );
    expect(r.value).toBeCloseTo(2, 8);
    expect(Math.abs(r.vector[7])).toBeCloseTo(1, 8);
  });
});
