import { describe, expect, it } from 'vitest';
import { normalRule } from '../../src/numeric/normalIntegral.js';

const expectation = (g: (z: number) => number, breaks: number[] = []): number => {
  const { nodes, weights } = normalRule(breaks);
  let s = 0;
  for (let k = 0; k < nodes.length; k++) s += weights[k] * g(nodes[k]);
  return s;
};

describe('normalRule (E[g(Z)], Z ~ N(0, 1), panels broken at kinks)', () => {
  it('the mass and the moments 1, z^2, z^4', () => {
    expect(expectation(() => 1)).toBeCloseTo(1, 12);
    expect(expectation((z) => z * z)).toBeCloseTo(1, 12);
    expect(expectation((z) => z ** 4)).toBeCloseTo(3, 11);
  });
  it('a kink at 0 is exact when broken there: E[relu(Z)] = 1 / sqrt(2 pi), E[1{Z > 0.5}] = Phi(-0.5)', () => {
    expect(expectation((z) => Math.max(z, 0), [0])).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 13);
    expect(expectation((z) => (z > 0.5 ? 1 : 0), [0.5])).toBeCloseTo(0.3085375387259869, 12);
  });
  it('breaks outside the range are ignored; nodes ascend', () => {
    const { nodes } = normalRule([-20, 0, 30]);
    for (let k = 1; k < nodes.length; k++) expect(nodes[k]).toBeGreaterThan(nodes[k - 1]);
  });
});
