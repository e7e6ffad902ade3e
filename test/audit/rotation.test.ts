import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rotationProperty, type RotationCase } from '../../src/audit/battery.js';
import { estimator } from '../../src/solver/methods.js';

describe('rotation equivariance in floating point (what P6-rotation-equivariance can assert)', () => {
  it('most fits agree with the rotated fit to rounding (1e-12 relative); the rest, where a discrete decision flipped, stay within the 5% tolerance', () => {
    const e = estimator('robust');
    const p = rotationProperty((data, o) => e(data, o).w);
    const inputs = fc.sample(p.arbitrary, { numRuns: 40, seed: 7 }) as RotationCase[];
    const rel = inputs.map((c) => {
      const m = p.measure(c);
      return { rel: m.measured / c.norm, margin: m.measured / m.bound };
    });
    const atRounding = rel.filter((r) => r.rel <= 1e-12).length;
    console.log(
      `rotation: ${atRounding} of ${rel.length} to 1e-12 relative; largest relative difference ${Math.max(...rel.map((r) => r.rel)).toPrecision(3)}, largest margin ${Math.max(...rel.map((r) => r.margin)).toPrecision(3)}`,
    );
    expect(atRounding).toBeGreaterThanOrEqual(rel.length / 2);
    for (const r of rel) expect(r.margin).toBeLessThanOrEqual(1);
  }, 60000);
});
