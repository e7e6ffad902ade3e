import { describe, expect, it } from 'vitest';
import { callFit } from '../../src/solver/callFit.js';
import { conditioning } from '../../src/audit/conditioning.js';

const data = { n: 3, d: 2, x: new Float64Array(6), y: new Float64Array(3) };
const opts = { link: 'linear' as const, eps: 0.1, seed: 1 };

describe('callFit (what an audited estimator may return)', () => {
  it('takes a Float64Array, an array or { w }, and returns a Float64Array of length d', () => {
    expect(callFit(() => Float64Array.from([1, 2]), data, opts)).toEqual(Float64Array.from([1, 2]));
    expect(callFit(() => [3, 4], data, opts)).toEqual(Float64Array.from([3, 4]));
    expect(callFit(() => ({ w: [5, 6] }), data, opts)).toEqual(Float64Array.from([5, 6]));
  });

  it('refuses an answer of the wrong length or shape, naming the problem', () => {
    expect(() => callFit(() => [1, 2, 3], data, opts)).toThrow(/returned 3 numbers for d = 2/);
    expect(() => callFit(() => ({ v: [1, 2] }) as unknown as number[], data, opts)).toThrow(
      /neither an array nor an object with a "w" array/,
    );
  });
});

describe('conditioning (the kappa of the P1 bound)', () => {
  it('is sqrt(2 lambda_max) / lambda_min of the exact Hessian at w*: 1 for the linear link (H* = 2I), larger for a saturating one', () => {
    expect(conditioning('linear', 1)).toBeCloseTo(1, 10);
    expect(conditioning('linear', 3)).toBeCloseTo(1, 10);
    expect(conditioning('tanh', 2)).toBeGreaterThan(conditioning('tanh', 0.5));
  });
});
