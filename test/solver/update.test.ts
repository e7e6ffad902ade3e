// The update fields of the descent (src/solver/update.ts). Descent itself: solver.test.ts.
import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { fillScales, HUBER_K, updateLoss, updateThreshold } from '../../src/solver/update.js';

describe('update fields', () => {
  it("fill the per-row factor: 2 r phi'(u) (squared), r (GLMtron), 2 clip(r, delta) phi'(u) (Huber)", () => {
    const link = getLink('relu');
    const u = Float64Array.from([1, -1, 2]),
      y = Float64Array.from([0, 0, 5]);
    const s = new Float64Array(3);
    fillScales(link, 'squared', 0, u, y, s);
    expect(Array.from(s)).toEqual([2, 0, -6]);
    fillScales(link, 'glmtron', 0, u, y, s);
    expect(Array.from(s)).toEqual([1, 0, -3]);
    fillScales(link, 'huber', 0.5, u, y, s);
    expect(Array.from(s)).toEqual([1, 0, -1]);
    expect(updateLoss(link, u, y, 'squared', 0)).toBeCloseTo((1 + 0 + 9) / 3, 15);
    expect(updateLoss(link, u, y, 'huber', 0.5)).toBeCloseTo((2 * 0.5 * 1 - 0.25 + 0 + 2 * 0.5 * 3 - 0.25) / 3, 15);
    expect(updateThreshold('squared', link, u, y)).toBe(0);
    expect(updateThreshold('huber', getLink('linear'), Float64Array.from([0, 0, 0]), Float64Array.from([-1, 0, 1]))).toBeCloseTo(
      HUBER_K * 1.482602218505602,
      12,
    );
  });
});
