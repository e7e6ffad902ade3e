import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GATE_COVARIATES, trainReluGate, type GateUpdate } from '../../src/papers/reluGate/trainReluGate.js';
import { stationaryError } from '../../src/papers/reluGate/stationaryError.js';
import { GATE } from '../../src/audit/bounds.js';
import { seedArb } from '../../src/audit/arbitraries.js';
import { params, PROFILE } from '../support.js';

/**
 * Seed 002's claims as properties (bounds and their derivation: GATE in src/audit/bounds.ts).
 * Numeric inputs come from the grids of the paper's experiments; the seed does not shrink.
 */
const D = 10;
const covariatesArb = fc.constantFrom(...GATE_COVARIATES);
const batchArb = fc.constantFrom(4, 16, 64);
const poisonArb = fc.record({
  beta: fc.constantFrom(0.005, 0.05, 0.1, 0.2, 0.5, 0.9),
  theta: fc.constantFrom(0.125, 0.25, 0.5, 1, 2, 4),
  batch: batchArb,
  covariates: covariatesArb,
  seed: seedArb,
});
type Poison = typeof poisonArb extends fc.Arbitrary<infer U> ? U : never;

function poisonedRatio(update: GateUpdate, c: Poison): number {
  const run = trainReluGate({ d: D, steps: 2000, eta: GATE.eta, update, ...c });
  return stationaryError(run.errors) / (GATE.poisoningC * c.theta * Math.sqrt((c.beta * GATE.eta * D) / c.batch));
}

describe('seed 002: a ReLU gate under online label poisoning', () => {
  it('realizable: every update converges linearly to |w_T - w*| <= 1e-8 at batch >= 4, any covariate law', () => {
    const arb = fc.record({
      update: fc.constantFrom<GateUpdate>('label-sign', 'glmtron', 'sgd'),
      batch: batchArb,
      covariates: covariatesArb,
      seed: seedArb,
    });
    fc.assert(
      fc.property(arb, (c) => {
        const run = trainReluGate({ d: D, steps: GATE.realizableSteps, eta: GATE.eta, beta: 0, theta: 0, ...c });
        return run.errors[GATE.realizableSteps] <= GATE.realizableError;
      }),
      params(6) as fc.Parameters<[unknown]>,
    );
  });

  for (const update of ['glmtron', 'sgd'] as const) {
    it(`${update}: the stationary error under poisoning is <= C theta sqrt(beta eta d / b)`, () => {
      const ratios: number[] = [];
      fc.assert(
        fc.property(poisonArb, (c) => {
          const r = poisonedRatio(update, c);
          ratios.push(r);
          return r <= 1;
        }),
        params(8) as fc.Parameters<[unknown]>,
      );
      console.log(`seed-002 ${update}: ${ratios.length} runs, margin max ${Math.max(...ratios).toPrecision(3)} (profile ${PROFILE.name})`);
    });
  }

  it('contrast that must fail: the label-sign reading breaks that bound (a small theta already costs O(beta))', () => {
    const details = fc.check(
      fc.property(poisonArb, (c) => poisonedRatio('label-sign', c) <= 1),
      params(8) as fc.Parameters<[Poison]>,
    );
    expect(details.failed, 'the label-sign update never broke the bound').toBe(true);
    console.log(
      `seed-002 label-sign: shrunk counterexample ${JSON.stringify(details.counterexample![0])} (seed ${details.seed}, path "${details.counterexamplePath}")`,
    );
  });

  it('is deterministic: the same settings give the same trajectory, bit for bit', () => {
    fc.assert(
      fc.property(poisonArb, (c) => {
        const a = trainReluGate({ d: D, steps: 50, eta: GATE.eta, update: 'label-sign', ...c });
        const b = trainReluGate({ d: D, steps: 50, eta: GATE.eta, update: 'label-sign', ...c });
        return a.errors.every((v, k) => Object.is(v, b.errors[k]));
      }),
      params(5) as fc.Parameters<[unknown]>,
    );
  });
});
