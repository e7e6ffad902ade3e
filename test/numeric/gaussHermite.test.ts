import { describe, expect, it } from 'vitest';
import { gaussHermite, expectNormal } from '../../src/numeric/gaussHermite.js';
import { gaussLegendre } from '../../src/numeric/gaussLegendre.js';

describe('quadrature rules', () => {
  it('Gauss-Hermite integrates normal moments exactly; Gauss-Legendre polynomials', () => {
    expect(expectNormal((z) => z ** 4, 10)).toBeCloseTo(3, 12);
    expect(expectNormal((z) => z ** 6, 10)).toBeCloseTo(15, 11);
    const { nodes, weights } = gaussLegendre(8);
    expect(nodes.reduce((s, z, i) => s + weights[i] * z ** 6, 0)).toBeCloseTo(2 / 7, 13);
    expect(gaussHermite(5).weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(() => gaussHermite(0)).toThrow(/order/);
  });
});
