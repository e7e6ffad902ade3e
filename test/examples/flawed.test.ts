import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flawNames } from '../../reproductions/audit-power.js';
import { generateInstance } from '../../src/instance/instance.js';
import { estimator } from '../../src/solver/methods.js';
import { distance } from '../../src/kernels/vec.js';
import { measureVariantRun } from '../../src/audit/batteryTasks.js';
import { QUICK_SEED } from '../../src/audit/profile.js';

const DIR = join(process.cwd(), 'examples', 'flawed');
type FlawModule = { MAGNITUDES: number[]; withMagnitude: (m: number) => (data: unknown, o: unknown) => ArrayLike<number>; fit: unknown };
const load = async (name: string): Promise<FlawModule> => (await import(join(DIR, `${name}.mjs`))) as FlawModule;

describe('the zoo of flawed estimators (examples/flawed/)', () => {
  it('every module says what is wrong and what should catch it, and exports two or more magnitudes and fit', async () => {
    const names = flawNames();
    expect(names).toEqual([
      'bias-under-corruption',
      'early-stopping',
      'eps-quarter-rate',
      'grows-with-d',
      'hidden-nondeterminism',
      'order-dependence',
      'slow-statistical-rate',
      'under-filtering',
    ]);
    for (const name of names) {
      expect(readFileSync(join(DIR, `${name}.mjs`), 'utf8')).toMatch(/^\/\/ Flaw: [\s\S]*What(\s|\/)+should(\s|\/)+catch it/);
      const mod = await load(name);
      expect(mod.MAGNITUDES.length).toBeGreaterThanOrEqual(2);
      expect(typeof mod.withMagnitude).toBe('function');
      expect(typeof mod.fit).toBe('function');
    }
  });

  it('the planted error is the one named: eps^(1/4) and the relative bias move the robust answer by exactly that much', async () => {
    const inst = generateInstance({
      d: 5,
      n: 2000,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0.05,
      adversary: 'label-shift',
      seed: 3,
    });
    const opts = { link: 'gelu', eps: 0.05, seed: 3 };
    const robust = estimator('robust')(inst.sample, opts as never).w;
    const bias = (await load('bias-under-corruption')).withMagnitude(0.03)(inst.sample, opts);
    expect(distance(bias, robust)).toBeCloseTo(0.03 * Math.hypot(...robust), 12);
    const quarter = (await load('eps-quarter-rate')).withMagnitude(1)(inst.sample, opts);
    const moved = distance(quarter, robust) / 0.05 ** 0.25;
    expect(moved).toBeGreaterThan(0.05); // the residual scale s, about sigma = 0.1
    expect(moved).toBeLessThan(0.2);
    const clean = generateInstance({
      d: 5,
      n: 2000,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0,
      adversary: 'none',
      seed: 3,
    });
    const noBias = (await load('bias-under-corruption')).withMagnitude(0.03)(clean.sample, { ...opts, eps: 0 });
    expect(Array.from(noBias)).toEqual(Array.from(estimator('robust')(clean.sample, { ...opts, eps: 0 } as never).w));
  });

  it('the hygiene flaws are caught by the run that should catch them; the robust solver is not', async () => {
    const profile = { name: 'quick' as const, scale: 1, seed: QUICK_SEED };
    const input = {
      link: 'gelu',
      norm: 1,
      noiseToSignal: 0.1,
      noise: 'gaussian',
      d: 4,
      samplesPerDim: 100,
      eps: 0.05,
      adversary: 'label-shift',
      seed: 11,
      perm: 5,
    };
    const nondet = await measureVariantRun({
      variant: { estimator: 'examples/flawed/hidden-nondeterminism.mjs', magnitude: 1e-6 },
      profile,
      property: 'P6-determinism',
      input,
    });
    expect(nondet.caught).toBe(true);
    const order = await measureVariantRun({
      variant: { estimator: 'examples/flawed/order-dependence.mjs', magnitude: 0.1 },
      profile,
      property: 'P6-permutation-invariance',
      input,
    });
    expect(order.caught).toBe(true);
    for (const property of ['P6-determinism', 'P6-permutation-invariance']) {
      const ok = await measureVariantRun({ variant: { estimator: 'robust' }, profile, property, input });
      expect(ok).toMatchObject({ caught: false, measured: 0 });
    }
    const bad = await measureVariantRun({
      variant: { estimator: 'robust' },
      profile,
      property: 'P1-error-bound',
      input: { ...input, link: 'nope' },
    });
    expect(bad.caught).toBe(true);
    expect(bad.error).toMatch(/unknown link/);
  });
});
