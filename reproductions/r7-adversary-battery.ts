/**
 * R7: the adversary battery. Every estimator against every adversary: median and 90th
 * percentile of the error over seeds, the worst cell of each estimator marked.
 */
import { ADVERSARY_NAMES, type AdversaryName } from '../src/adversaries/index.js';
import { METHOD_NAMES, METHODS, type MethodName } from '../src/solver/methods.js';
import { summarize, type Summary } from '../src/stats/summary.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { tileChart, type Row } from '../src/report/specs.js';
import { fmt, lowerClaim, upperClaim } from '../src/report/claim.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { MAIN_SOURCE, finishReport, type Reproduction, type ReproductionContext } from './framework.js';
import { errorsByMethod, seedList } from './common.js';
import { errorBound } from '../src/audit/errorBound.js';

/** The baselines that have no robust step at all: each must break under some adversary. */
const NON_ROBUST: readonly MethodName[] = ['plain', 'random-gd', 'glmtron', 'huber'];

/** R7's grid, declared once. */
export interface R7Plan {
  readonly seeds: readonly number[];
  readonly common: { d: number; n: number; norm: number; link: 'gelu'; noise: string; sigma: number; eps: number };
  readonly adversaries: readonly (AdversaryName | 'none')[];
  readonly estimators: readonly MethodName[];
}

/** The plan at quick or paper scale. */
export function r7Plan(full: boolean): R7Plan {
  const scale = full ? { d: 40, n: 10000, seeds: 20 } : { d: 10, n: 2000, seeds: 5 };
  return {
    seeds: seedList(scale.seeds),
    common: { d: scale.d, n: scale.n, norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: 0.05 },
    adversaries: ['none', ...ADVERSARY_NAMES],
    estimators: METHOD_NAMES,
  };
}

/** Each estimator's worst cell (largest median error) over the adversaries. */
export interface WorstCell {
  readonly adversary: string;
  readonly median: number;
  readonly p90: number;
}

/**
 * The analysis: `cell(method, adversary)` summarizes the errors over seeds. Returns the
 * median and 90th-percentile tables (the worst cell per estimator in bold), the figure's
 * tiles, each estimator's worst cell, and R7's two claims.
 */
export function analyseBattery(plan: R7Plan, cell: (method: MethodName, adversary: string) => Summary) {
  const { adversaries } = plan;
  const tiles: Row[] = [];
  const medianRows: string[][] = [],
    p90Rows: string[][] = [];
  const worst = new Map<MethodName, WorstCell>();
  for (const method of plan.estimators) {
    let w: WorstCell = { adversary: '', median: -Infinity, p90: -Infinity };
    for (const adversary of adversaries) {
      const c = cell(method, adversary);
      if (c.median > w.median) w = { adversary, median: c.median, p90: c.p90 };
    }
    worst.set(method, w);
    const mark = (adversary: string, v: number): string => (adversary === w.adversary ? `**${fmt(v, 3)}**` : fmt(v, 3));
    medianRows.push([method, ...adversaries.map((a) => mark(a, cell(method, a).median))]);
    p90Rows.push([method, ...adversaries.map((a) => mark(a, cell(method, a).p90))]);
    for (const adversary of adversaries) {
      const c = cell(method, adversary);
      tiles.push({
        estimator: method,
        adversary,
        error: Math.max(c.median, 1e-4),
        label: (adversary === w.adversary ? '*' : '') + fmt(c.median, 2),
      });
    }
  }
  const bound = errorBound(plan.common);
  const robustWorstP90 = Math.max(...adversaries.map((a) => cell('robust', a).p90));
  const weakestBreak = Math.min(...NON_ROBUST.map((m) => worst.get(m)!.median));
  const ranking = [...worst].sort((a, b) => a[1].median - b[1].median).map(([m, w]) => `${m} ${fmt(w.median, 3)} (${w.adversary})`);
  const claims = [
    upperClaim(
      'R7-robust-bounded',
      `robust: the largest 90th-percentile error over adversaries is within the P1 bound (${fmt(bound, 3)})`,
      robustWorstP90,
      bound,
    ),
    lowerClaim(
      'R7-baselines-break',
      `each of ${NON_ROBUST.join(', ')} has a worst-cell median error above BOUNDS.leverageBreak x |w*| (the smallest of their worst cells)`,
      weakestBreak,
      BOUNDS.leverageBreak,
    ),
  ];
  return { medianRows, p90Rows, tiles, worst, ranking, claims };
}

export const r7: Reproduction = {
  name: 'r7-adversary-battery',
  id: 'r7',
  title: 'R7: the adversary battery, every estimator against every adversary',
  async run(ctx) {
    const plan = r7Plan(ctx.full);
    const byAdversary = await Promise.all(
      plan.adversaries.map((adversary) => errorsByMethod(ctx, { ...plan.common, adversary }, plan.estimators, plan.seeds)),
    );
    const cells = new Map<string, Summary>();
    plan.adversaries.forEach((adversary, k) => {
      for (const [method, errs] of byAdversary[k]) cells.set(`${method}/${adversary}`, summarize(errs));
    });
    return renderR7(
      ctx,
      plan,
      analyseBattery(plan, (m, a) => cells.get(`${m}/${a}`)!),
    );
  },
};

/** The report: R7's one form. */
function renderR7(ctx: ReproductionContext, plan: R7Plan, a: ReturnType<typeof analyseBattery>) {
  const { adversaries } = plan;
  return finishReport(ctx, {
    source: MAIN_SOURCE,
    claim:
      'The robust solver keeps its error bound under every adversary of the catalogue, while each non-robust baseline is broken by at least one of them.',
    settings: { ...plan.common, adversaries, estimators: plan.estimators, seeds: plan.seeds },
    sections: [
      '## Estimators',
      markdownTable(
        ['estimator', 'what it is'],
        plan.estimators.map((m) => [m, METHODS[m].summary]),
      ),
      '## Median error over seeds (worst cell per estimator in bold)',
      markdownTable(['estimator', ...adversaries], a.medianRows),
      '## 90th percentile over seeds (bold: the worst-median cell)',
      markdownTable(['estimator', ...adversaries], a.p90Rows),
      '## Worst case per estimator, best first',
      a.ranking.map((r, k) => `${k + 1}. ${r}`).join('\n'),
    ],
    figures: [
      {
        suffix: 'battery',
        caption: "Median error, estimator x adversary (log colour scale); * marks each estimator's worst cell.",
        spec: tileChart(a.tiles, {
          title: 'Adversary battery (median |w_hat - w*|)',
          x: { field: 'adversary', title: 'adversary' },
          y: { field: 'estimator', title: 'estimator' },
          value: { field: 'error', title: 'median error' },
          label: 'label',
        }),
      },
    ],
    claims: a.claims,
  });
}
