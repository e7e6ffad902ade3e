import { describe, expect, it } from 'vitest';
import { ADVERSARIES } from '../../src/adversaries/index.js';
import { generateInstance } from '../../src/instance/instance.js';
import { getLink } from '../../src/model/links.js';
import { namedStream } from '../../src/rng/streams.js';

describe('adversary catalogue', () => {
  it("white-box covariance-shift attacks the estimator's point when given one", () => {
    const inst = generateInstance({
      d: 5,
      n: 300,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.3,
      eps: 0,
      adversary: 'none',
      seed: 3,
    });
    let called = 0;
    const out = ADVERSARIES['covariance-shift']({
      clean: inst.clean,
      wstar: inst.wstar,
      link: getLink('gelu'),
      eps: 0.1,
      rng: namedStream(1, 'a'),
      estimator: () => {
        called++;
        return Float64Array.from(inst.wstar, (t) => 0.9 * t);
      },
    });
    expect(called).toBe(1);
    expect(out.corrupted.length).toBe(30);
  });
});
