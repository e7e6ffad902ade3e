import { describe, it } from 'vitest';
import { estimator } from '../src/solver/methods.js';
import {
  errorBoundProperty, exactRecoveryProperty, determinismProperty, permutationProperty,
  rotationProperty, dimensionFreeProperty, type AuditedFit,
} from '../src/audit/battery.js';
import { assertBattery } from './support.js';

const robust: AuditedFit = (data, options) => estimator('robust')(data, options).w;

describe('the robust solver against the claims of seed 000', () => {
  it('P1 error bound: |w_hat - w*| <= kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)), every adversary', () => assertBattery(errorBoundProperty(robust)));
  it('P2 dimension-free: the error does not grow with d at fixed n/d', () => assertBattery(dimensionFreeProperty(robust)));
  it('exact recovery without noise or corruption', () => assertBattery(exactRecoveryProperty(robust)));
  it('P6 seed determinism: bit-identical', () => assertBattery(determinismProperty(robust)));
  it('P6 sample-permutation invariance', () => assertBattery(permutationProperty(robust)));
  it('P6 rotation equivariance', () => assertBattery(rotationProperty(robust)));
});
