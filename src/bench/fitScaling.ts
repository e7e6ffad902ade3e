import { generateInstance, type InstanceSettings } from '../model/instance.js';
import { fit } from '../solver/methods.js';
import { distance } from '../kernels/vec.js';
import { logLogSlope, type PowerLawFit } from '../stats/logLogSlope.js';
import { bestTime } from './throughput.js';

/** The instances the benchmark fits (R4's: gelu, Student-t noise, 5% leverage points). */
export const FIT_SETTINGS = { norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: 0.05, adversary: 'leverage', seed: 1 } as const satisfies Omit<InstanceSettings, 'n' | 'd'>;

/** One timed robust fit. */
export interface FitTiming {
  readonly n: number;
  readonly d: number;
  readonly seconds: number;
  readonly iterations: number;
  readonly error: number;
}

/** The fit times over a grid and their log-log exponents in n d. */
export interface FitScaling {
  readonly points: readonly FitTiming[];
  /** Wall time against n d. */
  readonly total: PowerLawFit;
  /** Wall time per descent iteration against n d (the cost model O(n d) per iteration). */
  readonly perIteration: PowerLawFit;
}

/**
 * A grid of (n, d) with n d spread evenly on a log scale from `from` to `to` (`steps`
 * points), at each of the given d.
 */
export function fitGrid(ds: readonly number[], from: number, to: number, steps: number): { n: number; d: number }[] {
  return ds.flatMap((d) => Array.from({ length: steps }, (_, k) => ({ d, n: Math.round((from * (to / from) ** (k / (steps - 1))) / d) })));
}

/**
 * Time the robust fit (spectral initialization, then robust gradient descent) at each grid
 * point, instance generation excluded, best of `repeats` (1 above `bigAbove` entries, where a
 * fit takes seconds and is less disturbed), and fit the exponents of time and time per
 * iteration in n d.
 */
export function measureFitScaling(grid: readonly { n: number; d: number }[], repeats = 2, bigAbove = 5e6, log: (line: string) => void = () => {}): FitScaling {
  const points: FitTiming[] = [];
  for (const { n, d } of grid) {
    const inst = generateInstance({ ...FIT_SETTINGS, n, d });
    const options = { method: 'robust', link: FIT_SETTINGS.link, eps: FIT_SETTINGS.eps, seed: FIT_SETTINGS.seed };
    let result = fit(inst.sample, options);
    const seconds = bestTime(() => { result = fit(inst.sample, options); }, n * d > bigAbove ? 1 : repeats);
    points.push({ n, d, seconds, iterations: result.iterations, error: distance(result.w, inst.wstar) });
    log(`bench: fit n ${n} d ${d}: ${seconds.toFixed(2)} s, ${result.iterations} iterations`);
  }
  const nd = points.map((p) => p.n * p.d);
  return {
    points,
    total: logLogSlope(nd, points.map((p) => p.seconds)),
    perIteration: logLogSlope(nd, points.map((p) => p.seconds / Math.max(1, p.iterations))),
  };
}
