import { describe, it } from 'vitest';
import { estimator } from '../src/solver/methods.js';
import {
  errorBoundProperty,
  exactRecoveryProperty,
  determinismProperty,
  permutationProperty,
  rotationProperty,
  rateProperties,
  type AuditedFit,
} from '../src/audit/battery.js';
import { assertBattery, PROFILE } from './support.js';

const robust: AuditedFit = (data, options) => estimator('robust')(data, options).w;

describe('the robust solver against the claim of seed 000, by its exponents', () => {
  // eps-rate, sigma-rate, n-rate, d-rate: one-sided t tests at an explicit false-alarm
  // probability (src/audit/rates.ts, RATES in src/audit/bounds.ts)
  for (const p of rateProperties(robust, { profile: PROFILE })) {
    it(`${p.id}: ${p.statement}`, () => assertBattery(p));
  }
});

describe('the robust solver: calibrated bound and hygiene', () => {
  it('P1 error bound: |w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)), every adversary', () =>
    assertBattery(errorBoundProperty(robust)));
  it('exact recovery without noise or corruption', () => assertBattery(exactRecoveryProperty(robust)));
  it('P6 seed determinism: bit-identical', () => assertBattery(determinismProperty(robust)));
  it('P6 sample-permutation invariance: to 1e-9 relative (the shipped methods see a canonical row order)', () =>
    assertBattery(permutationProperty(robust)));
  it('P6 rotation equivariance', () => assertBattery(rotationProperty(robust)));
});
