import { describe, expect, it } from 'vitest';
import { medianOfMeans } from '../../src/robust/medianOfMeans.js';
import { mean } from '../../src/robust/mean.js';
import { contaminated } from './contaminated.js';

describe('medianOfMeans', () => {
  it('eps = 0 is the plain mean (one block)', () => {
    const r = contaminated(200, 3, 0, 0, 9);
    const a = medianOfMeans(r, { eps: 0 }),
      b = mean(r);
    for (let j = 0; j < 3; j++) expect(a[j]).toBeCloseTo(b[j], 12);
  });
  it('eps n far rows spoil fewer than half of the 2 eps n + 1 blocks: the estimate stays near 0, the mean does not', () => {
    const r = contaminated(2000, 4, 100, 1e4, 9);
    expect(Math.hypot(...medianOfMeans(r, { eps: 0.05 }))).toBeLessThan(1);
    expect(Math.abs(mean(r)[0])).toBeGreaterThan(100);
  });
  it('does not depend on the order of the rows', () => {
    const r = contaminated(300, 3, 15, 50, 9);
    const perm = new Float64Array(r.x.length);
    for (let i = 0; i < r.n; i++) perm.set(r.x.subarray((r.n - 1 - i) * 3, (r.n - i) * 3), i * 3);
    expect(medianOfMeans({ ...r, x: perm }, { eps: 0.05 })).toEqual(medianOfMeans(r, { eps: 0.05 }));
  });
});
