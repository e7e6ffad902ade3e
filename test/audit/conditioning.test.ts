import { describe, expect, it } from 'vitest';
import { conditioning } from '../../src/audit/conditioning.js';

describe('conditioning (kappa = sqrt(2 lambda_max(H*)) / lambda_min(H*))', () => {
  it('linear: H* = 2 I, so kappa = sqrt(4) / 2 = 1 at every |w*|', () => {
    for (const s of [0.5, 1, 2]) expect(conditioning('linear', s)).toBeCloseTo(1, 10);
  });
  it('relu: H* = I (lambda 1), so kappa = sqrt(2)', () => {
    expect(conditioning('relu', 1)).toBeCloseTo(Math.SQRT2, 8);
  });
  it('a saturating link grows worse-conditioned with |w*| (tanh)', () => {
    expect(conditioning('tanh', 2)).toBeGreaterThan(conditioning('tanh', 0.5));
  });
});
