import { describe, expect, it } from 'vitest';
import { medianOfMeans } from '../../src/robust/medianOfMeans.js';
import { mean } from '../../src/robust/mean.js';
import { namedStream } from '../../src/rng/streams.js';

/** n rows of N(0, I_d) with the first m moved to (far, 0, ..., 0). */
function rows(n: number, d: number, m: number, far: number) {
  const g = namedStream(9, 'x');
  const x = Float64Array.from({ length: n * d }, () => g.normal());
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) x[i * d + j] = j === 0 ? far : 0;
  return { n, d, x };
}

describe('medianOfMeans', () => {
  it('eps = 0 is the plain mean (one block)', () => {
    const r = rows(200, 3, 0, 0);
    const a = medianOfMeans(r, { eps: 0 }),
      b = mean(r);
    for (let j = 0; j < 3; j++) expect(a[j]).toBeCloseTo(b[j], 12);
  });
  it('eps n far rows spoil fewer than half of the 2 eps n + 1 blocks: the estimate stays near 0, the mean does not', () => {
    const r = rows(2000, 4, 100, 1e4);
    expect(Math.hypot(...medianOfMeans(r, { eps: 0.05 }))).toBeLessThan(1);
    expect(Math.abs(mean(r)[0])).toBeGreaterThan(100);
  });
  it('does not depend on the order of the rows', () => {
    const r = rows(300, 3, 15, 50);
    const perm = new Float64Array(r.x.length);
    for (let i = 0; i < r.n; i++) perm.set(r.x.subarray((r.n - 1 - i) * 3, (r.n - i) * 3), i * 3);
    expect(medianOfMeans({ ...r, x: perm }, { eps: 0.05 })).toEqual(medianOfMeans(r, { eps: 0.05 }));
  });
});
