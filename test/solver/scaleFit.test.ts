import { describe, expect, it } from 'vitest';
import { truncationLevel } from '../../src/solver/spectralInit.js';
import { fitScale } from '../../src/solver/scaleFit.js';
import { getLink } from '../../src/model/links.js';

describe('solver', () => {
  it('truncation level and the 1-D scale fit', () => {
    expect(truncationLevel(Float64Array.from([1, -2, 3, -4]))).toBe(3 * 4);
    const z = Float64Array.from({ length: 200 }, (_, i) => (i - 100) / 30);
    const link = getLink('tanh');
    const y = z.map((t) => link.phi(-1.7 * t));
    expect(fitScale(link, z, y, { robust: true })).toBeCloseTo(-1.7, 4);
    expect(fitScale(link, z, y, { robust: false })).toBeCloseTo(-1.7, 4);
  });
});
