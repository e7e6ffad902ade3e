import { describe, expect, it } from 'vitest';
import { analyseLink, r8Claims, r8Plan, type LinkMeasurement } from '../../reproductions/r8-adversary-search.js';
import { ADVERSARY_NAMES } from '../../src/adversaries/index.js';
import type { MethodName } from '../../src/solver/methods.js';

const COMPARE = [0.05, 0.1];

describe('R8 in steps: the plan and the analysis on made-up errors', () => {
  const plan = r8Plan(false);
  /** Catalogue error scale * eps for every adversary (the last adversary twice as strong);
   *  the search's error `searchScale(method)` * eps, every search breaking with 3% of the rows. */
  const measured = (
    methods: readonly MethodName[],
    scale: (m: MethodName) => number,
    searchScale: (m: MethodName) => number,
  ): LinkMeasurement => ({
    catalogue: methods.flatMap((m) =>
      plan.seeds.map(() =>
        ADVERSARY_NAMES.map((_, a) => plan.grid.map((eps) => scale(m) * eps * (a === ADVERSARY_NAMES.length - 1 ? 2 : 1))),
      ),
    ),
    searched: methods.flatMap((m) =>
      COMPARE.flatMap((eps) => plan.seeds.map(() => ({ error: searchScale(m) * eps, shrunkRows: 60, evaluations: 40 }))),
    ),
  });

  it('the plan: the break grid holds the compared eps, ascending; gelu with every method, linear with the baselines', () => {
    expect(plan.grid).toEqual([...plan.grid].sort((a, b) => a - b));
    for (const e of COMPARE) expect(plan.grid).toContain(e);
    expect(plan.links.map((l) => l.base.link)).toEqual(['gelu', 'linear']);
  });

  it('names the strongest catalogue adversary, the ratio of the search to it, and the breaking eps', () => {
    const [gelu] = plan.links;
    const a = analyseLink(
      plan,
      gelu.base,
      gelu.methods,
      measured(
        gelu.methods,
        (m) => (m === 'plain' ? 30 : 1),
        (m) => (m === 'plain' ? 40 : 1.6),
      ),
    );
    const robust = a.rows.find((r) => r[0] === 'robust')!;
    expect(robust[1]).toBe(`0.1 (${ADVERSARY_NAMES.at(-1)})`); // 2 x 0.05
    expect(a.ratios.get('robust')).toBeCloseTo(0.8, 12); // 0.08 / 0.1
    const plainBreak = a.breakRows.find((r) => r[0] === 'plain')!;
    expect(plainBreak[1]).toBe('0.02'); // 30 x 2 x 0.02 > 1
    expect(plainBreak[2]).toBe(`0.03 (${plan.seeds.length} of ${plan.seeds.length} seeds)`);
    expect(a.breakRows.find((r) => r[0] === 'robust')![1]).toMatch(/^none up to/);
  });

  it('the claims: the search must break the baselines and reach 0.8 of the catalogue against robust', () => {
    /** R8's verdicts when every catalogue error is eps and the search's is searchScale(method) eps. */
    const verdicts = (searchScale: (m: MethodName) => number) => {
      const [g, l] = plan.links.map((link) =>
        analyseLink(
          plan,
          link.base,
          link.methods,
          measured(link.methods, () => 1, searchScale),
        ),
      );
      return r8Claims(plan, g, l).map((c) => c.verdict);
    };
    expect(verdicts((m) => (m === 'robust' ? 1.6 : 40))).toEqual(['holds', 'holds']);
    expect(verdicts((m) => (m === 'robust' ? 0.5 : 1))).toEqual(['does not hold', 'does not hold']);
  });
});
