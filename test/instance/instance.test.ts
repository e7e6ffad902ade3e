import { describe, expect, it } from 'vitest';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';
import { isWasmBacked } from '../../src/kernels/wasmKernels.js';

const base: InstanceSettings = {
  d: 8,
  n: 3000,
  norm: 1.5,
  link: 'gelu',
  noise: 'student-t:3',
  sigma: 0.2,
  eps: 0.1,
  adversary: 'leverage',
  seed: 7,
};

const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('generateInstance and its kept clean draws', () => {
  it('gives the same numbers again, in fresh arrays the caller may change', () => {
    const first = generateInstance(base);
    const copy = { w: Float64Array.from(first.wstar), x: Float64Array.from(first.clean.x), y: Float64Array.from(first.clean.y) };
    // a caller that changes what it was given (the benchmark reorders rows in place)
    first.clean.x.fill(0);
    first.clean.y.fill(0);
    first.wstar.fill(0);
    const again = generateInstance(base);
    expect(same(again.wstar, copy.w)).toBe(true);
    expect(same(again.clean.x, copy.x)).toBe(true);
    expect(same(again.clean.y, copy.y)).toBe(true);
    expect(isWasmBacked(again.clean.x)).toBe(true);
    expect(again.clean.x).not.toBe(first.clean.x);
  });

  it('shares the clean draw across eps and adversaries, and tells apart what changes it', () => {
    const clean = generateInstance({ ...base, eps: 0, adversary: 'none' });
    const other = generateInstance({ ...base, eps: 0.05, adversary: 'label-shift' });
    expect(same(other.clean.x, clean.clean.x)).toBe(true);
    expect(same(other.clean.y, clean.clean.y)).toBe(true);
    // each setting that enters the clean draw gives other numbers
    for (const change of [{ seed: 8 }, { sigma: 0.3 }, { norm: 1 }, { link: 'swish' as const }, { noise: 'gaussian' }]) {
      const changed = generateInstance({ ...base, ...change, eps: 0, adversary: 'none' });
      expect(same(changed.clean.y, clean.clean.y)).toBe(false);
    }
  });
});
