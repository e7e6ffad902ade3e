import { join } from 'node:path';
import { fmt, lowerClaim, upperClaim } from '../report/claim.js';
import { markdownTable } from '../report/markdownTable.js';
import { lineChart, type Row } from '../report/specs.js';
import { writeSvg } from '../report/chart.js';
import { machineLine, writeReport, type ClaimResult, type ReportJson } from '../report/writeReport.js';
import { reportBody } from '../report/reportBody.js';
import { codeCommit } from '../report/provenance.js';
import type { BenchResult } from './runBench.js';
import { FIT_OVER_OWN_FLOOR, SMALL_FIT_PASSES, smallFitBound } from './smallFits.js';

/** The benchmark's targets (issue 7), each a figure to meet, not a timed test. */
export const BENCH_TARGETS = {
  /** Every O(n d) kernel reads at least this fraction of the measured bandwidth. */
  kernelFraction: 0.5,
  /** |exponent - 1| of fit time in n d at most this (the range 0.9 - 1.1). */
  exponentTolerance: 0.1,
  /** Peak bytes per stored number below this: a second copy of the covariates alone reaches
   *  16, so staying under it means the data is held once (plus O(n) work vectors). */
  bytesPerNumber: 16,
  /** Passes over X per descent iteration, initialization included, at the largest fit (issue
   *  15: the gradient's two passes and a filter that warm-starts and fuses the rest). */
  passesPerIteration: 6,
  /** The largest fit's time over its pass floor (its passes times one gemv pass at this d,
   *  as the kernel table measures it): what the fit spends beyond reading X (issue 15). */
  fitOverFloor: 3,
} as const;

/** The largest fit of the grid, and its time over the floor its passes set: one gemv pass at
 *  the fit's d as measured in the kernel table (the bandwidth limit where none was). */
export function passFloor(r: BenchResult): { point: BenchResult['fits']['points'][number]; floorSeconds: number; ratio: number } {
  const point = r.fits.points.reduce((a, b) => (b.n * b.d > a.n * a.d ? b : a));
  const gemvRate = r.kernels.find((k) => k.kernel === 'gemv' && k.d === point.d)?.wasmGBs ?? r.bandwidth.limit;
  const floorSeconds = (point.passes * 8 * point.n * point.d) / (gemvRate * 1e9);
  return { point, floorSeconds, ratio: point.seconds / floorSeconds };
}

/** The claims (targets) of a bench result, in the order the report prints them. */
export function benchClaims(r: BenchResult): ClaimResult[] {
  const t = BENCH_TARGETS;
  const floor = passFloor(r);
  return [
    ...r.kernels.map((k) =>
      lowerClaim(
        `B1-${k.kernel}-d${k.d}`,
        `${k.kernel} (${k.does}) at d = ${k.d} reads >= ${t.kernelFraction} of the bandwidth limit`,
        k.wasmGBs / r.bandwidth.limit,
        t.kernelFraction,
      ),
    ),
    upperClaim(
      'B2-fit-time-exponent',
      `robust fit wall time grows like (n d)^b with |b - 1| <= ${t.exponentTolerance} (b = ${fmt(r.fits.total.slope, 3)})`,
      Math.abs(r.fits.total.slope - 1),
      t.exponentTolerance,
    ),
    upperClaim(
      'B2-per-iteration-exponent',
      `time per descent iteration grows like (n d)^b with |b - 1| <= ${t.exponentTolerance} (b = ${fmt(r.fits.perIteration.slope, 3)})`,
      Math.abs(r.fits.perIteration.slope - 1),
      t.exponentTolerance,
    ),
    upperClaim(
      'B5-passes-per-iteration',
      `passes over X per descent iteration of the largest fit (n = ${floor.point.n}, d = ${floor.point.d}; ${floor.point.passes} passes, ${floor.point.iterations} iterations) <= ${t.passesPerIteration}`,
      floor.point.passes / Math.max(1, floor.point.iterations),
      t.passesPerIteration,
    ),
    upperClaim(
      'B6-fit-over-floor',
      `the largest fit's time over its pass floor (${floor.point.passes} passes at the measured gemv rate: ${fmt(floor.floorSeconds, 3)} s) <= ${t.fitOverFloor}`,
      floor.ratio,
      t.fitOverFloor,
    ),
    ...r.smallFits.map((f) => {
      const { bound, rule } = smallFitBound(f);
      return upperClaim(
        `B7-small-fit-d${f.d}-n${f.n}-${f.link}`,
        `a robust ${f.link} fit at n = ${f.n}, d = ${f.d} takes at most ${bound} plain passes of X (${
          rule === 'passes'
            ? `${SMALL_FIT_PASSES} passes`
            : `${FIT_OVER_OWN_FLOOR} times its own ${f.countedPasses} passes, since ${SMALL_FIT_PASSES} is below what it makes`
        }; ${fmt(f.fitMs, 3)} ms, ${f.iterations} iterations)`,
        f.passesOfX,
        bound,
      );
    }),
    upperClaim(
      'B3-peak-memory',
      `peak memory of a fit < ${t.bytesPerNumber} bytes per stored number (the data held once)`,
      r.memory.bytesPerNumber,
      t.bytesPerNumber,
    ),
    upperClaim(
      'B4-no-dxd',
      `no d x d matrix at d = ${r.wide.d}: the largest array made during the fit has < d^2 = ${r.wide.d * r.wide.d} entries`,
      r.wide.largestArray,
      r.wide.d * r.wide.d,
    ),
  ];
}

/** Where the benchmark's targets come from. */
const BENCH_SOURCE = 'issue 7 (targets)';

/** The report's sections: bandwidth, kernels, fit time, small fits, memory, no d x d matrix. */
function benchSections(r: BenchResult): string[] {
  const lim = r.bandwidth.limit;
  const kernelTable = r.kernels.map((k) => [
    k.kernel,
    k.does,
    String(k.d),
    String(k.passes),
    fmt(k.jsGBs, 3),
    fmt(k.wasmGBs, 3),
    fmt(k.wasmGBs / lim, 3),
    fmt(k.jsGBs / lim, 3),
  ]);
  const fitTable = r.fits.points.map((p) => [
    String(p.n),
    String(p.d),
    fmt(p.n * p.d, 3),
    fmt(p.seconds, 3),
    String(p.iterations),
    p.passes === undefined ? '-' : String(p.passes),
    p.passes === undefined ? '-' : fmt(p.passes / Math.max(1, p.iterations), 3),
    fmt((1e3 * p.seconds) / Math.max(1, p.iterations), 3),
    fmt(p.error, 3),
  ]);
  const m = r.memory;
  const workVectors = (m.bytes - 8 * m.n * m.d) / (8 * m.n);
  return [
    [
      '## The limit: memory read bandwidth',
      '',
      `A plain sum over a ${(r.settings.bandwidthBytes / 2 ** 20).toFixed(0)} MiB Float64Array (four partial sums, JS): ${fmt(r.bandwidth.js, 3)} GB/s. The same sum in WebAssembly SIMD (eight partial sums): ${fmt(r.bandwidth.wasm, 3)} GB/s. The limit is the larger, ${fmt(lim, 3)} GB/s (1 GB = 1e9 bytes), so a fraction below is never flattered by a slow probe.`,
    ].join('\n'),
    [
      '## Kernels',
      '',
      `Each kernel is timed on an n x d Gaussian matrix of ${r.settings.kernelEntries} entries (${((8 * r.settings.kernelEntries) / 2 ** 20).toFixed(0)} MiB), best of ${r.settings.repeats}; GB/s counts the matrix bytes read (passes x 8 n d). "JS" is the plain Float64Array path (the 4-way unrolled loops, before); "SIMD" is the matrix held by allocMatrix in a WebAssembly memory, the path every estimator takes now (after). Both give bit-identical results.`,
      '',
      markdownTable(['kernel', 'computes', 'd', 'passes', 'JS GB/s', 'SIMD GB/s', 'SIMD / limit', 'JS / limit'], kernelTable),
    ].join('\n'),
    [
      '## Fit time against n*d',
      '',
      markdownTable(['n', 'd', 'n*d', 'seconds', 'iterations', 'passes', 'passes / iteration', 'ms / iteration', 'error'], fitTable),
      '',
      `Log-log fits over the ${r.fits.points.length} points: wall time b = ${fmt(r.fits.total.slope, 3)} (95% interval [${fmt(r.fits.total.lower, 3)}, ${fmt(r.fits.total.upper, 3)}]); time per iteration b = ${fmt(r.fits.perIteration.slope, 3)} ([${fmt(r.fits.perIteration.lower, 3)}, ${fmt(r.fits.perIteration.upper, 3)}]). Fits above 5e6 entries are timed once, the others best of 2 (instance generation excluded).`,
    ].join('\n'),
    smallFitsSection(r),
    [
      '## Memory',
      '',
      `A fresh process draws a clean ${m.n} x ${m.d} instance and fits it; its peak resident set rises by ${(m.bytes / 2 ** 20).toFixed(1)} MiB over the baseline (runtime, modules, compiled kernels): **${fmt(m.bytesPerNumber, 3)} bytes per stored number**. The covariates take 8 (held once, as a Float64Array in the kernels' memory); the rest is about ${workVectors.toFixed(0)} work vectors of length n (projections, residuals, weights, scores) and the responses, each worth 8 / d bytes per number.`,
    ].join('\n'),
    [
      '## No d x d matrix',
      '',
      `A robust fit at n = ${r.wide.n}, d = ${r.wide.d} (descent capped at ${r.settings.wideFit.maxIterations} iterations; the initialization, the filter and every kind of step run) made no Float64Array larger than ${r.wide.largestArray} entries (d^2 = ${r.wide.d * r.wide.d}); it took ${fmt(r.wide.seconds, 3)} s. Covariances are only ever applied as two passes over the data (X v, then X^T u).`,
    ].join('\n'),
  ];
}

/** The small fits' section: each against its pass floor and its bound. */
function smallFitsSection(r: BenchResult): string {
  return [
    '## Small fits',
    '',
    `The fits the audit, the properties and the quick reports make by the thousand (covariance-shift, eps 0.05, Student-t(3) noise, sigma 0.1, |w*| = 1, seed 1; method robust), each the median of ${r.settings.smallFitRepeats} timings after a warm-up, against the fastest of many timings of one plain JavaScript pass y = X w over the same X in the same process. The bound is ${SMALL_FIT_PASSES} passes of X, or ${FIT_OVER_OWN_FLOOR} times the passes the fit makes (as the kernels count them) where those alone exceed ${SMALL_FIT_PASSES}.`,
    '',
    markdownTable(
      ['d', 'n', 'link', 'fit ms', 'iterations', 'passes made', 'one pass ms', 'fit in passes of X', 'bound', 'ns per row per iteration'],
      r.smallFits.map((f) => [
        String(f.d),
        String(f.n),
        f.link,
        fmt(f.fitMs, 3),
        String(f.iterations),
        String(f.countedPasses),
        fmt(f.passMs, 3),
        fmt(f.passesOfX, 3),
        String(smallFitBound(f).bound),
        fmt(f.nsPerRowIteration, 3),
      ]),
    ),
  ].join('\n');
}

/** Write reports/bench.md, bench.json and bench-fit-time.svg (each atomically). */
export async function writeBenchReport(dir: string, r: BenchResult, seconds: number): Promise<ReportJson> {
  const claims = benchClaims(r);
  const rows: Row[] = r.fits.points.flatMap((p) => [
    { 'n*d': p.n * p.d, series: 'fit (seconds)', value: p.seconds },
    { 'n*d': p.n * p.d, series: 'per iteration (seconds x 100)', value: (100 * p.seconds) / Math.max(1, p.iterations) },
  ]);
  await writeSvg(
    join(dir, 'bench-fit-time.svg'),
    lineChart(rows, {
      title: `Robust fit time against n*d (d = ${r.settings.fitGrid.d})`,
      x: { field: 'n*d', title: 'n*d', log: true },
      y: { field: 'value', title: 'seconds', log: true },
      series: 'series',
    }),
  );
  const body = reportBody({
    name: 'bench',
    title: 'Benchmark: kernels against memory bandwidth, fit time against n*d, memory',
    banner: r.settings.smoke
      ? '**SMOKE RUN (`--smoke`): tiny sizes that fit the caches; every figure below is meaningless except as proof that each step runs.**'
      : undefined,
    claim:
      'The targets of issue 7: every O(n d) kernel at >= 50% of the measured read bandwidth; robust fit time growing like (n d)^b with b in [0.9, 1.1]; the data held once; no d x d matrix for d > 500. These are benchmark figures, never timed tests: **every number below is a timing or a reading of this machine and changes from run to run.**',
    source: BENCH_SOURCE,
    settings: {
      ...r.settings,
      fitInstances: "R4's: gelu, |w*| = 1, Student-t(3) noise sigma 0.5, eps 0.05 leverage points, seed 1; method robust",
    },
    sections: benchSections(r),
    figures: [{ suffix: 'fit-time', caption: 'Robust fit wall time and time per iteration (x 100) against n*d, log-log.' }],
    claims,
    notes: [
      'Wall time grows more slowly than n d because the number of descent iterations falls as n grows (the gradient noise shrinks), so the total-time exponent sits below 1 while the cost per iteration is linear: the O~(n d) claim is the per-iteration one, and a total exponent below 0.9 is faster than linear, not slower.',
      'The gradient kernel also evaluates the link and its derivative once per row (gelu: erfc and exp); at small d that O(n) work, not the O(n d) passes, sets its speed.',
    ],
  });
  const commit = codeCommit();
  const json: ReportJson = {
    name: 'bench',
    source: BENCH_SOURCE,
    settings: r,
    claims,
    run: { seconds, machine: machineLine(), ...(commit ? { commit } : {}) },
  };
  writeReport(dir, body, json);
  return json;
}
