import { describe, expect, it } from 'vitest';
import { SPECTRAL } from '../../../src/audit/bounds.js';
import {
  analyseCurves,
  analyseNoisy,
  analyseThresholds,
  analyseTwoStage,
  type ClosedForm,
  type NoisyCase,
  spectralDraws,
  spectralPlan,
} from '../../../reproductions/papers/seed-003-spectral-asymptotics.js';

/** A synthetic closed form: threshold `t`, rho^2 = max(0, 1 - t / alpha). */
function form(t: number, drop = 0): ClosedForm {
  const rho2 = (a: number): number => Math.max(0, 1 - t / a);
  const grid = [0.5, 1.5, 2.5, 4, 8].map((f) => f * t);
  return {
    threshold: t,
    at: [1, 2, 4, 8].map(rho2),
    largestDrop: drop,
    curve: [0.5, 1, 2].map((f) => ({ alpha: f * t, rho2: rho2(f * t) })),
    atGrid: grid.map(rho2),
    probe: Math.max(4, 3 * t),
    atProbe: rho2(Math.max(4, 3 * t)),
  };
}

describe('seed 003 in steps: the plan, and the analysis on synthetic results', () => {
  const plan = spectralPlan(false);
  // the six cases of the reproduction, phase/optimal at its known threshold 1/2
  const forms = [form(0.5), form(1.2), form(1.1), form(2), form(0.9), form(1.7)];
  const noisy: NoisyCase[] = [{ m: 'phase', p: 'clip:3', sigma: 0.3, a: 1.5, probe: 4.5, th: 0.6 }];

  it('draws where the thresholds say: the noisy probes, then each curve at every d', () => {
    const thresholds = new Map([
      ['phase/optimal', 0.5],
      ['phase/trim:5', 1.2],
      ['gelu/clip:1', 1.7],
    ]);
    const draws = spectralDraws(plan, thresholds, noisy);
    expect(draws).toHaveLength(plan.seeds.length * (1 + 3 * 5 * 3));
    expect(draws[0]).toEqual(plan.noisyDraw(noisy[0], plan.seeds[0]));
    expect(draws).toContainEqual(plan.curveDraw('gelu', 'clip:1', 8 * 1.7, 1000, plan.seeds[1]));
  });

  it('T1 reads the optimal threshold, T2 the largest drop', () => {
    const t = analyseThresholds(forms);
    expect(t.claims.map((c) => c.verdict)).toEqual(['holds', 'holds']);
    expect(t.thRows[0]).toEqual(['phase', 'optimal', '0.5', '0.5', '0.75', '0.875', '0.9375']);
    const off = analyseThresholds([form(0.51), ...forms.slice(1, 5), form(1.7, 1e-6)]);
    expect(off.claims.map((c) => c.verdict)).toEqual(['does not hold', 'does not hold']);
  });

  it('finite size: draws equal to the closed form deviate by 0; a draw off by C / sqrt(d) reads 1', () => {
    const byCase: Record<string, ClosedForm> = { 'phase/optimal': forms[0], 'phase/trim:5': forms[1], 'gelu/clip:1': forms[5] };
    const formOf = (m: string, p: string): ClosedForm => byCase[`${m}/${p}`]!;
    const exact = (o: { model: string; preprocess: string; alpha: number }) =>
      Math.max(0, 1 - formOf(o.model, o.preprocess).threshold / o.alpha);
    const r = analyseCurves(plan, formOf, exact);
    expect(r.worstAbove).toBe(0);
    expect(r.worstBelow).toBe(0); // rho^2 is 0 at half the threshold
    expect(r.devTable).toHaveLength(3 * 5);
    const off = analyseCurves(plan, formOf, (o) => exact(o) + SPECTRAL.finiteSizeC / Math.sqrt(o.d));
    expect(off.worstAbove).toBeCloseTo(1, 9);
    const n = analyseNoisy(plan, noisy, () => 0.6 + (2 * SPECTRAL.finiteSizeC) / Math.sqrt(500));
    expect(n.worstNoisy).toBeCloseTo(2, 9);
    expect(n.noisyRows[0].slice(0, 3)).toEqual(['phase', '0.3', 'clip:3']);
  });

  it('two-stage: T5 reads the final error of the runs at alpha >= the claim', () => {
    const runs = [0.4, 1, 2, 3, 4, 6].map((a) => ({
      overlap: 0.5,
      errors: Float64Array.from({ length: 501 }, (_, t) => (a >= SPECTRAL.wfAlpha ? 0.9 ** t : Number.NaN)),
    }));
    const wf = analyseTwoStage(plan, runs);
    expect(wf.claim.verdict).toBe('holds');
    expect(wf.claim.measured).toBeCloseTo(0.9 ** 500, 20);
    expect(wf.wfTable[0].slice(2)).toEqual(['diverged', 'diverged', 'diverged', 'diverged', 'diverged']);
  });
});
