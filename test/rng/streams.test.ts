import { describe, expect, it } from 'vitest';
import { namedStream } from '../../src/rng/streams.js';

describe('named streams', () => {
  it('the same seed and name give the same numbers, bit for bit', () => {
    const a = namedStream(12, 'x'),
      b = namedStream(12, 'x');
    for (let i = 0; i < 1000; i++) expect(Object.is(a.normal(), b.normal())).toBe(true);
  });

  it('different names or seeds give different streams', () => {
    const base = Array.from({ length: 8 }, namedStream(12, 'x').uniform);
    expect(Array.from({ length: 8 }, namedStream(12, 'noise').uniform)).not.toEqual(base);
    expect(Array.from({ length: 8 }, namedStream(13, 'x').uniform)).not.toEqual(base);
  });

  it('draws from one stream do not shift another', () => {
    const x1 = namedStream(5, 'x');
    const n1 = namedStream(5, 'noise');
    const first = n1.normal();
    x1.normal();
    x1.normal();
    expect(namedStream(5, 'noise').normal()).toBe(first);
  });

  it('uniform in [0, 1), int in range, normal with unit variance', () => {
    const r = namedStream(1, 'u');
    let s2 = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      s2 += r.normal() ** 2;
    }
    expect(s2 / 100_000).toBeGreaterThan(0.98);
    expect(s2 / 100_000).toBeLessThan(1.02);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => namedStream(1.5, 'x')).toThrow(/seed/);
  });
});
