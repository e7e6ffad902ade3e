import { describe, expect, it } from 'vitest';
import { profileFromEnv, QUICK_SEED, runs } from '../../src/audit/profile.js';

describe('profile', () => {
  it('quick by default with the fixed seed; deep scales the runs by 20; SIM_AUDIT_SEED overrides the seed', () => {
    expect(profileFromEnv({})).toEqual({ name: 'quick', scale: 1, seed: QUICK_SEED });
    expect(profileFromEnv({ SIM_AUDIT_PROFILE: 'deep', SIM_AUDIT_SEED: '7' })).toEqual({ name: 'deep', scale: 20, seed: 7 });
    expect(profileFromEnv({ SIM_AUDIT_SEED: 'x' }).seed).toBe(QUICK_SEED);
  });
  it('run counts: the base times the scale, at least 1', () => {
    expect(runs({ name: 'deep', scale: 20, seed: 1 }, 40)).toBe(800);
    expect(runs({ name: 'quick', scale: 1, seed: 1 }, 0)).toBe(1);
  });
});
