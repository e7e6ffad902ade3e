import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { labelLaw, overlapLimit, weakRecoveryThreshold } from '../../src/papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../../src/papers/spectral/preprocess.js';
import { simulateOverlap } from '../../src/papers/spectral/simulateOverlap.js';
import { SPECTRAL } from '../../src/audit/bounds.js';
import { seedArb } from '../../src/audit/arbitraries.js';
import { params } from '../support.js';

/** Seed 003's claims as properties (tolerances and their calibration: SPECTRAL in bounds.ts). */
const caseArb = fc.constantFrom(
  ['phase', 'optimal'],
  ['phase', 'clip:3'],
  ['phase', 'trim:5'],
  ['phase', 'indicator:2'],
  ['gelu', 'clip:1'],
);
const thresholds = new Map<string, number>();
const thresholdOf = (m: string, p: string): number => {
  const key = `${m}/${p}`;
  if (!thresholds.has(key)) thresholds.set(key, weakRecoveryThreshold(labelLaw(m), parsePreprocess(p)));
  return thresholds.get(key)!;
};

describe('seed 003: spectral initialization asymptotics', () => {
  it('the closed form gives the optimal preprocessing its known threshold 1/2', () => {
    expect(Math.abs(thresholdOf('phase', 'optimal') - 0.5)).toBeLessThan(1e-6);
  });

  it('the limiting overlap does not decrease in alpha, and is 0 below the threshold and positive above', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 1.01, max: 3, noNaN: true }), ([m, p], a, f) => {
        const law = labelLaw(m),
          pre = parsePreprocess(p);
        const r1 = overlapLimit(law, pre, a).rho2,
          r2 = overlapLimit(law, pre, a * f).rho2;
        const ac = thresholdOf(m, p);
        return r2 >= r1 - 1e-9 && (a < 0.99 * ac ? r1 === 0 : true) && (a > 1.01 * ac ? r1 > 0 : true);
      }),
      params(20) as fc.Parameters<[unknown, unknown, unknown]>,
    );
  });

  it('finite-size draws lie within finiteSizeC / sqrt(d) of the closed form above the threshold', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(2.5, 4, 8), fc.constantFrom(200, 300), seedArb, ([m, p], factor, d, seed) => {
        const law = labelLaw(m),
          pre = parsePreprocess(p);
        const a = factor * thresholdOf(m, p);
        return (
          Math.abs(simulateOverlap(law, pre, a, d, seed).overlap - overlapLimit(law, pre, a).rho2) <= SPECTRAL.finiteSizeC / Math.sqrt(d)
        );
      }),
      params(6) as fc.Parameters<[unknown, unknown, unknown, unknown]>,
    );
  });

  it('below the threshold the overlap is finite-size noise (<= belowC / sqrt(d))', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(200, 300), seedArb, ([m, p], d, seed) => {
        const a = SPECTRAL.belowFactor * thresholdOf(m, p);
        return simulateOverlap(labelLaw(m), parsePreprocess(p), a, d, seed).overlap <= SPECTRAL.belowC / Math.sqrt(d);
      }),
      params(6) as fc.Parameters<[unknown, unknown, unknown]>,
    );
  });
});
