import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { lanczos } from '../../src/eigen/lanczos.js';
import { namedStream } from '../../src/rng/streams.js';

/** A diagonal operator with the given entries. */
const diagonal = (values: Float64Array) => (v: Float64Array, out: Float64Array) => {
  for (let j = 0; j < values.length; j++) out[j] = values[j] * v[j];
};

describe('lanczos', () => {
  test.prop([fc.noShrink(fc.integer({ min: 1, max: 2 ** 31 - 1 })), fc.integer({ min: 1, max: 40 })])(
    'finds the largest algebraic eigenvalue, also among large negative ones, in at most d steps',
    (seed, d) => {
      const r = namedStream(seed, 'lanczos-diag');
      // most of the spectrum far below zero (an unbounded-below preprocessing), the top at 1
      const values = Float64Array.from({ length: d }, () => -1000 * r.uniform());
      const top = Math.floor(r.uniform() * d);
      values[top] = 1;
      const start = Float64Array.from({ length: d }, () => 0.1 + r.uniform());
      const result = lanczos(d, diagonal(values), start, { maxSteps: 100, stop: () => false });
      expect(result.steps).toBeLessThanOrEqual(d);
      expect(result.value).toBeCloseTo(1, 6);
      expect(Math.abs(result.vector[top])).toBeGreaterThan(1 - 1e-6);
      // oriented along the start
      expect(result.vector.reduce((a, t, j) => a + t * start[j], 0)).toBeGreaterThan(0);
    },
  );

  it('stops when its rule says so, and on an invariant subspace', () => {
    const d = 30;
    const values = Float64Array.from({ length: d }, (_, j) => 1 + j / d);
    const seen: number[] = [];
    const result = lanczos(d, diagonal(values), new Float64Array(d).fill(1), {
      maxSteps: 30,
      stop: (s) => {
        seen.push(s.steps);
        return s.steps === 4;
      },
    });
    expect(result.steps).toBe(4);
    expect(seen).toEqual([1, 2, 3, 4]);
    // the start is an eigenvector: one step, the exact pair
    const e = new Float64Array(d);
    e[5] = 1;
    const exact = lanczos(d, diagonal(values), e, { maxSteps: 30, stop: () => false });
    expect(exact.steps).toBe(1);
    expect(exact.value).toBe(values[5]);
    expect(exact.vector[5]).toBe(1);
  });

  it('its residual falls as the Ritz value settles', () => {
    const d = 60;
    const values = Float64Array.from({ length: d }, (_, j) => (j === 17 ? 3 : j / d));
    const residuals: number[] = [];
    lanczos(d, diagonal(values), new Float64Array(d).fill(1), {
      maxSteps: 60,
      stop: (s) => {
        residuals.push(s.residual);
        return s.residual < 1e-10;
      },
    });
    expect(residuals.at(-1)).toBeLessThan(1e-10);
    expect(residuals.length).toBeLessThan(20);
  });
});
