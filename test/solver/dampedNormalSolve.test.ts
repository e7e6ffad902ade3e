import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { DampedNormalSystem } from '../../src/solver/dampedNormalSolve.js';
import { namedStream } from '../../src/rng/streams.js';

/** A random system: x (n x d), slopes s, weights c (some 0), a right-hand side g. */
function system(n: number, d: number, seed: number) {
  const rng = namedStream(seed, 'damped-normal-test');
  const x = Float64Array.from({ length: n * d }, () => rng.normal());
  const s = Float64Array.from({ length: n }, () => rng.normal());
  const c = Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : 1));
  const g = Float64Array.from({ length: d }, () => rng.normal());
  return { x, s, c, g };
}

/** (sum_i c_i s_i^2 x_i x_i^T + shift I)^-1 g by a dense solve, and the trace of the sum. */
function dense(n: number, d: number, x: Float64Array, s: Float64Array, c: Float64Array, shift: number, g: Float64Array) {
  const a = Matrix.zeros(d, d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) a.set(j, k, a.get(j, k) + c[i] * s[i] * s[i] * x[i * d + j] * x[i * d + k]);
  let trace = 0;
  for (let j = 0; j < d; j++) trace += a.get(j, j);
  for (let j = 0; j < d; j++) a.set(j, j, a.get(j, j) + shift);
  return { step: solve(a, Matrix.columnVector(Array.from(g))).to1DArray(), trace };
}

describe('the damped Gauss-Newton system', () => {
  for (const [n, d, how] of [
    [200, 6, 'formed (small d)'],
    [400, 30, 'by conjugate gradients (no d x d array)'],
  ] as const)
    it(`solves (A + shift I) step = g ${how}, and gives A's trace`, () => {
      const { x, s, c, g } = system(n, d, d);
      const sys = new DampedNormalSystem(n, d, x);
      const trace = sys.set(s, c);
      const shift = 1e-3 * (trace / d);
      const want = dense(n, d, x, s, c, shift, g);
      expect(trace).toBeCloseTo(want.trace, 8);
      const step = new Float64Array(d);
      sys.solve(shift, g, step);
      const err = Math.hypot(...want.step.map((v, j) => v - step[j]));
      // the formed solve is exact to rounding; conjugate gradients stop at a residual of 1e-4 of g
      expect(err / Math.hypot(...want.step)).toBeLessThan(d > 24 ? 1e-3 : 1e-10);
    });

  it('a system with no weighted slope has trace 0 (the caller then stops)', () => {
    const { x, s } = system(50, 4, 1);
    expect(new DampedNormalSystem(50, 4, x).set(s, new Float64Array(50))).toBe(0);
  });
});
