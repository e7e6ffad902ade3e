import { describe, expect, it } from 'vitest';
import { golubWelsch } from '../../src/numeric/golubWelsch.js';
import { expectNormal, gaussHermite } from '../../src/numeric/gaussHermite.js';
import { gaussLegendre } from '../../src/numeric/gaussLegendre.js';
import { normalRule } from '../../src/numeric/normalIntegral.js';

/** E[Z^k] for Z ~ N(0, 1): (k - 1)!! for even k, 0 for odd. */
const normalMoment = (k: number): number => (k % 2 ? 0 : k === 0 ? 1 : (k - 1) * normalMoment(k - 2));

describe('Gauss rules (src/numeric)', () => {
  it('golubWelsch: the 2-point rule of the normal weight is +-1 with weights 1/2, nodes ascending', () => {
    const { nodes, weights } = golubWelsch(2, Math.sqrt, 1);
    expect(nodes[0]).toBeCloseTo(-1, 14);
    expect(nodes[1]).toBeCloseTo(1, 14);
    expect(weights[0]).toBeCloseTo(0.5, 14);
    expect(weights[1]).toBeCloseTo(0.5, 14);
  });

  it('gaussHermite: m points integrate Z^k exactly for k <= 2m - 1, are a probability measure, and refuse bad orders', () => {
    const m = 6;
    const { nodes, weights } = gaussHermite(m);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    for (let k = 0; k <= 2 * m - 1; k++) {
      const q = nodes.reduce((a, z, r) => a + weights[r] * z ** k, 0);
      expect(Math.abs(q - normalMoment(k))).toBeLessThan(1e-12 * normalMoment(k + (k % 2))); // relative to the even moment at that degree
    }
    // degree 2m is not exact: the rule's error there is m! (a known Gauss-Hermite fact)
    const q12 = nodes.reduce((a, z, r) => a + weights[r] * z ** 12, 0);
    expect(normalMoment(12) - q12).toBeCloseTo(720, 6);
    expect(() => gaussHermite(0)).toThrow(/order/);
    expect(() => gaussHermite(2.5)).toThrow(/order/);
    expect(expectNormal((z) => Math.cos(z))).toBeCloseTo(Math.exp(-0.5), 14);
  });

  it('gaussLegendre: integrates polynomials of degree 2m - 1 over [-1, 1] exactly', () => {
    const m = 5;
    const { nodes, weights } = gaussLegendre(m);
    for (let k = 0; k <= 2 * m - 1; k++) {
      const q = nodes.reduce((a, t, r) => a + weights[r] * t ** k, 0);
      expect(q).toBeCloseTo(k % 2 ? 0 : 2 / (k + 1), 13);
    }
  });

  it('normalRule: panels broken at kinks integrate a kinked function to rounding; without the break it is far worse', () => {
    // E[max(Z - 0.3, 0)] = phi(0.3) - 0.3 (1 - Phi(0.3))
    const phi = Math.exp(-0.045) / Math.sqrt(2 * Math.PI);
    const tail = 0.3820885778110474; // 1 - Phi(0.3)
    const exact = phi - 0.3 * tail;
    const integrate = (breaks: number[]) => {
      const { nodes, weights } = normalRule(breaks);
      return nodes.reduce((a, z, r) => a + weights[r] * Math.max(z - 0.3, 0), 0);
    };
    expect(Math.abs(integrate([0.3]) - exact)).toBeLessThan(1e-13);
    expect(Math.abs(integrate([]) - exact)).toBeGreaterThan(1e-8);
  });
});
