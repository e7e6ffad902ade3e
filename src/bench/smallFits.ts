import { generateInstance } from '../instance/instance.js';
import type { LinkName } from '../model/links.js';
import { fit } from '../solver/methods.js';
import { countPasses } from '../kernels/passCount.js';
import { summarize } from '../stats/summary.js';

/** A small fit's size and link. */
export interface SmallFitCase {
  readonly d: number;
  readonly n: number;
  readonly link: LinkName;
}

/** The small fits the audit, the properties and the quick reports run by the thousand (the
 *  sizes of the speed issue on small fits). */
export const SMALL_FIT_CASES: readonly SmallFitCase[] = [
  { d: 5, n: 20000, link: 'gelu' },
  { d: 5, n: 20000, link: 'relu' },
  { d: 10, n: 4000, link: 'gelu' },
  { d: 10, n: 2000, link: 'tanh' },
  { d: 20, n: 4000, link: 'gelu' },
];

/** One small fit timed against one plain JavaScript pass `y = X w` over the same X. */
export interface SmallFitTiming {
  readonly d: number;
  readonly n: number;
  readonly link: LinkName;
  /** Median wall time of one robust fit, ms. */
  readonly fitMs: number;
  /** The fastest of many timings of one plain JS pass over X, ms. */
  readonly passMs: number;
  readonly iterations: number;
  /** Passes over X the fit makes, by the kernels' own count. */
  readonly countedPasses: number;
  /** fitMs / passMs: the fit in units of one pass. */
  readonly passesOfX: number;
  /** Time per row per descent iteration, ns. */
  readonly nsPerRowIteration: number;
}

/** One plain JavaScript pass y = X w (the unit the small fits are measured in); returns y's
 *  last entry so the work cannot be dropped. One function for every case, so its compiled
 *  code, and so the unit, is the same for all. */
function plainPass(n: number, d: number, x: Float64Array, w: Float64Array, y: Float64Array): number {
  for (let i = 0, o = 0; i < n; i++, o += d) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[o + j] as number) * (w[j] as number);
    y[i] = s;
  }
  return y[n - 1] as number;
}

/**
 * Time a robust fit at each case (covariance-shift, eps 0.05, student-t:3, sigma 0.1, |w*| = 1,
 * seed 1), median of `repeats` after a warm-up, and one plain JS pass `y = X w` over the same X
 * (the fastest of many), in the same process.
 */
export function measureSmallFits(repeats = 7, cases: readonly SmallFitCase[] = SMALL_FIT_CASES): SmallFitTiming[] {
  return cases.map(({ d, n, link }) => {
    const inst = generateInstance({
      d,
      n,
      link,
      norm: 1,
      noise: 'student-t:3',
      sigma: 0.1,
      eps: 0.05,
      adversary: 'covariance-shift',
      seed: 1,
    });
    const options = { method: 'robust', link, eps: 0.05, seed: 1 };
    let result = fit(inst.sample, options);
    const countedPasses = countPasses(() => {
      result = fit(inst.sample, options);
    });
    const fitTimes: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      result = fit(inst.sample, options);
      fitTimes.push(performance.now() - t0);
    }
    // the floor: a plain JS pass y = X w over the same X
    const w = new Float64Array(d).fill(0.5);
    const y = new Float64Array(n);
    let sink = 0;
    for (let r = 0; r < 50; r++) sink += plainPass(n, d, inst.sample.x, w, y);
    // the fastest the machine makes the pass: the minimum over 61 timings of 10
    const passTimes: number[] = [];
    for (let r = 0; r < 61; r++) {
      const t0 = performance.now();
      for (let k = 0; k < 10; k++) sink += plainPass(n, d, inst.sample.x, w, y);
      passTimes.push((performance.now() - t0) / 10);
    }
    if (!Number.isFinite(sink)) throw new Error('unreachable');
    const fitMs = summarize(fitTimes).median;
    const passMs = Math.min(...passTimes);
    return {
      d,
      n,
      link,
      fitMs,
      passMs,
      iterations: result.iterations,
      countedPasses,
      passesOfX: fitMs / passMs,
      nsPerRowIteration: (fitMs * 1e6) / (n * Math.max(1, result.iterations)),
    };
  });
}

/** A small fit's time bound in passes of X: SMALL_FIT_PASSES, unless the fit's own pass count
 *  makes that impossible; then FIT_OVER_OWN_FLOOR times that count. */
export const SMALL_FIT_PASSES = 150;
export const FIT_OVER_OWN_FLOOR = 3;

/**
 * The bound on a small fit's time, in units of one plain JS pass over its X, and which rule
 * set it: `passes` (SMALL_FIT_PASSES) where the fit makes fewer passes than that, otherwise
 * `own-floor`: FIT_OVER_OWN_FLOOR times the passes the fit makes (its iterations times the
 * passes each one needs, as the kernels count them), since no fit can take less time than
 * the passes it makes.
 */
export function smallFitBound(t: SmallFitTiming): { readonly bound: number; readonly rule: 'passes' | 'own-floor' } {
  return t.countedPasses < SMALL_FIT_PASSES
    ? { bound: SMALL_FIT_PASSES, rule: 'passes' }
    : { bound: FIT_OVER_OWN_FLOOR * t.countedPasses, rule: 'own-floor' };
}

/** The small fits measured now, as a markdown table with each fit's bound (`bench --small-fits`). */
export function smallFitsTable(repeats: number): string {
  const rows = measureSmallFits(repeats).map((t) => {
    const { bound, rule } = smallFitBound(t);
    return `| ${t.d} | ${t.n} | ${t.link} | ${t.fitMs.toFixed(1)} | ${t.iterations} | ${t.countedPasses} | ${t.passesOfX.toFixed(0)} | ${bound} (${rule}) | ${t.nsPerRowIteration.toFixed(0)} |`;
  });
  return [
    '| d | n | link | fit ms | iterations | passes made | fit in passes of X | bound | ns per row per iteration |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
