import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gmmSample, netOutput, neuronNorms, type PreluNet } from '../../../src/papers/preluGmm/model.js';

describe('seed 004 building blocks', () => {
  it('draws points about alpha from orthonormal centers with the right labels', () => {
    const s = gmmSample(400, 100, 2, 3, 0.1, 1);
    for (let i = 0; i < s.n; i++) {
      const k = s.cluster[i];
      expect(s.y[i]).toBe(k < 2 ? 1 : -1);
      let dist = 0;
      for (let j = 0; j < 100; j++) dist += (s.x[i * 100 + j] - (j === k ? 1 : 0)) ** 2;
      expect(Math.sqrt(dist)).toBeGreaterThan(0.05);
      expect(Math.sqrt(dist)).toBeLessThan(0.15);
    }
    expect(() => gmmSample(10, 3, 2, 2, 0.1, 1)).toThrow(/K1 \+ K2 <= D/);
  });

  it('the input gradient matches finite differences (p = 3)', () => {
    const D = 6;
    const net: PreluNet = {
      p: 3,
      m: 2,
      D,
      w: Float64Array.from({ length: 12 }, (_, k) => Math.sin(k + 1)),
      v: Float64Array.from([1.5, -0.7]),
    };
    const x = Float64Array.from({ length: D }, (_, k) => Math.cos(k) + 0.3);
    const g = new Float64Array(D);
    netOutput(net, x, 0, g);
    for (let k = 0; k < D; k++) {
      const a = Float64Array.from(x),
        b = Float64Array.from(x);
      a[k] += 1e-6;
      b[k] -= 1e-6;
      expect(g[k]).toBeCloseTo((netOutput(net, a, 0) - netOutput(net, b, 0)) / 2e-6, 5);
    }
  });

  it('gives the doubles of the network as first written (|w_j| summed beside <w_j, x>), with the norms cached or not', () => {
    // the evaluation before the norms were cached, kept here as the reference
    const reference = (net: PreluNet, x: Float64Array, grad: Float64Array): number => {
      const { p, m, D, w, v } = net;
      let xx = 0;
      for (let k = 0; k < D; k++) xx += x[k] ** 2;
      const b = Math.sqrt(xx) || 1e-300;
      grad.fill(0);
      let f = 0;
      for (let j = 0; j < m; j++) {
        let u = 0,
          ww = 0;
        for (let k = 0; k < D; k++) {
          u += w[j * D + k] * x[k];
          ww += w[j * D + k] ** 2;
        }
        if (u <= 0) continue;
        const a = Math.sqrt(ww) || 1e-300;
        const c = Math.pow(a * b, p - 1);
        const s = Math.pow(u, p) / c;
        f += v[j] * s;
        const g1 = (v[j] * p * Math.pow(u, p - 1)) / c,
          g2 = (v[j] * (p - 1) * s) / (b * b);
        for (let k = 0; k < D; k++) grad[k] += g1 * w[j * D + k] - g2 * x[k];
      }
      return f;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        fc.noShrink(fc.integer({ min: 0, max: 1e6 })),
        (p, m, D, seed) => {
          const at = (k: number): number => Math.sin(seed + 1.7 * k) * (1 + (k % 3));
          const net: PreluNet = {
            p,
            m,
            D,
            w: Float64Array.from({ length: m * D }, (_, k) => at(k)),
            v: Float64Array.from({ length: m }, (_, j) => at(100 + j)),
          };
          const x = Float64Array.from({ length: D }, (_, k) => at(200 + k));
          const g0 = new Float64Array(D),
            g1 = new Float64Array(D),
            g2 = new Float64Array(D);
          const f0 = reference(net, x, g0);
          const f1 = netOutput(net, x, 0, g1),
            f2 = netOutput(net, x, 0, g2, neuronNorms(net));
          expect(Object.is(f1, f0)).toBe(true);
          expect(Object.is(f2, f0)).toBe(true);
          for (let k = 0; k < D; k++) {
            expect(Object.is(g1[k], g0[k])).toBe(true);
            expect(Object.is(g2[k], g0[k])).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
