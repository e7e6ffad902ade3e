import { describe, expect, it } from 'vitest';
import { ADVERSARY_NAMES, getAdversary } from '../../src/adversaries/index.js';
import { generateInstance } from '../../src/instance/instance.js';
import { LINK_NAMES } from '../../src/model/links.js';

describe('adversary catalogue', () => {
  it('lists the seven strategies of SPEC section 2 in order, then the attacks the search found', () => {
    expect(ADVERSARY_NAMES).toEqual([
      'label-shift',
      'sign-flip',
      'planted-model',
      'spectral-plant',
      'leverage',
      'covariance-shift',
      'heavy-tail-mimic',
      'searched-drift',
    ]);
    expect(() => getAdversary('nope')).toThrow(/unknown adversary "nope"/);
  });

  it('works for every link', () => {
    for (const link of LINK_NAMES) {
      const inst = generateInstance({
        d: 4,
        n: 120,
        norm: 1,
        link,
        noise: 'student-t',
        sigma: 0.2,
        eps: 0.1,
        adversary: 'sign-flip',
        seed: 1,
      });
      expect(inst.corrupted.length).toBe(12);
    }
  });
});
