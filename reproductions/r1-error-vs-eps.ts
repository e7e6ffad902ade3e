/**
 * R1: the robust error is O(sigma sqrt(eps)). Read as the claim's form: the normalized excess
 * R(eps) = (error - the same seed's eps = 0 error) / (sigma sqrt(eps)) must not grow as eps
 * falls (a one-sided paired t test, src/audit/rates.ts), under the adversary strongest against
 * the robust solver; past the guarantee (eps up to 0.4), each estimator's breakdown point
 * under each adversary.
 */
import type { InstanceSettings } from '../src/instance/instance.js';
import type { LinkName } from '../src/model/links.js';
import type { MethodName } from '../src/solver/methods.js';
import { ADVERSARY_NAMES, type AdversaryName } from '../src/adversaries/index.js';
import { summarize } from '../src/stats/summary.js';
import { meanAndSe } from '../src/stats/oneSided.js';
import { epsContrast, normalizedExcess } from '../src/audit/rates.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { lineChart, tileChart, type Row } from '../src/report/specs.js';
import { fmt, lowerClaim, upperClaim } from '../src/report/claim.js';
import { RATES, REPRODUCTION } from '../src/audit/bounds.js';
import type { ClaimResult } from '../src/report/writeReport.js';
import { MAIN_SOURCE, finishReport, type Reproduction, type ReproductionContext } from './framework.js';
import { errorsByMethod, errorsOver, seedList, strongestAdversary } from './common.js';

const LINKS: readonly LinkName[] = ['gelu', 'swish'];
/** The rate grid (largest first) and, past the guarantee, the breakdown grid. */
const EPS = RATES.eps.grid;
const BREAKDOWN_EPS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4];
const ESTIMATORS: readonly MethodName[] = [
  'robust',
  'robust-first-moment',
  'trimmed-gd',
  'median-gd',
  'mom-gd',
  'huber',
  'plain',
  'glmtron',
];

/** R1's grids, declared once: what the tasks are made from and what the analysis reads. */
export interface R1Plan {
  readonly scale: { readonly d: number; readonly n: number; readonly seeds: number };
  readonly seeds: readonly number[];
  /** The rate sweep's fixed settings (each link adds its link, eps and pilot's adversary). */
  readonly common: { readonly d: number; readonly n: number; readonly norm: number; readonly noise: string; readonly sigma: number };
  readonly links: readonly LinkName[];
  readonly eps: readonly number[];
  /** The breakdown sweep past the guarantee. */
  readonly breakdown: {
    readonly base: { d: number; n: number; norm: number; noise: string; sigma: number; link: LinkName };
    readonly seeds: readonly number[];
    readonly eps: readonly number[];
    readonly estimators: readonly MethodName[];
  };
}

/** The plan at quick or paper scale. */
export function r1Plan(full: boolean): R1Plan {
  const scale = full ? { d: 50, n: 100000, seeds: 16 } : { d: 10, n: 40000, seeds: 8 };
  return {
    scale,
    seeds: seedList(scale.seeds),
    common: { d: scale.d, n: scale.n, norm: 1, noise: 'student-t:3', sigma: 0.5 },
    links: LINKS,
    eps: EPS,
    breakdown: {
      base: { d: 10, n: 5000, norm: 1, noise: 'student-t:3', sigma: 0.5, link: 'gelu' },
      seeds: seedList(full ? 5 : 3),
      eps: BREAKDOWN_EPS,
      estimators: ESTIMATORS,
    },
  };
}

/** One link's measured rate sweep: the pilot, the eps = 0 floor and the errors per eps. */
export interface R1LinkResult {
  readonly pilot: { adversary: AdversaryName; medians: Record<string, number> };
  readonly clean: readonly number[];
  /** byEps[j][k]: seed k's error at eps[j]. */
  readonly byEps: readonly (readonly number[])[];
}

/** breakdown[a][e]: errors per method of adversary ADVERSARY_NAMES[a] at breakdown eps[e]. */
export type R1Breakdown = readonly (readonly Map<MethodName, number[]>[])[];

/** The measurement: every task asked for up front (both links' pilots and grids, and the
 *  breakdown sweep); the results in the plan's order. */
async function measureR1(ctx: ReproductionContext, plan: R1Plan): Promise<{ links: R1LinkResult[]; breakdown: R1Breakdown }> {
  const bd = plan.breakdown;
  const epsMax = plan.eps[0];
  const breakdownRuns = Promise.all(
    ADVERSARY_NAMES.map((adversary) =>
      Promise.all(bd.eps.map((eps) => errorsByMethod(ctx, { ...bd.base, eps, adversary }, bd.estimators, bd.seeds))),
    ),
  );
  const links = await Promise.all(
    plan.links.map(async (link) => {
      const pilot = await strongestAdversary(ctx, { ...plan.common, link, eps: epsMax }, 'robust', plan.seeds.slice(0, RATES.pilotSeeds));
      ctx.log(`r1 ${link}: strongest adversary against robust at eps ${epsMax}: ${pilot.adversary}`);
      const at = (eps: number): Omit<InstanceSettings, 'seed'> => ({ ...plan.common, link, eps, adversary: pilot.adversary });
      // eps = 0 (same seeds: same covariates and noise) is the floor the excess is taken over
      const [clean, byEps] = await Promise.all([
        errorsOver(ctx, at(0), 'robust', plan.seeds),
        Promise.all(plan.eps.map((eps) => errorsOver(ctx, at(eps), 'robust', plan.seeds))),
      ]);
      return { pilot, clean, byEps };
    }),
  );
  return { links, breakdown: await breakdownRuns };
}

/** Analysis of one link's rate sweep: its figure rows, its report section and its claim. */
export function analyseRate(plan: R1Plan, link: LinkName, m: R1LinkResult): { rows: Row[]; section: string; claim: ClaimResult } {
  const { eps, seeds } = plan;
  const epsMax = eps[0];
  const perSeed = seeds.map((_, k) => eps.map((_, j) => m.byEps[j][k]));
  const R = normalizedExcess(eps, m.clean, perSeed, plan.common.sigma, 0.5);
  const t = epsContrast(eps, R, REPRODUCTION.rateAlpha);
  const rows: Row[] = [];
  const cleanMedian = summarize(m.clean).median;
  const tableRows = eps.map((e, j) => {
    const r = meanAndSe(R.map((row) => row[j]));
    const med = summarize(m.byEps[j]).median;
    rows.push({ link, eps: e, series: 'R(eps) mean', value: r.mean });
    return [fmt(e), fmt(med), fmt(med - cleanMedian), `${fmt(r.mean, 3)} +- ${fmt(r.se, 2)}`];
  });
  const section = [
    `## ${link}: ${m.pilot.adversary} (strongest against the robust solver at eps ${epsMax})`,
    '',
    `Robust error at eps = 0 (median over ${seeds.length} seeds): ${fmt(cleanMedian)}.`,
    '',
    markdownTable(
      ['eps', 'robust median error', 'median excess over eps = 0', 'R(eps) = excess / (sigma sqrt(eps)): mean +- s.e.'],
      tableRows,
    ),
    '',
    `Test: D = R(${eps[eps.length - 1]}) - ${fmt(t.growth, 3)} R(${epsMax}) = ${fmt(t.mean, 3)} +- ${fmt(t.se, 2)}; t = ${fmt(t.statistic, 3)} against t_${seeds.length - 1}(1 - ${REPRODUCTION.rateAlpha}) = ${fmt(t.critical, 3)}.`,
  ].join('\n');
  const claim = upperClaim(
    `R1-${link}-eps-rate`,
    `${link}: R(eps) does not grow as eps falls from ${epsMax} to ${eps[eps.length - 1]} beyond the exponent margin (${RATES.exponentMargin}): one-sided paired t statistic <= its critical value at ${REPRODUCTION.rateAlpha}`,
    t.statistic,
    t.critical,
  );
  return { rows, section, claim };
}

/** The label of a breakdown point ("> 0.4": never on the grid). */
const breakdownLabel = (b: number): string => (Number.isFinite(b) ? String(b) : '> 0.4');

/** Analysis of the breakdown sweep: the smallest eps at which each estimator's median error
 *  exceeds |w*| under each adversary (Infinity: never on the grid), its table, tiles, figure
 *  rows and the robust solver's claim. */
export function analyseBreakdown(
  plan: R1Plan,
  breakdown: R1Breakdown,
): { table: string[][]; tiles: Row[]; rows: Row[]; claim: ClaimResult } {
  const bd = plan.breakdown;
  const breakdownAt = (ai: number, method: MethodName): number => {
    const k = bd.eps.findIndex((_, ei) => summarize(breakdown[ai][ei].get(method)!).median > bd.base.norm);
    return k < 0 ? Infinity : bd.eps[k];
  };
  const tiles: Row[] = [];
  const table = bd.estimators.map((method) => [
    method,
    ...ADVERSARY_NAMES.map((adversary, ai) => {
      const b = breakdownAt(ai, method);
      tiles.push({ estimator: method, adversary, eps: Number.isFinite(b) ? b : 0.8, label: breakdownLabel(b) });
      return breakdownLabel(b);
    }),
  ]);
  const rows: Row[] = [];
  for (const [ai, adversary] of ADVERSARY_NAMES.entries())
    for (const method of ['robust', 'plain', 'huber'] as const)
      for (const [ei, eps] of bd.eps.entries())
        rows.push({ link: `breakdown (gelu, ${adversary})`, eps, series: method, value: summarize(breakdown[ai][ei].get(method)!).median });
  const robustWorst = Math.min(...ADVERSARY_NAMES.map((_, ai) => breakdownAt(ai, 'robust')));
  const claim = lowerClaim(
    'R1-robust-breakdown',
    `the robust solver's smallest breakdown point over the adversaries is past the guarantee's range (eps <= 0.1): at least 0.2, the next grid value ("> 0.4" counted as 0.8)`,
    Math.min(robustWorst, 0.8),
    0.2,
  );
  return { table, tiles, rows, claim };
}

export const r1: Reproduction = {
  name: 'r1-error-vs-eps',
  id: 'r1',
  title: 'R1: robust error against the corrupted fraction eps, and breakdown points',
  async run(ctx) {
    const plan = r1Plan(ctx.full);
    const measured = await measureR1(ctx, plan);
    const rates = plan.links.map((link, li) => analyseRate(plan, link, measured.links[li]));
    const breakdown = analyseBreakdown(plan, measured.breakdown);
    return renderR1(ctx, plan, measured, rates, breakdown);
  },
};

/** The report: R1's one form. */
function renderR1(
  ctx: ReproductionContext,
  plan: R1Plan,
  measured: { links: R1LinkResult[] },
  rates: ReturnType<typeof analyseRate>[],
  breakdown: ReturnType<typeof analyseBreakdown>,
) {
  const bd = plan.breakdown;
  const chosen = Object.fromEntries(plan.links.map((link, li) => [link, measured.links[li].pilot]));
  const rows = [...rates.flatMap((r) => r.rows), ...breakdown.rows];
  return finishReport(ctx, {
    source: MAIN_SOURCE,
    claim:
      'Robust GD from a robust spectral start reaches error O(sigma sqrt(eps)) (plus the statistical term): the excess error over eps = 0, divided by sigma sqrt(eps), stays bounded as eps falls; non-robust baselines break down at small eps.',
    settings: {
      ...plan.common,
      links: plan.links,
      eps: plan.eps,
      seeds: plan.seeds,
      strongestAdversary: chosen,
      rateAlpha: REPRODUCTION.rateAlpha,
      exponentMargin: RATES.exponentMargin,
      breakdown: { ...bd.base, seeds: bd.seeds, eps: bd.eps, estimators: bd.estimators },
    },
    sections: [
      '## How it was measured',
      [
        'For each link, the adversary is the one with the largest median robust error at eps = 0.1 over the catalogue (the pilot on the first two seeds, in `settings.strongestAdversary`).',
        'Each seed fixes the covariates and the noise, so the eps = 0 run of the same seed gives the statistical floor; R(eps) = (error - floor) / (sigma sqrt(eps)) is the constant the claim bounds.',
        `The claim is contradicted by R growing as eps falls (error falling more slowly than sqrt(eps)), never by R falling: the verdict is a one-sided paired t test of R(0.005) - (eps_max/eps_min)^${RATES.exponentMargin} R(0.1) > 0 at ${REPRODUCTION.rateAlpha} (the statistic of the audit's eps-rate property). n/d = ${plan.scale.n / plan.scale.d} keeps the floor's spread well below sigma sqrt(0.005).`,
      ].join('\n'),
      ...rates.map((r) => r.section),
      '## Breakdown points (past the guarantee)',
      `gelu, d = ${bd.base.d}, n = ${bd.base.n}, sigma = ${bd.base.sigma}, student-t:3 noise, seeds ${bd.seeds.join(', ')}: the smallest eps of ${bd.eps.join(', ')} at which the estimator's median error exceeds |w*| = ${bd.base.norm} (a classical robust-statistics figure; "> 0.4": never on this grid).`,
      markdownTable(['estimator', ...ADVERSARY_NAMES], breakdown.table),
    ],
    figures: [
      {
        suffix: 'rate',
        caption:
          'Mean over seeds of R(eps) = excess / (sigma sqrt(eps)) against eps (log x): the claim is contradicted when R grows toward small eps.',
        spec: lineChart(
          rows.filter((r) => plan.links.includes(r.link as LinkName)),
          {
            title: 'Normalized excess R(eps)',
            x: { field: 'eps', title: 'eps', log: true },
            y: { field: 'value', title: 'R(eps)' },
            series: 'series',
            facet: 'link',
          },
        ),
      },
      {
        suffix: 'breakdown',
        caption:
          'Breakdown point (smallest eps at which the median error exceeds |w*|) of each estimator under each adversary, gelu; "> 0.4" when it never does on the grid.',
        spec: tileChart(breakdown.tiles, {
          title: 'Breakdown points (gelu)',
          x: { field: 'adversary', title: 'adversary' },
          y: { field: 'estimator', title: 'estimator' },
          value: { field: 'eps', title: 'breakdown eps' },
          label: 'label',
        }),
      },
    ],
    claims: [...rates.map((r) => r.claim), breakdown.claim],
    notes: [
      'Before this reading, R1 asserted "log-log slope of the excess <= 1/2 + half-width": that direction passes an eps^(1/4) estimator and fails one better than claimed; the excess alone is also lost in noise at small eps (slopes from 0.05 to 3.2 for the same correct solver).',
      "A negative R (the fit at eps > 0 beats the same seed's eps = 0 fit) is expected under heavy-tailed noise: told eps > 0, the filter also trims the noise's outliers.",
    ],
  });
}
