import { describe, expect, it } from 'vitest';
import { auditBattery, batteryIds, runCount, searchProperty } from '../../src/audit/battery.js';
import type { InstanceCase } from '../../src/audit/arbitraries.js';
import type { AuditedFit } from '../../src/audit/fitError.js';
import { estimator } from '../../src/solver/methods.js';

const fitOf =
  (method: 'robust' | 'plain'): AuditedFit =>
  (data, o) =>
    estimator(method)(data, o).w;
const quick = { name: 'quick', scale: 1, seed: 1 } as const;
const deep = { name: 'deep', scale: 20, seed: 1 } as const;
// a small case of the P1 domain: d = 3, n = 300
const small: InstanceCase = {
  link: 'gelu',
  norm: 1,
  noiseToSignal: 0.1,
  noise: 'gaussian',
  d: 3,
  samplesPerDim: 100,
  eps: 0.05,
  adversary: 'leverage',
  seed: 11,
};

describe('the "search" property', () => {
  it('is in the deep battery only, calibrated, and its id is one --skip accepts', () => {
    const fit = fitOf('robust');
    expect(auditBattery(fit, { profile: quick }).map((p) => p.id)).not.toContain('search');
    const p = auditBattery(fit, { profile: deep }).find((x) => x.id === 'search');
    expect(p?.kind).toBe('calibrated');
    expect(runCount(p!, deep)).toBeGreaterThan(0);
    expect(batteryIds()).toContain('search');
  });

  it("holds for the robust solver and fails least squares on a small case, the search's error against P1's bound", () => {
    const robust = searchProperty(fitOf('robust')).measure(small);
    expect(robust.measured).toBeLessThanOrEqual(robust.bound);
    const plain = searchProperty(fitOf('plain')).measure(small);
    expect(plain.bound).toBe(robust.bound);
    expect(plain.measured).toBeGreaterThan(plain.bound);
  }, 120000);
});
