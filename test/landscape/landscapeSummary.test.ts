import { describe, expect, it } from 'vitest';
import { landscapeSummary } from '../../src/landscape/landscapeSummary.js';

describe('basin radius', () => {
  it('landscape summary: the CLI contract fields', () => {
    const s = landscapeSummary('square', 1);
    expect(s.hermite).toHaveLength(5);
    expect(s.hessianMinEigAtOptimum).toBeCloseTo(8, 8);
    expect(s.spectral.untruncated.a).toBeCloseTo(3, 8);
    expect(() => landscapeSummary('square', 0)).toThrow(/norm/);
    expect(() => landscapeSummary('elu', 1)).toThrow(/unknown link/);
  });
});
