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
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { summarize } from '../src/stats/summary.js';
import { meanAndSe } from '../src/stats/oneSided.js';
import { epsContrast, normalizedExcess } from '../src/audit/rates.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { lineChart, tileChart, type Row } from '../src/report/specs.js';
import { fmt, lowerClaim, upperClaim } from '../src/report/claim.js';
import { RATES, REPRODUCTION } from '../src/audit/bounds.js';
import type { ClaimResult } from '../src/report/writeReport.js';
import { MAIN_SOURCE, finishReport, type Reproduction } from './framework.js';
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

export const r1: Reproduction = {
  name: 'r1-error-vs-eps',
  id: 'r1',
  title: 'R1: robust error against the corrupted fraction eps, and breakdown points',
  async run(ctx) {
    const scale = ctx.full ? { d: 50, n: 100000, seeds: 16 } : { d: 10, n: 40000, seeds: 8 };
    const seeds = seedList(scale.seeds);
    const common = { d: scale.d, n: scale.n, norm: 1, noise: 'student-t:3', sigma: 0.5 } as const;
    const bd = { d: 10, n: 5000, norm: 1, noise: 'student-t:3', sigma: 0.5, link: 'gelu' as LinkName, seeds: seedList(ctx.full ? 5 : 3) };
    const epsMax = EPS[0];
    // every task asked for up front: both links' pilots and grids, and the breakdown sweep
    const breakdownRuns = Promise.all(
      ADVERSARY_NAMES.map((adversary) =>
        Promise.all(
          BREAKDOWN_EPS.map((eps) =>
            errorsByMethod(
              ctx,
              { d: bd.d, n: bd.n, norm: bd.norm, noise: bd.noise, sigma: bd.sigma, link: bd.link, eps, adversary },
              ESTIMATORS,
              bd.seeds,
            ),
          ),
        ),
      ),
    );
    const measured = await Promise.all(
      LINKS.map(async (link) => {
        const pilot = await strongestAdversary(ctx, { ...common, link, eps: epsMax }, 'robust', seeds.slice(0, RATES.pilotSeeds));
        ctx.log(`r1 ${link}: strongest adversary against robust at eps ${epsMax}: ${pilot.adversary}`);
        const at = (eps: number): Omit<InstanceSettings, 'seed'> => ({ ...common, link, eps, adversary: pilot.adversary });
        // eps = 0 (same seeds: same covariates and noise) is the floor the excess is taken over
        const [clean, byEps] = await Promise.all([
          errorsOver(ctx, at(0), 'robust', seeds),
          Promise.all(EPS.map((eps) => errorsOver(ctx, at(eps), 'robust', seeds))),
        ]);
        return { pilot, clean, byEps };
      }),
    );
    const breakdown = await breakdownRuns;

    const rows: Row[] = [];
    const tables: string[] = [];
    const claims: ClaimResult[] = [];
    const chosen: Record<string, unknown> = {};
    for (const [li, link] of LINKS.entries()) {
      const { pilot, clean, byEps } = measured[li];
      chosen[link] = pilot;
      const perSeed = seeds.map((_, k) => EPS.map((_, j) => byEps[j][k]));
      const R = normalizedExcess(EPS, clean, perSeed, common.sigma, 0.5);
      const t = epsContrast(EPS, R, REPRODUCTION.rateAlpha);
      const tableRows = EPS.map((eps, j) => {
        const r = meanAndSe(R.map((row) => row[j]));
        const e = summarize(byEps[j]);
        rows.push({ link, eps, series: 'R(eps) mean', value: r.mean });
        return [fmt(eps), fmt(e.median), fmt(e.median - summarize(clean).median), `${fmt(r.mean, 3)} +- ${fmt(r.se, 2)}`];
      });
      tables.push(
        [
          `## ${link}: ${pilot.adversary} (strongest against the robust solver at eps ${epsMax})`,
          '',
          `Robust error at eps = 0 (median over ${seeds.length} seeds): ${fmt(summarize(clean).median)}.`,
          '',
          markdownTable(
            ['eps', 'robust median error', 'median excess over eps = 0', 'R(eps) = excess / (sigma sqrt(eps)): mean +- s.e.'],
            tableRows,
          ),
          '',
          `Test: D = R(${EPS[EPS.length - 1]}) - ${fmt(t.growth, 3)} R(${epsMax}) = ${fmt(t.mean, 3)} +- ${fmt(t.se, 2)}; t = ${fmt(t.statistic, 3)} against t_${seeds.length - 1}(1 - ${REPRODUCTION.rateAlpha}) = ${fmt(t.critical, 3)}.`,
        ].join('\n'),
      );
      claims.push(
        upperClaim(
          `R1-${link}-eps-rate`,
          `${link}: R(eps) does not grow as eps falls from ${epsMax} to ${EPS[EPS.length - 1]} beyond the exponent margin (${RATES.exponentMargin}): one-sided paired t statistic <= its critical value at ${REPRODUCTION.rateAlpha}`,
          t.statistic,
          t.critical,
        ),
      );
    }
    // breakdown: the smallest eps at which the median error exceeds |w*|
    const breakdownAt = (ai: number, method: MethodName): number => {
      const k = BREAKDOWN_EPS.findIndex((_, ei) => summarize(breakdown[ai][ei].get(method)!).median > bd.norm);
      return k < 0 ? Infinity : BREAKDOWN_EPS[k];
    };
    const tiles: Row[] = [];
    const bdRows = ESTIMATORS.map((method) => [
      method,
      ...ADVERSARY_NAMES.map((adversary, ai) => {
        const b = breakdownAt(ai, method);
        tiles.push({ estimator: method, adversary, eps: Number.isFinite(b) ? b : 0.8, label: Number.isFinite(b) ? String(b) : '> 0.4' });
        return Number.isFinite(b) ? String(b) : '> 0.4';
      }),
    ]);
    for (const [ai, adversary] of ADVERSARY_NAMES.entries()) {
      for (const method of ['robust', 'plain', 'huber'] as const) {
        for (const [ei, eps] of BREAKDOWN_EPS.entries())
          rows.push({
            link: `breakdown (gelu, ${adversary})`,
            eps,
            series: method,
            value: summarize(breakdown[ai][ei].get(method)!).median,
          });
      }
    }
    const robustWorst = Math.min(...ADVERSARY_NAMES.map((_, ai) => breakdownAt(ai, 'robust')));
    claims.push(
      lowerClaim(
        'R1-robust-breakdown',
        `the robust solver's smallest breakdown point over the adversaries is past the guarantee's range (eps <= 0.1): at least 0.2, the next grid value ("> 0.4" counted as 0.8)`,
        Math.min(robustWorst, 0.8),
        0.2,
      ),
    );
    return finishReport(ctx, {
      source: MAIN_SOURCE,
      claim:
        'Robust GD from a robust spectral start reaches error O(sigma sqrt(eps)) (plus the statistical term): the excess error over eps = 0, divided by sigma sqrt(eps), stays bounded as eps falls; non-robust baselines break down at small eps.',
      settings: {
        ...common,
        links: LINKS,
        eps: EPS,
        seeds,
        strongestAdversary: chosen,
        rateAlpha: REPRODUCTION.rateAlpha,
        exponentMargin: RATES.exponentMargin,
        breakdown: { ...bd, eps: BREAKDOWN_EPS, estimators: ESTIMATORS },
      },
      sections: [
        '## How it was measured',
        [
          'For each link, the adversary is the one with the largest median robust error at eps = 0.1 over the catalogue (the pilot on the first two seeds, in `settings.strongestAdversary`).',
          'Each seed fixes the covariates and the noise, so the eps = 0 run of the same seed gives the statistical floor; R(eps) = (error - floor) / (sigma sqrt(eps)) is the constant the claim bounds.',
          `The claim is contradicted by R growing as eps falls (error falling more slowly than sqrt(eps)), never by R falling: the verdict is a one-sided paired t test of R(0.005) - (eps_max/eps_min)^${RATES.exponentMargin} R(0.1) > 0 at ${REPRODUCTION.rateAlpha} (the statistic of the audit's eps-rate property). n/d = ${scale.n / scale.d} keeps the floor's spread well below sigma sqrt(0.005).`,
        ].join('\n'),
        ...tables,
        '## Breakdown points (past the guarantee)',
        `gelu, d = ${bd.d}, n = ${bd.n}, sigma = ${bd.sigma}, student-t:3 noise, seeds ${bd.seeds.join(', ')}: the smallest eps of ${BREAKDOWN_EPS.join(', ')} at which the estimator's median error exceeds |w*| = ${bd.norm} (a classical robust-statistics figure; "> 0.4": never on this grid).`,
        markdownTable(['estimator', ...ADVERSARY_NAMES], bdRows),
      ],
      figures: [
        {
          suffix: 'rate',
          caption:
            'Mean over seeds of R(eps) = excess / (sigma sqrt(eps)) against eps (log x): the claim is contradicted when R grows toward small eps.',
          spec: lineChart(
            rows.filter((r) => LINKS.includes(r.link as LinkName)),
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
          spec: tileChart(tiles, {
            title: 'Breakdown points (gelu)',
            x: { field: 'adversary', title: 'adversary' },
            y: { field: 'estimator', title: 'estimator' },
            value: { field: 'eps', title: 'breakdown eps' },
            label: 'label',
          }),
        },
      ],
      claims,
      notes: [
        'Before this reading, R1 asserted "log-log slope of the excess <= 1/2 + half-width": that direction passes an eps^(1/4) estimator and fails one better than claimed; the excess alone is also lost in noise at small eps (slopes from 0.05 to 3.2 for the same correct solver).',
        "A negative R (the fit at eps > 0 beats the same seed's eps = 0 fit) is expected under heavy-tailed noise: told eps > 0, the filter also trims the noise's outliers.",
      ],
    });
  },
};
