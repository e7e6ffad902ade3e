import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { lambdaMin } from '../../src/landscape/population.js';
import { basinRadius, circleMin } from '../../src/landscape/basinRadius.js';

describe('basin radius', () => {
  it.each([
    ['gelu', 1],
    ['tanh', 2],
    ['relu', 1],
  ] as const)('%s at |w*| = %s: lambda_min > 0 strictly inside, = 0 on the boundary point found', (name, s) => {
    const link = getLink(name);
    const b = basinRadius(link, s);
    expect(b.found).toBe(true);
    expect(b.radius).toBeGreaterThan(0);
    // first crossing: every circle strictly inside has positive minimum
    for (const f of [0.25, 0.5, 0.75, 0.98]) expect(circleMin(link, s, f * b.radius, 24).value).toBeGreaterThan(0);
    const [a, bb] = b.at!;
    expect(Math.abs(lambdaMin(link, a, bb, s))).toBeLessThan(1e-3);
    expect(Math.hypot(a - s, bb) - b.radius).toBeLessThan(1e-6 * s + 1e-9);
  });
});
