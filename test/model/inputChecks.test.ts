import { describe, expect, it } from 'vitest';
import { checkEps, checkSigma } from '../../src/model/inputChecks.js';
import { InputError } from '../../src/errors.js';

describe('input checks', () => {
  it('eps in [0, 0.5), named as the user wrote it', () => {
    for (const ok of [0, 0.1, 0.4999]) expect(() => checkEps(ok)).not.toThrow();
    for (const bad of [0.5, -0.01, Number.NaN, Infinity]) expect(() => checkEps(bad)).toThrow(InputError);
    expect(() => checkEps(0.5)).toThrow('eps must be in [0, 0.5), got 0.5');
    expect(() => checkEps(Number.NaN, '--eps')).toThrow('--eps must be in [0, 0.5), got NaN');
  });
  it('sigma finite and >= 0', () => {
    for (const ok of [0, 0.1, 1e6]) expect(() => checkSigma(ok)).not.toThrow();
    for (const bad of [-1, Number.NaN, Infinity]) expect(() => checkSigma(bad)).toThrow(InputError);
    expect(() => checkSigma(-1)).toThrow('sigma must be a finite number >= 0, got -1');
  });
});
