import { describe, expect, it } from 'vitest';
import { golubWelsch } from '../../src/numeric/golubWelsch.js';

describe('golubWelsch', () => {
  it('the probabilists Hermite weight (beta_k = sqrt(k), mass 1): exact moments up to degree 2m - 1', () => {
    const { nodes, weights } = golubWelsch(5, (k) => Math.sqrt(k), 1);
    const moment = (p: number) => nodes.reduce((s, z, i) => s + weights[i] * z ** p, 0);
    expect(moment(0)).toBeCloseTo(1, 13);
    expect(moment(2)).toBeCloseTo(1, 13);
    expect(moment(4)).toBeCloseTo(3, 12);
    expect(moment(6)).toBeCloseTo(15, 11);
    expect(moment(8)).toBeCloseTo(105, 9);
    expect(moment(3)).toBeCloseTo(0, 12);
  });
  it('Legendre on [-1, 1] (beta_k = k / sqrt(4 k^2 - 1), mass 2): two points at +-1/sqrt(3), weights 1', () => {
    const { nodes, weights } = golubWelsch(2, (k) => k / Math.sqrt(4 * k * k - 1), 2);
    expect(nodes[0]).toBeCloseTo(-1 / Math.sqrt(3), 14);
    expect(nodes[1]).toBeCloseTo(1 / Math.sqrt(3), 14);
    expect(weights[0]).toBeCloseTo(1, 14);
  });
});
