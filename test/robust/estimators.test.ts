// The mean estimators against one another on clean samples: mean.ts, coordinateMedian.ts, trimmedMean.ts, medianOfMeans.ts, filterMean.ts.
import { describe, expect, it } from 'vitest';
import { mean } from '../../src/robust/mean.js';
import { coordinateMedian } from '../../src/robust/coordinateMedian.js';
import { trimmedMean } from '../../src/robust/trimmedMean.js';
import { medianOfMeans } from '../../src/robust/medianOfMeans.js';
import { filterMean } from '../../src/robust/filterMean.js';
import { contaminated } from './contaminated.js';

const norm = (v: Float64Array): number => Math.hypot(...v);

describe('robust mean estimators on clean data', () => {
  const rows = contaminated(4000, 20, 0, 0, 1);
  // statistical error of the mean: sqrt(d/n) = 0.07; all estimators within 2x of it
  it.each([
    ['mean', () => mean(rows)],
    ['coordinate median', () => coordinateMedian(rows)],
    ['trimmed mean', () => trimmedMean(rows, { eps: 0.1 })],
    ['median of means', () => medianOfMeans(rows, { eps: 0.1 })],
    ['filter', () => filterMean(rows, { eps: 0.1 })],
  ])('%s is within 2 sqrt(d/n) of the truth', (_, est) => {
    expect(norm(est())).toBeLessThan(2 * Math.sqrt(20 / 4000));
  });

  it('eps = 0 makes the filter, trimmed mean and median of means the plain mean', () => {
    const m = mean(rows);
    for (const est of [filterMean(rows, { eps: 0 }), trimmedMean(rows, { eps: 0 }), medianOfMeans(rows, { eps: 0 })]) {
      for (let j = 0; j < 20; j++) expect(est[j]).toBeCloseTo(m[j], 12);
    }
  });

  it('scales multiply the rows', () => {
    const scale = new Float64Array(rows.n).fill(3);
    const a = mean(rows),
      b = mean({ ...rows, scale });
    for (let j = 0; j < 20; j++) expect(b[j]).toBeCloseTo(3 * a[j], 12);
  });
});
