import { describe, expect, it } from 'vitest';
import { errorBound } from '../../src/audit/errorBound.js';
import { BOUNDS } from '../../src/audit/bounds.js';

describe('errorBound (P1, the one formula the battery and the reproductions use)', () => {
  it('is kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)); kappa = 1 for the linear link', () => {
    const b = errorBound({ link: 'linear', norm: 1, sigma: 0.5, eps: 0.04, d: 10, n: 1000 });
    expect(b).toBeCloseTo(0.5 * (BOUNDS.C1 * 0.2 + BOUNDS.C2 * 0.1), 10);
    expect(errorBound({ link: 'linear', norm: 1, sigma: 1, eps: 0, d: 10, n: 1000 })).toBeCloseTo(BOUNDS.C2 * 0.1, 10);
  });
});
