import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBreakdown, analyseRate, r1, r1Plan, type R1Breakdown } from '../../reproductions/r1-error-vs-eps.js';
import { ADVERSARY_NAMES } from '../../src/adversaries/index.js';
import type { MethodName } from '../../src/solver/methods.js';
import { fakeContext, hashUnit } from './fakeContext.js';

interface SeedErrorsArgs {
  base: { eps: number; sigma: number };
  methods: string[];
  seed: number;
}

/** Errors sigma eps^gamma (1 + u / 10) + a small floor, u in [0, 1) from the task's own args;
 *  `plain` 30 times larger (it breaks down), the rest below |w*| = 1 on the breakdown grid. */
const errorsWithExponent =
  (gamma: number) =>
  (a: SeedErrorsArgs): number[] =>
    a.methods.map(
      (m) => a.base.sigma * a.base.eps ** gamma * (m === 'plain' ? 30 : 1) * (1 + 0.1 * hashUnit([a, m])) + 0.01 * hashUnit([a.seed, m]),
    );

async function runR1(gamma: number) {
  const out = mkdtempSync(join(tmpdir(), 'r1-'));
  const json = await r1.run(fakeContext(out, { name: r1.name, title: r1.title }, { seedErrors: errorsWithExponent(gamma) }));
  return { json, md: readFileSync(join(out, `${r1.name}.md`), 'utf8') };
}

describe('R1 in steps', () => {
  it('the whole run on made-up errors: a sqrt(eps) error holds every claim; an eps^(1/4) one fails the rates', async () => {
    const good = await runR1(0.5);
    const verdicts = Object.fromEntries(good.json.claims.map((c) => [c.id, c.verdict]));
    expect(verdicts).toEqual({ 'R1-gelu-eps-rate': 'holds', 'R1-swish-eps-rate': 'holds', 'R1-robust-breakdown': 'holds' });
    expect(good.md).toContain('## Breakdown points (past the guarantee)');
    const slow = await runR1(0.25);
    const rates = slow.json.claims.filter((c) => c.id.endsWith('eps-rate'));
    expect(rates.map((c) => c.verdict)).toEqual(['does not hold', 'does not hold']);
  }, 60_000);

  it('a rate section names the pilot, and the claim compares the t statistic with its critical value', () => {
    const plan = r1Plan(false);
    const flat = plan.seeds.map(() => 0.1);
    const m = {
      pilot: { adversary: ADVERSARY_NAMES[0], medians: {} },
      clean: flat,
      byEps: plan.eps.map((e) => plan.seeds.map((k) => 0.1 + plan.common.sigma * Math.sqrt(e) * (1 + 0.01 * k))),
    };
    const r = analyseRate(plan, 'gelu', m);
    expect(r.section).toContain(`## gelu: ${ADVERSARY_NAMES[0]}`);
    expect(r.rows).toHaveLength(plan.eps.length);
    // R(eps) is 1 + 0.01 k at every eps: flat, so the rate holds
    expect(r.claim.verdict).toBe('holds');
  });

  it('breakdown: the smallest grid eps whose median error exceeds |w*|, "> 0.4" when none does', () => {
    const plan = r1Plan(false);
    const bd = plan.breakdown;
    // plain breaks at eps 0.05 under every adversary; robust never
    const breakdown: R1Breakdown = ADVERSARY_NAMES.map(() =>
      bd.eps.map(
        (eps) => new Map<MethodName, number[]>(bd.estimators.map((m) => [m, bd.seeds.map(() => (m === 'plain' && eps >= 0.05 ? 2 : 0.1))])),
      ),
    );
    const r = analyseBreakdown(plan, breakdown);
    const plainRow = r.table.find((row) => row[0] === 'plain')!;
    expect(plainRow.slice(1)).toEqual(ADVERSARY_NAMES.map(() => '0.05'));
    expect(r.table.find((row) => row[0] === 'robust')!.slice(1)).toEqual(ADVERSARY_NAMES.map(() => '> 0.4'));
    expect(r.claim.measured).toBe(0.8);
    expect(r.claim.verdict).toBe('holds');
  });
});
