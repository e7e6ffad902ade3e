// The spectral filter (src/robust/filterMean.ts) under contamination.
import { describe, expect, it } from 'vitest';
import { mean } from '../../src/robust/mean.js';
import { trimmedMean } from '../../src/robust/trimmedMean.js';
import { medianOfMeans } from '../../src/robust/medianOfMeans.js';
import { filterMean, filterMeanDetailed, FILTER } from '../../src/robust/filterMean.js';
import { contaminated } from './contaminated.js';
import { BOUNDS } from '../../src/audit/bounds.js';

const norm = (v: Float64Array): number => Math.hypot(...v);

describe('the spectral filter under contamination', () => {
  it("a 10% cluster at 3 sigma: within the O(sigma sqrt(eps)) guarantee and half the plain mean's error", () => {
    // Finding (issue 3 note): the filter removes about 70% of this cluster and stops with
    // error 0.17, against 0.11 for the inliers alone and 0.32 for the plain mean. A tight
    // cluster inflates the robust scale along its own direction too (MAD^2 1.38 instead of
    // about 1), so the stop rule accepts the rest; an earlier aim of 1.5x the clean error
    // (0.15) is not met. What is asserted is the guarantee (P5's bound) and the contrast.
    const rows = contaminated(10000, 100, 1000, 3, 2);
    const f = filterMeanDetailed(rows, { eps: 0.1 });
    const plain = norm(mean(rows));
    expect(plain).toBeGreaterThan(0.3);
    expect(norm(f.mean)).toBeLessThan(BOUNDS.CF * (Math.sqrt(0.1) + Math.sqrt(100 / 10000)));
    expect(norm(f.mean)).toBeLessThan(plain / 1.8);
    expect(f.rounds).toBeGreaterThan(0);
    // most of the removed weight is the cluster's
    let removedCluster = 0;
    for (let i = 0; i < 1000; i++) removedCluster += 1 - f.weights[i];
    expect(removedCluster / f.removedWeight).toBeGreaterThan(0.5);
  });

  it('never removes more than its budget of 2 eps n', () => {
    const rows = contaminated(3000, 30, 300, 50, 3);
    const f = filterMeanDetailed(rows, { eps: 0.1 });
    expect(f.removedWeight).toBeLessThanOrEqual(FILTER.budgetFactor * 0.1 * 3000 + 1e-9);
    for (const w of f.weights) expect(w >= 0 && w <= 1).toBe(true);
  });

  it('in second-moment mode finds a planted spike direction and removes it', () => {
    const rows = contaminated(5000, 50, 250, 8, 4);
    const f = filterMeanDetailed(rows, { eps: 0.05, centered: false });
    let removedCluster = 0;
    for (let i = 0; i < 250; i++) removedCluster += 1 - f.weights[i];
    expect(removedCluster).toBeGreaterThan(200);
  });

  it('warm-started weights count against the budget', () => {
    const rows = contaminated(2000, 10, 0, 0, 5);
    const start = new Float64Array(2000).fill(1);
    for (let i = 0; i < 400; i++) start[i] = 0; // already 2 eps n removed
    const f = filterMeanDetailed(rows, { eps: 0.1, initialWeights: start });
    expect(f.rounds).toBe(0);
    expect(f.removedWeight).toBe(400);
    expect(() => filterMeanDetailed(rows, { eps: 0.1, initialWeights: new Float64Array(3) })).toThrow(/length/);
  });

  it('rejects eps outside [0, 0.5)', () => {
    const rows = contaminated(100, 3, 0, 0, 1);
    expect(() => filterMean(rows, { eps: 0.5 })).toThrow(/eps/);
    expect(() => trimmedMean(rows, { eps: -0.1 })).toThrow(/eps/);
    expect(() => medianOfMeans(rows, { eps: NaN })).toThrow(/eps/);
  });
});
