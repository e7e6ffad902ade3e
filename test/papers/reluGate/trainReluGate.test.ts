import { describe, expect, it } from 'vitest';
import { trainReluGate } from '../../../src/papers/reluGate/trainReluGate.js';
import { stationaryError } from '../../../src/papers/reluGate/stationaryError.js';

const base = { d: 5, steps: 300, batch: 8, eta: 0.1, update: 'glmtron', covariates: 'gaussian', beta: 0, theta: 0, seed: 3 } as const;

describe('trainReluGate', () => {
  it('starts at norm 0.1 from a unit w* and records one error per step', () => {
    const r = trainReluGate(base);
    expect(Math.hypot(...r.wstar)).toBeCloseTo(1, 12);
    expect(r.errors).toHaveLength(301);
    expect(r.errors[0]).toBeGreaterThan(0.85);
    expect(r.errors[0]).toBeLessThan(1.15);
  });
  it('recovers w* to rounding without attack, for every update', () => {
    for (const update of ['label-sign', 'glmtron', 'sgd'] as const)
      expect(trainReluGate({ ...base, update, steps: 700 }).errors[700]).toBeLessThan(1e-9);
  });
  it('an attack of magnitude 0 changes nothing; beta = 0 ignores theta', () => {
    const clean = trainReluGate(base).errors;
    expect(trainReluGate({ ...base, beta: 0.7, theta: 0 }).errors).toEqual(clean);
    expect(trainReluGate({ ...base, beta: 0, theta: 3 }).errors).toEqual(clean);
  });
  it('an attack raises the error floor, more with a larger theta', () => {
    const floor = (theta: number): number => stationaryError(trainReluGate({ ...base, steps: 1500, beta: 0.5, theta }).errors);
    expect(floor(0.25)).toBeGreaterThan(1e-3);
    expect(floor(2)).toBeGreaterThan(2 * floor(0.25));
  });
  it('refuses bad settings with a message naming the field', () => {
    expect(() => trainReluGate({ ...base, beta: 1.5 })).toThrow(/beta must be in \[0, 1\]/);
    expect(() => trainReluGate({ ...base, eta: Number.NaN })).toThrow(/eta must be/);
    expect(() => trainReluGate({ ...base, batch: 0 })).toThrow(/batch must be/);
    expect(() => trainReluGate({ ...base, update: 'adam' as never })).toThrow(/unknown update "adam"/);
    expect(() => trainReluGate({ ...base, covariates: 'cauchy' as never })).toThrow(/unknown covariates/);
    expect(() => trainReluGate({ ...base, eta: 50, steps: 200 })).toThrow(/non-finite at step/);
  });
});

describe('stationaryError', () => {
  it('is the median of the last 20% of the errors', () => {
    expect(stationaryError(Float64Array.from([9, 9, 9, 9, 9, 9, 9, 9, 1, 3]))).toBe(2);
    expect(stationaryError(Float64Array.from([5, 4, 3, 2, 1]))).toBe(1);
    expect(() => stationaryError(new Float64Array(1))).toThrow(/at least 2/);
  });
});
