import { describe, expect, it } from 'vitest';
import { GATE } from '../../../src/audit/bounds.js';
import { GATE_COVARIATES, GATE_UPDATES, type GateSettings } from '../../../src/papers/reluGate/trainReluGate.js';
import {
  analysePoisoning,
  analyseRealizable,
  gatePlan,
  gateRuns,
  trajectoryRows,
} from '../../../reproductions/papers/seed-002-relu-gate.js';

/** A run's error path falling geometrically by `rate` a step from 1. */
const geometric = (steps: number, rate: number): Float64Array => Float64Array.from({ length: steps + 1 }, (_, t) => rate ** t);

describe('seed 002 in steps: the plan, and the analysis on synthetic results', () => {
  const plan = gatePlan(false);

  it('the plan declares the grid once: its tasks are the settings the analysis looks up', () => {
    const runs = gateRuns(plan);
    const seeds = plan.seeds.length;
    expect(runs.realizable).toHaveLength(GATE_UPDATES.length * GATE_COVARIATES.length * 4 * seeds);
    expect(runs.poisoned).toHaveLength(GATE_COVARIATES.length * GATE_UPDATES.length * plan.poisonPoints.length * seeds);
    expect(runs.trajectories.map((s) => s.update)).toEqual([...GATE_UPDATES]);
    expect(runs.poisoned).toContainEqual(plan.poisoned('sgd', 'laplace', 0.5, 0.25, plan.seeds[0]));
    expect(gatePlan(true).seeds.length).toBeGreaterThan(seeds);
  });

  it('realizable: steps to 1e-6 from the error paths; a slower batch breaks G2, a stalled update G1', () => {
    // label-sign converges 10x a step at every batch; glmtron twice as slowly at batch 64; sgd stalls at 0.5
    const errorsOf = (s: GateSettings): Float64Array =>
      s.update === 'sgd'
        ? new Float64Array(GATE.realizableSteps + 1).fill(0.5)
        : geometric(GATE.realizableSteps, s.update === 'glmtron' && s.batch === 64 ? 0.1 ** 0.5 : 0.1);
    const r = analyseRealizable(plan, errorsOf);
    const row = r.conv.find((c) => c[0] === 'label-sign' && c[1] === 'gaussian')!;
    expect(row.slice(2)).toEqual(['7', '7', '7', '7']); // 0.1^7 < 1e-6 first at step 7
    expect(r.conv.find((c) => c[0] === 'glmtron')!.slice(2)).toEqual(['7', '7', '7', '13']);
    expect(r.conv.find((c) => c[0] === 'sgd')!.slice(2)).toEqual(Array(4).fill(`> ${GATE.realizableSteps}`));
    const verdict = Object.fromEntries(r.claims.map((c) => [c.id, c.verdict]));
    expect(verdict['G1-realizable-label-sign']).toBe('holds');
    expect(verdict['G1-realizable-sgd']).toBe('does not hold');
    expect(r.claims.find((c) => c.id === 'G2-batch')!.measured).toBeCloseTo(13 / 7, 12);
    // the figure: Laplace runs of seed 1, every tenth step
    expect(r.curves.length).toBe(GATE_UPDATES.length * 4 * (Math.floor(GATE.realizableSteps / 10) + 1));
  });

  it('poisoning: G3 reads the error against its bound, G4 against SGD on the same grid point', () => {
    const bound = (s: GateSettings): number => GATE.poisoningC * s.theta * Math.sqrt((s.beta * GATE.eta * 10) / 16);
    // every update at half its bound, except glmtron at 3 times SGD's error
    const stationaryOf = (s: GateSettings): number => (s.update === 'glmtron' ? 1.5 : 0.5) * bound(s);
    const r = analysePoisoning(plan, stationaryOf);
    const claim = (id: string) => r.claims.find((c) => c.id === id)!;
    expect(claim('G3-poisoning-sgd').measured).toBeCloseTo(0.5, 12);
    expect(claim('G3-poisoning-glmtron').verdict).toBe('does not hold');
    expect(claim('G4-alike-label-sign').measured).toBeCloseTo(1, 12);
    expect(claim('G4-alike-glmtron').measured).toBeCloseTo(3, 12);
    // the figure leaves out the exact zeros (theta = 0, beta = 0) and keeps the Gaussian law only
    expect(r.gridRows.every((row) => (row.error as number) > 0)).toBe(true);
    expect(r.thetaTable).toHaveLength(GATE_COVARIATES.length * GATE_UPDATES.length);
  });

  it('the trajectories: every tenth step of each update', () => {
    const rows = trajectoryRows(plan, (s) => geometric(s.steps, 0.99));
    expect(rows).toHaveLength(GATE_UPDATES.length * (plan.poisonSteps / 10 + 1));
    expect(rows[1]).toMatchObject({ step: 10, error: 0.99 ** 10 });
  });
});
