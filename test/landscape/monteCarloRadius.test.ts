import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { lambdaMin } from '../../src/landscape/population.js';
import { drawPlaneSample, monteCarloCrossing, monteCarloLambdaMin } from '../../src/landscape/monteCarloRadius.js';
import { basinRadius } from '../../src/landscape/basinRadius.js';

describe('Monte Carlo landscape in d dimensions', () => {
  const ps = drawPlaneSample(20000, 50, 7);
  it('draws the plane coordinates as N(0,1) and the rest as chi^2_(d-2)', () => {
    const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;
    expect(Math.abs(mean(ps.z1))).toBeLessThan(0.03);
    expect(Math.abs(mean(ps.z1.map((z) => z * z)) - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean(ps.rest) / 48 - 1)).toBeLessThan(0.02);
    expect(drawPlaneSample(10, 50, 7).z1).toEqual(drawPlaneSample(10, 50, 7).z1);
    expect(() => drawPlaneSample(10, 2, 7)).toThrow(/d must be/);
  });
  it('matches the exact lambda_min within 4 standard errors (gelu, several points)', () => {
    const gelu = getLink('gelu');
    for (const [a, b] of [
      [1, 0],
      [0.6, 0.3],
      [0.3, 0.1],
      [1.5, -0.4],
    ]) {
      const e = monteCarloLambdaMin(gelu, ps, a, b, 1);
      expect(e.se).toBeGreaterThan(0);
      expect(Math.abs(e.value - lambdaMin(gelu, a, b, 1)) / e.se).toBeLessThan(4);
    }
  });
  it('finds the basin radius along the worst ray within 2%', () => {
    const gelu = getLink('gelu');
    const b = basinRadius(gelu, 1);
    const len = Math.hypot(b.at![0] - 1, b.at![1]);
    const r = monteCarloCrossing(gelu, ps, 1, [(b.at![0] - 1) / len, b.at![1] / len], 2 * b.radius);
    expect(Math.abs(r - b.radius) / b.radius).toBeLessThan(0.02);
  });
});
