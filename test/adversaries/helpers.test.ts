import { describe, expect, it } from 'vitest';
import { ADVERSARIES } from '../../src/adversaries/index.js';
import { generateInstance } from '../../src/instance/instance.js';
import { getLink } from '../../src/model/links.js';
import { namedStream } from '../../src/rng/streams.js';

describe('adversary catalogue', () => {
  it('strategies that need a direction orthogonal to w* refuse d = 1 with a clear error', () => {
    const inst = generateInstance({
      d: 1,
      n: 50,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0,
      adversary: 'none',
      seed: 2,
    });
    for (const name of ['planted-model', 'spectral-plant', 'leverage', 'covariance-shift'] as const) {
      expect(() =>
        ADVERSARIES[name]({ clean: inst.clean, wstar: inst.wstar, link: getLink('gelu'), eps: 0.1, rng: namedStream(1, 'a') }),
      ).toThrow(/d >= 2/);
    }
  });
});
