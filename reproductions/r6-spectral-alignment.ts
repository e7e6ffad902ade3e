/**
 * R6: the robust spectral initialization lands in the basin once n is of order d log d,
 * under every adversary; plain spectral initialization does not under the spectral plant.
 */
import { generateInstance, type InstanceSettings } from '../src/instance/instance.js';
import { spectralInit } from '../src/solver/spectralInit.js';
import { exactRadius, type ExactRow } from './r5-basin.js';
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { distance } from '../src/kernels/vec.js';
import { summarize } from '../src/stats/summary.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { lineChart, type Row } from '../src/report/specs.js';
import { fmt, lowerClaim, upperClaim } from '../src/report/claim.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { MAIN_SOURCE, finishReport, task, type Reproduction } from './framework.js';
import { seedList } from './common.js';

/** cos(w0, w*) of a unit-free direction: <w0, w*> / (|w0| |w*|). */
function cosine(a: Float64Array, b: Float64Array): number {
  let ab = 0,
    aa = 0,
    bb = 0;
  for (let j = 0; j < a.length; j++) {
    ab += a[j] * b[j];
    aa += a[j] * a[j];
    bb += b[j] * b[j];
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

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

export const r6: Reproduction = {
  name: 'r6-spectral-alignment',
  id: 'r6',
  title: 'R6: spectral initialization, alignment against n/d',
  async run(ctx) {
    const d = ctx.full ? 50 : 20;
    const logd = BOUNDS.spectralSamplesPerDLogD * Math.log(d);
    const ratios = ctx.full ? [25, 50, 100, 200, 400, Math.ceil(logd), 1200] : [25, 50, 100, 200, Math.ceil(logd), 900];
    const seeds = seedList(ctx.full ? 10 : 3);
    const common = { d, norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: BOUNDS.spectralMaxEps } as const;
    // the exact basin radius, computed on a worker (R5's task; a pilot: the threshold below needs it)
    const r = (await ctx.sweep.task<ExactRow>(task(R5_MODULE, exactRadius, { link: common.link, s: common.norm }), { whole: true })).b
      .radius;
    // with |w0| = |w*| = s, |w0 - w*| = s sqrt(2 - 2 cos): inside B(w*, r) iff cos > 1 - r^2 / (2 s^2)
    const threshold = 1 - (r * r) / (2 * common.norm ** 2);
    const adversaries = ['none', ...ADVERSARY_NAMES] as const;
    const rows: Row[] = [],
      table: string[][] = [];
    let worstRobust = Infinity,
      worstShare = 0;
    let plainPlant = NaN;
    const grid = adversaries.flatMap((adversary) => ratios.map((ratio) => ({ adversary, ratio })));
    const measured = await Promise.all(
      grid.map(({ adversary, ratio }) =>
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
    for (const adversary of adversaries) {
      for (const ratio of ratios) {
        const perSeed = measured[grid.findIndex((g) => g.adversary === adversary && g.ratio === ratio)];
        const cell: Record<string, { cos: number[]; share: number[] }> = {
          robust: { cos: perSeed.map((m) => m.robust.cos), share: perSeed.map((m) => m.robust.share) },
          plain: { cos: perSeed.map((m) => m.plain.cos), share: perSeed.map((m) => m.plain.share) },
        };
        const rc = summarize(cell.robust.cos).median,
          pc = summarize(cell.plain.cos).median;
        rows.push({ adversary, 'n/d': ratio, init: 'robust', cos: rc }, { adversary, 'n/d': ratio, init: 'plain', cos: pc });
        table.push([
          adversary,
          String(ratio),
          fmt(rc),
          fmt(Math.min(...cell.robust.cos)),
          fmt(summarize(cell.robust.share).median),
          fmt(pc),
          fmt(summarize(cell.plain.share).median),
        ]);
        if (ratio >= logd) {
          worstRobust = Math.min(worstRobust, rc);
          worstShare = Math.max(worstShare, summarize(cell.robust.share).median);
        }
        if (adversary === 'spectral-plant' && ratio === ratios[ratios.length - 1]) plainPlant = pc;
      }
      ctx.log(`r6: ${adversary} done`);
    }
    return finishReport(ctx, {
      source: MAIN_SOURCE,
      claim:
        'The robust spectral initialization is efficiently reachable under adversarial contamination: with n = O(d log d) samples its direction is aligned with w* well enough to start inside the convex basin, under every adversary.',
      settings: { ...common, samplesPerDimension: ratios, seeds, basinRadius: r, cosThreshold: threshold, adversaries },
      sections: [
        '## How it was measured',
        `w0 is the spectral initialization alone (no descent), robust (filtered) and plain. The basin threshold on cos(w0, w*) is 1 - r^2 / (2 |w*|^2) = ${fmt(threshold)} for r = ${fmt(r)} (gelu, |w*| = 1): a w0 of the right length with a larger cosine lies in B(w*, r). "share" is |w0 - w*| / r (below 1: inside the basin, length included). The claim applies from n/d = ${BOUNDS.spectralSamplesPerDLogD} ln d = ${fmt(logd)} (BOUNDS.spectralSamplesPerDLogD), eps = ${common.eps} (BOUNDS.spectralMaxEps).`,
        '## Results (medians over seeds)',
        markdownTable(['adversary', 'n/d', 'robust cos', 'robust worst cos', 'robust share', 'plain cos', 'plain share'], table),
      ],
      figures: [
        {
          suffix: 'alignment',
          caption:
            'Median cos(w0, w*) against n/d, robust vs plain spectral initialization, one panel per adversary; the dashed line is the basin threshold.',
          spec: lineChart(rows, {
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
      claims: [
        lowerClaim(
          'R6-robust-aligned',
          `robust init: the smallest median cos(w0, w*) over adversaries at n/d >= ${fmt(logd)} is above the basin threshold`,
          worstRobust,
          threshold,
        ),
        upperClaim(
          'R6-robust-in-basin',
          `robust init: the largest median |w0 - w*| / r over adversaries at n/d >= ${fmt(logd)} is below 1`,
          worstShare,
          1,
        ),
        upperClaim(
          'R6-plain-breaks',
          `plain init under spectral-plant at n/d = ${ratios[ratios.length - 1]}: median cos(w0, w*) stays below the basin threshold`,
          plainPlant,
          threshold,
        ),
      ],
    });
  },
};
