import { describe, expect, it } from 'vitest';
import { fitError } from '../../src/audit/fitError.js';
import { generateInstance, type InstanceSettings } from '../../src/instance/instance.js';

const settings: InstanceSettings = {
  d: 4,
  n: 400,
  norm: 1,
  link: 'relu',
  noise: 'gaussian',
  sigma: 0.1,
  eps: 0.05,
  adversary: 'leverage',
  seed: 8,
};

describe('fitError', () => {
  it('|w_hat - w*| on the instance drawn from the settings, the fit called with its link, eps and seed', () => {
    const seen: unknown[] = [];
    const inst = generateInstance(settings);
    // a fit that answers w* + (0.3, 0, 0, 0) and records what it was called with
    const e = fitError((data, o) => {
      seen.push(o);
      expect(Array.from(data.y)).toEqual(Array.from(inst.sample.y));
      return Float64Array.from(inst.wstar, (v, j) => v + (j === 0 ? 0.3 : 0));
    }, settings);
    expect(e).toBeCloseTo(0.3, 12);
    expect(seen).toEqual([{ link: 'relu', eps: 0.05, seed: 8 }]);
  });
});
