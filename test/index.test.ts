// The library entry (src/index.ts, the package's main export): what the README's snippet does.
import { describe, expect, it } from 'vitest';
import { ADVERSARY_NAMES, attack, audit, fit, InputError, LINK_NAMES, landscape, METHOD_NAMES, simulate } from '../src/index.js';
import { siblingModule } from '../src/sweep/siblingModule.js';

describe('the library API', () => {
  it('simulate -> fit: the robust fit of a corrupted gelu instance is within 0.2 of w*', () => {
    const { sample, wstar } = simulate({
      d: 5,
      n: 2000,
      norm: 1,
      link: 'gelu',
      noise: 'gaussian',
      sigma: 0.3,
      eps: 0.05,
      adversary: 'leverage',
      seed: 1,
    });
    const { w, status } = fit(sample, { method: 'robust', link: 'gelu', eps: 0.05, seed: 1 });
    expect(status).toBe('converged');
    expect(Math.hypot(...w.map((t, j) => t - wstar[j]))).toBeLessThan(0.2);
    expect(METHOD_NAMES).toContain('robust');
    expect(LINK_NAMES).toContain('gelu');
  });

  it('attack corrupts eps n rows of a clean sample and names them; bad input is an InputError naming the problem', () => {
    const { sample, wstar } = simulate({
      d: 4,
      n: 1000,
      norm: 1,
      link: 'relu',
      noise: 'gaussian',
      sigma: 0.1,
      eps: 0,
      adversary: 'none',
      seed: 2,
    });
    const out = attack({ data: sample, wstar, link: 'relu', adversary: ADVERSARY_NAMES[0], eps: 0.1, seed: 3 });
    expect(out.corrupted.length).toBe(100);
    expect(out.sample.n).toBe(1000);
    expect(() => attack({ data: sample, wstar: [1, 2], link: 'relu', adversary: 'leverage', eps: 0.1, seed: 3 })).toThrow(InputError);
    expect(() => attack({ data: sample, wstar, link: 'relu', adversary: 'nope', eps: 0.1, seed: 3 })).toThrow(/nope/);
    expect(() => attack({ data: sample, wstar, link: 'relu', adversary: 'leverage', eps: 0.5, seed: 3 })).toThrow(/eps/);
  });

  it('landscape gives the exact basin facts (linear link: lambda_min 2 at any norm)', () => {
    const s = landscape('linear', 1);
    expect(s.hessianMinEigAtOptimum).toBeCloseTo(2, 8);
  });

  it('audit takes a function and resolves to the outcome audit --json prints (the rates skipped here: they take a minute)', async () => {
    const leastSquares = (data: Parameters<typeof fit>[0], o: { link: 'linear'; eps: number; seed: number }) =>
      fit(data, { ...o, method: 'plain' }).w;
    const skip = ['eps-rate', 'sigma-rate', 'n-rate', 'd-rate', 'breakdown', 'P6-rotation-equivariance'];
    const outcome = await audit(leastSquares as never, { skip, links: ['linear'] });
    expect(outcome.holds).toBe(true); // P1, calibrated, is outside the verdict
    expect(outcome.calibratedHolds).toBe(false);
    expect(outcome.properties.find((p) => p.id === 'P1-error-bound')?.holds).toBe(false);
    expect((await audit(leastSquares as never, { skip, links: ['linear'], constants: true })).holds).toBe(false);
    await expect(audit('robust', { skip: ['P9'] })).rejects.toThrow(/unknown property "P9"/);
  }, 120000);

  it("siblingModule keeps the running module's extension (.ts from the sources, .js compiled)", () => {
    expect(siblingModule('file:///a/src/audit/x.ts', 'batteryTasks')).toBe('file:///a/src/audit/batteryTasks.ts');
    expect(siblingModule('file:///a/dist/audit/x.js', 'batteryTasks')).toBe('file:///a/dist/audit/batteryTasks.js');
  });
});
