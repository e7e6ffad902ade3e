import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { fit } from '../../src/solver/methods.js';
import { distance } from '../../src/kernels/vec.js';
import { searchedDrift, SEARCHED_DRIFT_PARAMS } from '../../src/adversaries/searchedDrift.js';
import { getLink } from '../../src/model/links.js';
import { namedStream } from '../../src/rng/streams.js';

describe('searched-drift', () => {
  it("breaks the paper's pipeline on leaky-relu at the setting the search found it (error near |w*|), not the shipped solver", () => {
    const settings = {
      d: 10,
      n: 4000,
      norm: 1,
      link: 'leaky-relu',
      noise: 'student-t:3',
      sigma: 0.01,
      eps: 0.1,
      adversary: 'searched-drift',
      seed: 1,
    } as const;
    const inst = generateInstance(settings);
    const options = { link: settings.link, eps: settings.eps, seed: 1 };
    expect(distance(fit(inst.sample, { ...options, method: 'paper' }).w, inst.wstar)).toBeGreaterThan(0.8);
    expect(distance(fit(inst.sample, { ...options, method: 'robust' }).w, inst.wstar)).toBeLessThan(20 * 0.01 * Math.sqrt(0.1));
  });

  it('attacks the estimator it is given (its clean answer spans the planted direction), w* otherwise', () => {
    const inst = generateInstance({
      d: 5,
      n: 500,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0,
      adversary: 'none',
      seed: 2,
    });
    const input = { clean: inst.clean, wstar: inst.wstar, link: getLink('gelu'), eps: 0.1 };
    const atWstar = searchedDrift({ ...input, rng: namedStream(1, 'adversary') });
    const viaEstimator = searchedDrift({ ...input, rng: namedStream(1, 'adversary'), estimator: () => inst.wstar });
    expect(viaEstimator.sample.y).toEqual(atWstar.sample.y);
    const elsewhere = searchedDrift({ ...input, rng: namedStream(1, 'adversary'), estimator: () => Float64Array.from([1, 0, 0, 0, 0]) });
    expect(elsewhere.sample.x).not.toEqual(atWstar.sample.x);
    expect(SEARCHED_DRIFT_PARAMS.xDir[0]).toBeLessThan(0); // planted against the attacked point
  });
});
