import { describe, expect, it } from 'vitest';
import { ADVERSARIES, ADVERSARY_NAMES, getAdversary } from '../../src/adversaries/index.js';
import { generateInstance } from '../../src/instance/instance.js';
import { getLink, LINK_NAMES } from '../../src/model/links.js';
import { namedStream } from '../../src/rng/streams.js';

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

  describe.each(ADVERSARY_NAMES)('%s', (name) => {
    it.each([
      ['gelu', 0.05],
      ['abs', 0.1],
      ['relu', 0.01],
      ['linear', 0.3],
    ] as const)('changes exactly floor(eps n) rows (%s, eps %s), and only those', (link, eps) => {
      const inst = generateInstance({ d: 6, n: 333, norm: 1.3, link, noise: 'laplace', sigma: 0.2, eps: 0, adversary: 'none', seed: 11 });
      const out = ADVERSARIES[name]({ clean: inst.clean, wstar: inst.wstar, link: getLink(link), eps, rng: namedStream(3, 'adversary') });
      const m = Math.floor(eps * 333);
      expect(out.corrupted.length).toBe(m);
      expect(new Set(out.corrupted).size).toBe(m);
      const changed = new Set(out.corrupted);
      for (let i = 0; i < 333; i++) {
        let same = inst.clean.y[i] === out.sample.y[i];
        for (let j = 0; j < 6; j++) same &&= inst.clean.x[i * 6 + j] === out.sample.x[i * 6 + j];
        expect(same).toBe(!changed.has(i));
        expect(Number.isFinite(out.sample.y[i])).toBe(true);
      }
      // the clean sample is not modified
      const again = generateInstance({ d: 6, n: 333, norm: 1.3, link, noise: 'laplace', sigma: 0.2, eps: 0, adversary: 'none', seed: 11 });
      expect(inst.clean.y).toEqual(again.clean.y);
    });

    it('is deterministic given its stream', () => {
      const a = generateInstance({
        d: 5,
        n: 200,
        norm: 1,
        link: 'swish',
        noise: 'gaussian',
        sigma: 0.3,
        eps: 0.1,
        adversary: name,
        seed: 4,
      });
      const b = generateInstance({
        d: 5,
        n: 200,
        norm: 1,
        link: 'swish',
        noise: 'gaussian',
        sigma: 0.3,
        eps: 0.1,
        adversary: name,
        seed: 4,
      });
      expect(a.sample.y).toEqual(b.sample.y);
      expect(a.sample.x).toEqual(b.sample.x);
      expect(a.corrupted).toEqual(b.corrupted);
    });

    it('eps = 0 changes nothing', () => {
      const inst = generateInstance({
        d: 4,
        n: 50,
        norm: 1,
        link: 'tanh',
        noise: 'gaussian',
        sigma: 0.1,
        eps: 0,
        adversary: 'none',
        seed: 2,
      });
      const out = ADVERSARIES[name]({ clean: inst.clean, wstar: inst.wstar, link: getLink('tanh'), eps: 0, rng: namedStream(1, 'a') });
      expect(out.corrupted.length).toBe(0);
      expect(out.sample.y).toEqual(inst.clean.y);
    });
  });

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

  it("spectral-plant keeps the planted rows' norms typical (about sqrt(d)) and orthogonal to w*", () => {
    const d = 50;
    const inst = generateInstance({
      d,
      n: 2000,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.3,
      eps: 0.05,
      adversary: 'spectral-plant',
      seed: 9,
    });
    for (const i of inst.corrupted) {
      let r2 = 0,
        p = 0;
      for (let j = 0; j < d; j++) {
        r2 += inst.sample.x[i * d + j] ** 2;
        p += inst.sample.x[i * d + j] * inst.wstar[j];
      }
      expect(Math.sqrt(r2) / Math.sqrt(d)).toBeGreaterThan(0.7);
      expect(Math.sqrt(r2) / Math.sqrt(d)).toBeLessThan(1.3);
      expect(Math.abs(p)).toBeLessThan(1e-9);
    }
  });

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
