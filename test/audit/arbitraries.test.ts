import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_LINKS, instanceCaseArb, settingsOf } from '../../src/audit/arbitraries.js';
import { BOUNDS } from '../../src/audit/bounds.js';

describe('instance cases (the P1 domain)', () => {
  it('every drawn case lies in the P1 domain, and its settings are a valid instance', () => {
    for (const c of fc.sample(instanceCaseArb(), { seed: 3, numRuns: 200 })) {
      expect(CLAIM_LINKS).toContain(c.link);
      expect(c.noiseToSignal).toBeLessThanOrEqual(BOUNDS.maxNoiseToSignal);
      expect(c.samplesPerDim).toBeGreaterThanOrEqual(BOUNDS.minSamplesPerDimension);
      expect(c.eps).toBeLessThanOrEqual(BOUNDS.maxEps);
      const s = settingsOf(c);
      expect(s.n).toBe(c.samplesPerDim * c.d);
      expect(s.sigma).toBeCloseTo(c.noiseToSignal * c.norm, 15);
      expect(s.adversary).toBe(c.eps > 0 ? c.adversary : 'none');
    }
  });
  it('maxD and links narrow the draws; the same seed draws the same cases', () => {
    const cases = fc.sample(instanceCaseArb({ maxD: 4, links: ['relu'] }), { seed: 1, numRuns: 50 });
    expect(cases.every((c) => c.d <= 4 && c.link === 'relu')).toBe(true);
    expect(fc.sample(instanceCaseArb(), { seed: 5, numRuns: 5 })).toEqual(fc.sample(instanceCaseArb(), { seed: 5, numRuns: 5 }));
  });
});
