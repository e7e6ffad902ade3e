/**
 * R1: the robust error grows like sqrt(eps). Log-log slope of the robust solver's error
 * against eps (with a 95% interval), gelu and swish, under the catalogue's strongest
 * adversary against it, with the baselines on the same plot.
 */
import type { InstanceSettings } from '../src/model/instance.js';
import type { LinkName } from '../src/model/links.js';
import type { MethodName } from '../src/solver/methods.js';
import { logLogSlope } from '../src/stats/logLogSlope.js';
import { summarize } from '../src/stats/summary.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { lineChart, type Row } from '../src/report/specs.js';
import { fmt, upperClaim, lowerClaim } from '../src/report/claim.js';
import { REPRODUCTION } from '../src/audit/bounds.js';
import type { ClaimResult } from '../src/report/writeReport.js';
import { MAIN_SOURCE, finishReport, type Reproduction } from './framework.js';
import { errorBound, errorsByMethod, errorsOver, seedList, strongestAdversary } from './common.js';

const LINKS: readonly LinkName[] = ['gelu', 'swish'];
const EPS = [0.0125, 0.025, 0.05, 0.1];
const BASELINES: readonly MethodName[] = ['plain', 'huber', 'trimmed-gd', 'glmtron'];

export const r1: Reproduction = {
  name: 'r1-error-vs-eps',
  id: 'r1',
  title: 'R1: robust error against the corrupted fraction eps',
  async run(ctx) {
    const started = performance.now();
    const scale = ctx.full ? { d: 50, n: 25000, seeds: 10 } : { d: 10, n: 5000, seeds: 4 };
    const seeds = seedList(scale.seeds);
    const common = { d: scale.d, n: scale.n, norm: 1, noise: 'student-t:3', sigma: 0.5 } as const;
    const rows: Row[] = [];
    const tables: string[] = [];
    const claims: ClaimResult[] = [];
    const chosen: Record<string, unknown> = {};
    const epsMax = EPS[EPS.length - 1];
    // every task asked for up front (both links at once), tables built below in a fixed order
    const measured = await Promise.all(LINKS.map(async (link) => {
      const pilot = await strongestAdversary(ctx, { ...common, link, eps: epsMax }, 'robust', seeds);
      ctx.log(`r1 ${link}: strongest adversary against robust at eps ${epsMax}: ${pilot.adversary}`);
      const at = (eps: number): Omit<InstanceSettings, 'seed'> => ({ ...common, link, eps, adversary: pilot.adversary });
      // eps = 0 (same seeds: same covariates and noise) is the statistical floor the excess is taken over
      const [clean, byEps] = await Promise.all([
        errorsOver(ctx, at(0), 'robust', seeds),
        Promise.all(EPS.map((eps) => errorsByMethod(ctx, at(eps), ['robust', ...BASELINES], seeds))),
      ]);
      return { pilot, clean, byEps };
    }));
    for (const [li, link] of LINKS.entries()) {
      const { pilot, clean, byEps } = measured[li];
      chosen[link] = pilot;
      const adversary = pilot.adversary;
      const base = (eps: number): Omit<InstanceSettings, 'seed'> => ({ ...common, link, eps, adversary });
      const xs: number[] = [], excess: number[] = [], raw: number[] = [];
      const tableRows: string[][] = [];
      const medians = new Map<string, number[]>();
      for (const [ei, eps] of EPS.entries()) {
        const byMethod = byEps[ei];
        const robust = byMethod.get('robust')!;
        robust.forEach((e, k) => { xs.push(eps); raw.push(e); excess.push(Math.sqrt(Math.max(e * e - clean[k] * clean[k], 0))); });
        for (const [method, errs] of byMethod) {
          const m = summarize(errs).median;
          rows.push({ link, eps, estimator: method, error: m });
          medians.set(method, [...(medians.get(method) ?? []), m]);
        }
        const bound = errorBound({ ...base(eps), n: scale.n });
        tableRows.push([fmt(eps), fmt(summarize(robust).median), fmt(Math.max(...robust)), fmt(bound), ...BASELINES.map((b) => fmt(summarize(byMethod.get(b)!).median))]);
      }
      for (const eps of EPS) rows.push({ link, eps, estimator: 'sigma*sqrt(eps)', error: common.sigma * Math.sqrt(eps) });
      const fitRaw = logLogSlope(xs, raw);
      const fitExcess = logLogSlope(xs, excess);
      tables.push([
        `## ${link}: ${adversary} (strongest against the robust solver)`,
        '',
        `Robust error at eps = 0 (median over seeds): ${fmt(summarize(clean).median)}.`,
        '',
        markdownTable(['eps', 'robust median', 'robust worst', 'P1 bound', ...BASELINES.map((b) => `${b} median`)], tableRows),
        '',
        markdownTable(['fit of log error on log eps', 'slope', '95% interval', 'points'], [
          ['robust error', fmt(fitRaw.slope, 3), `[${fmt(fitRaw.lower, 3)}, ${fmt(fitRaw.upper, 3)}]`, String(fitRaw.points)],
          ['robust excess sqrt(err^2 - err(0)^2)', fmt(fitExcess.slope, 3), `[${fmt(fitExcess.lower, 3)}, ${fmt(fitExcess.upper, 3)}]`, String(fitExcess.points)],
        ]),
      ].join('\n'));
      // holds unless the slope is significantly steeper than 1/2: slope - halfwidth <= 1/2
      claims.push(upperClaim(`R1-${link}-slope`, `${link}: the robust excess error grows no faster than sqrt(eps): fitted log-log slope <= 1/2 + the half-width of its 95% interval (${fmt((fitExcess.upper - fitExcess.lower) / 2, 3)})`, fitExcess.slope, 0.5 + (fitExcess.upper - fitExcess.lower) / 2));
      const worstRatio = Math.max(...EPS.map((eps, k) => medians.get('robust')![k] / errorBound({ ...base(eps), n: scale.n })));
      claims.push(upperClaim(`R1-${link}-bound`, `${link}: median robust error / P1 bound kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)), worst eps, <= 1`, worstRatio, 1));
      const k = EPS.length - 1;
      const weakest = Math.min(...BASELINES.map((b) => medians.get(b)![k])) / medians.get('robust')![k];
      claims.push(lowerClaim(`R1-${link}-baselines-break`, `${link}: every baseline's median error at eps = ${EPS[k]} under ${adversary} >= ${REPRODUCTION.baselineBreakRatio} x the robust solver's`, weakest, REPRODUCTION.baselineBreakRatio));
    }
    return finishReport(ctx, {
      name: this.name,
      title: this.title,
      source: MAIN_SOURCE,
      claim: 'Robust GD from a robust spectral start reaches error O(sigma sqrt(eps)) (plus the statistical term), so on a log-log plot the error against eps has slope at most 1/2, while non-robust baselines break down.',
      settings: { ...common, links: LINKS, eps: EPS, seeds, estimators: ['robust', ...BASELINES], strongestAdversary: chosen },
      sections: [
        '## How it was measured',
        ['For each link, the adversary is the one with the largest median robust error at the largest eps over the catalogue (the pilot, in `settings.strongestAdversary`).',
          'Each seed fixes the covariates and the noise, so the eps = 0 run of the same seed gives the statistical floor; the excess error `sqrt(err^2 - err(0)^2)` isolates the part that eps adds, and its log-log slope is the one the claim is about.',
          'The slope of the raw error is printed too: at small eps it is flattened by the floor.'].join('\n'),
        ...tables,
      ],
      figures: [{ suffix: 'errors', caption: 'Median error over seeds against eps (log-log), robust solver and baselines, under the strongest adversary; the reference line is sigma sqrt(eps).', spec: lineChart(rows, { title: 'Error vs eps', x: { field: 'eps', title: 'eps', log: true }, y: { field: 'error', title: '|w_hat - w*| (median)', log: true }, series: 'estimator', facet: 'link' }) }],
      claims,
      notes: [
        `The slope's interval comes from ${seeds.length} seeds x ${EPS.length} values of eps${ctx.full ? '' : ' (quick scale; --full uses 10 seeds at d = 50, which narrows it)'}; a slope above 1/2 with an interval excluding 1/2 would be a finding against the claim.`,
        ...claims.filter((c) => c.id.endsWith('baselines-break') && c.verdict !== 'holds').map((c) => `${c.id} does not hold: under the adversary that is strongest against the robust solver, the weakest baseline errs only ${fmt(c.measured, 3)} times as much. That adversary (a white-box shift of the gradients' mean kept within the spread the filter must accept from inliers) moves every estimator alike, and the baselines' errors grow like sigma sqrt(eps) too: it is the construction that makes O(sigma sqrt(eps)) tight, not one that separates estimators. The baselines do break, under the adversaries built for them (R7: label-shift, leverage, heavy-tail-mimic).`),
      ],
      started,
    });
  },
};
