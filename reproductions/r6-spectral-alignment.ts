/**
 * R6: the robust spectral initialization lands in the basin once n is of order d log d,
 * under every adversary; plain spectral initialization does not under the spectral plant.
 */
import { generateInstance, type InstanceSettings } from '../src/instance/instance.js';
import { spectralInit } from '../src/solver/spectralInit.js';
import { exactRadius, type ExactRow } from './r5-basin.js';
import { ADVERSARY_NAMES, type AdversaryName } from '../src/adversaries/index.js';
import { cosine, distance } from '../src/kernels/vec.js';
import { summarize } from '../src/stats/summary.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { lineChart, type Row } from '../src/report/specs.js';
import { fmt, lowerClaim, upperClaim } from '../src/report/claim.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { MAIN_SOURCE, finishReport, task, type Reproduction, type ReproductionContext } from './framework.js';
import { seedList } from './common.js';

/** Cosine with w* and |w0 - w*| / r of the robust and the plain spectral start on one instance. */
export interface SeedAlignment {
  readonly robust: { readonly cos: number; readonly share: number };
  readonly plain: { readonly cos: number; readonly share: number };
}

/** Task: both spectral initializations on one seed's instance. */
export function spectralAlignment(a: { settings: InstanceSettings; radius: number }): SeedAlignment {
  const inst = generateInstance(a.settings);
  const one = (robust: boolean) => {
    const { w0 } = spectralInit(inst.sample, { link: a.settings.link, eps: a.settings.eps, robust });
    return { cos: cosine(w0, inst.wstar), share: distance(w0, inst.wstar) / a.radius };
  };
  return { robust: one(true), plain: one(false) };
}

/** R5's module: its exactRadius task gives the basin radius. */
const R5_MODULE = new URL('./r5-basin.ts', import.meta.url).href;

/** R6's grids, declared once. */
export interface R6Plan {
  readonly d: number;
  /** n/d from which the claim applies: BOUNDS.spectralSamplesPerDLogD ln d. */
  readonly logd: number;
  readonly ratios: readonly number[];
  readonly seeds: readonly number[];
  readonly common: { d: number; norm: number; link: 'gelu'; noise: string; sigma: number; eps: number };
  readonly adversaries: readonly (AdversaryName | 'none')[];
  /** Every (adversary, n/d) cell, in the order the tasks are asked for. */
  readonly grid: readonly { adversary: AdversaryName | 'none'; ratio: number }[];
}

/** The plan at quick or paper scale. */
export function r6Plan(full: boolean): R6Plan {
  const d = full ? 50 : 20;
  const logd = BOUNDS.spectralSamplesPerDLogD * Math.log(d);
  const ratios = full ? [25, 50, 100, 200, 400, Math.ceil(logd), 1200] : [25, 50, 100, 200, Math.ceil(logd), 900];
  const adversaries = ['none', ...ADVERSARY_NAMES] as const;
  return {
    d,
    logd,
    ratios,
    seeds: seedList(full ? 10 : 3),
    common: { d, norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: BOUNDS.spectralMaxEps },
    adversaries,
    grid: adversaries.flatMap((adversary) => ratios.map((ratio) => ({ adversary, ratio }))),
  };
}

/** The basin threshold on cos(w0, w*) for radius r: with |w0| = |w*| = s, |w0 - w*| =
 *  s sqrt(2 - 2 cos), inside B(w*, r) iff cos > 1 - r^2 / (2 s^2). */
export function cosThreshold(r: number, s: number): number {
  return 1 - (r * r) / (2 * s ** 2);
}

/**
 * The analysis (`measured[k]`: the seeds' alignments at plan.grid[k], `r` the basin radius):
 * the medians' table, the figure's rows and R6's three claims.
 */
export function analyseAlignment(plan: R6Plan, r: number, measured: readonly (readonly SeedAlignment[])[]) {
  const threshold = cosThreshold(r, plan.common.norm);
  const rows: Row[] = [],
    table: string[][] = [];
  let worstRobust = Infinity,
    worstShare = 0;
  let plainPlant = NaN;
  const last = plan.ratios[plan.ratios.length - 1];
  for (const adversary of plan.adversaries) {
    for (const ratio of plan.ratios) {
      const perSeed = measured[plan.grid.findIndex((g) => g.adversary === adversary && g.ratio === ratio)];
      const robustCos = perSeed.map((m) => m.robust.cos);
      const robustShare = summarize(perSeed.map((m) => m.robust.share)).median;
      const rc = summarize(robustCos).median,
        pc = summarize(perSeed.map((m) => m.plain.cos)).median;
      rows.push({ adversary, 'n/d': ratio, init: 'robust', cos: rc }, { adversary, 'n/d': ratio, init: 'plain', cos: pc });
      table.push([
        adversary,
        String(ratio),
        fmt(rc),
        fmt(Math.min(...robustCos)),
        fmt(robustShare),
        fmt(pc),
        fmt(summarize(perSeed.map((m) => m.plain.share)).median),
      ]);
      if (ratio >= plan.logd) {
        worstRobust = Math.min(worstRobust, rc);
        worstShare = Math.max(worstShare, robustShare);
      }
      if (adversary === 'spectral-plant' && ratio === last) plainPlant = pc;
    }
  }
  const claims = [
    lowerClaim(
      'R6-robust-aligned',
      `robust init: the smallest median cos(w0, w*) over adversaries at n/d >= ${fmt(plan.logd)} is above the basin threshold`,
      worstRobust,
      threshold,
    ),
    upperClaim(
      'R6-robust-in-basin',
      `robust init: the largest median |w0 - w*| / r over adversaries at n/d >= ${fmt(plan.logd)} is below 1`,
      worstShare,
      1,
    ),
    upperClaim(
      'R6-plain-breaks',
      `plain init under spectral-plant at n/d = ${last}: median cos(w0, w*) stays below the basin threshold`,
      plainPlant,
      threshold,
    ),
  ];
  return { threshold, rows, table, claims };
}

export const r6: Reproduction = {
  name: 'r6-spectral-alignment',
  id: 'r6',
  title: 'R6: spectral initialization, alignment against n/d',
  async run(ctx) {
    const plan = r6Plan(ctx.full);
    const { common, seeds, d } = plan;
    // the exact basin radius, computed on a worker (R5's task; a pilot: the threshold needs it)
    const r = (await ctx.sweep.task<ExactRow>(task(R5_MODULE, exactRadius, { link: common.link, s: common.norm }), { whole: true })).b
      .radius;
    const measured = await Promise.all(
      plan.grid.map(({ adversary, ratio }) =>
        ctx.sweep.map<SeedAlignment>(
          seeds.map((seed) =>
            task(
              import.meta.url,
              spectralAlignment,
              { settings: { ...common, n: ratio * d, adversary, seed }, radius: r },
              400 * ratio * d * d,
            ),
          ),
        ),
      ),
    );
    return renderR6(ctx, plan, r, analyseAlignment(plan, r, measured));
  },
};

/** The report: R6's one form. */
function renderR6(ctx: ReproductionContext, plan: R6Plan, r: number, a: ReturnType<typeof analyseAlignment>) {
  const { common } = plan;
  const { threshold } = a;
  return finishReport(ctx, {
    source: MAIN_SOURCE,
    claim:
      'The robust spectral initialization is efficiently reachable under adversarial contamination: with n = O(d log d) samples its direction is aligned with w* well enough to start inside the convex basin, under every adversary.',
    settings: {
      ...common,
      samplesPerDimension: plan.ratios,
      seeds: plan.seeds,
      basinRadius: r,
      cosThreshold: threshold,
      adversaries: plan.adversaries,
    },
    sections: [
      '## How it was measured',
      `w0 is the spectral initialization alone (no descent), robust (filtered) and plain. The basin threshold on cos(w0, w*) is 1 - r^2 / (2 |w*|^2) = ${fmt(threshold)} for r = ${fmt(r)} (gelu, |w*| = 1): a w0 of the right length with a larger cosine lies in B(w*, r). "share" is |w0 - w*| / r (below 1: inside the basin, length included). The claim applies from n/d = ${BOUNDS.spectralSamplesPerDLogD} ln d = ${fmt(plan.logd)} (BOUNDS.spectralSamplesPerDLogD), eps = ${common.eps} (BOUNDS.spectralMaxEps).`,
      '## Results (medians over seeds)',
      markdownTable(['adversary', 'n/d', 'robust cos', 'robust worst cos', 'robust share', 'plain cos', 'plain share'], a.table),
    ],
    figures: [
      {
        suffix: 'alignment',
        caption:
          'Median cos(w0, w*) against n/d, robust vs plain spectral initialization, one panel per adversary; the dashed line is the basin threshold.',
        spec: lineChart(a.rows, {
          title: 'Spectral alignment vs n/d',
          x: { field: 'n/d', title: 'n / d', log: true },
          y: { field: 'cos', title: 'cos(w0, w*)' },
          series: 'init',
          facet: 'adversary',
          facetColumns: 4,
          rules: [{ value: threshold, label: 'basin threshold' }],
          width: 200,
          height: 150,
        }),
      },
    ],
    claims: a.claims,
  });
}
