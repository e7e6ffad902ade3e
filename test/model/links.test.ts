import { describe, expect, it } from 'vitest';
import { getLink, LINK_NAMES, LEAKY_SLOPE } from '../../src/model/links.js';

const grid = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1).filter((z) => Math.abs(z) > 0.05);

describe('links', () => {
  it.each(LINK_NAMES)("%s: phi' and phi'' match central finite differences", (name) => {
    const link = getLink(name);
    const h = 1e-5;
    for (const z of grid) {
      const fd1 = (link.phi(z + h) - link.phi(z - h)) / (2 * h);
      const fd2 = (link.dphi(z + h) - link.dphi(z - h)) / (2 * h);
      expect(Math.abs(link.dphi(z) - fd1)).toBeLessThan(1e-6 * (1 + Math.abs(fd1)));
      expect(Math.abs(link.d2phi(z) - fd2)).toBeLessThan(1e-5 * (1 + Math.abs(fd2)));
    }
  });

  it('gelu is the exact erf form z * Phi(z), not the tanh approximation', () => {
    const gelu = getLink('gelu');
    expect(gelu.phi(1)).toBeCloseTo(0.8413447460685429, 14);
    // the tanh approximation gives 0.8411919906082768 at 1: far from the exact value
    expect(Math.abs(gelu.phi(1) - 0.8411919906082768)).toBeGreaterThan(1e-4);
    expect(gelu.phi(-10)).toBeLessThan(0);
    expect(gelu.phi(-10)).toBeGreaterThan(-1e-20);
  });

  it('swish, sigmoid and tanh stay finite far out', () => {
    for (const name of ['swish', 'sigmoid', 'tanh'] as const) {
      const link = getLink(name);
      for (const z of [-800, -50, 50, 800]) {
        expect(Number.isFinite(link.phi(z))).toBe(true);
        expect(Number.isFinite(link.dphi(z))).toBe(true);
        expect(Number.isFinite(link.d2phi(z))).toBe(true);
      }
    }
  });

  it('flags: even, self-gated, monotone', () => {
    expect(LINK_NAMES.filter((n) => getLink(n).even)).toEqual(['abs', 'square']);
    expect(LINK_NAMES.filter((n) => getLink(n).selfGated)).toEqual(['gelu', 'swish', 'relu']);
    expect(getLink('gelu').monotone).toBe(false);
    expect(getLink('leaky-relu').phi(-2)).toBe(-2 * LEAKY_SLOPE);
  });

  it('self-gated links satisfy g(z) + g(-z) = 1 for g = phi(z) / z', () => {
    for (const name of ['gelu', 'swish', 'relu'] as const) {
      const link = getLink(name);
      for (const z of grid) expect(link.phi(z) / z + link.phi(-z) / -z).toBeCloseTo(1, 12);
    }
  });

  it('an unknown link is an error naming the known ones', () => {
    expect(() => getLink('elu')).toThrow(/unknown link "elu".*gelu/);
  });
});
