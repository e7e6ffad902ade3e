import { describe, expect, it } from 'vitest';
import { fieldStep } from '../../src/solver/fieldStep.js';
import { getLink } from '../../src/model/links.js';

describe('fieldStep (1 / lambda_max of the field population Jacobian at norm s)', () => {
  it('linear: squared loss Hessian 2 I, so 1/2 (one Newton step); GLMtron Jacobian I, so 1', () => {
    expect(fieldStep(getLink('linear'), 1, 'squared')).toBeCloseTo(0.5, 12);
    expect(fieldStep(getLink('linear'), 3, 'squared')).toBeCloseTo(0.5, 12);
    expect(fieldStep(getLink('linear'), 1, 'glmtron')).toBeCloseTo(1, 12);
  });
  it('relu: along w* 2 E[Z^2 1{Z > 0}] = 1 and across 2 E[1{Z > 0}] = 1, so 1', () => {
    expect(fieldStep(getLink('relu'), 1, 'squared')).toBeCloseTo(1, 2);
  });
  it('a saturating link loses curvature as |w| grows, so its step grows (sigmoid)', () => {
    const link = getLink('sigmoid');
    expect(fieldStep(link, 8, 'squared')).toBeGreaterThan(2 * fieldStep(link, 1, 'squared'));
  });
});
