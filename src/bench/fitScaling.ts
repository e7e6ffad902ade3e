import { generateInstance, type Instance, type InstanceSettings } from '../instance/instance.js';
import { fit } from '../solver/methods.js';
import { distance } from '../kernels/vec.js';
import { logLogSlope, type PowerLawFit } from '../stats/logLogSlope.js';
import { bestTime } from './throughput.js';
import { countPasses } from '../kernels/passCount.js';

/** The instances the benchmark fits (R4's: gelu, Student-t noise, 5% leverage points). */
export const FIT_SETTINGS = {
  norm: 1,
  link: 'gelu',
  noise: 'student-t:3',
  sigma: 0.5,
  eps: 0.05,
  adversary: 'leverage',
  seed: 1,
} as const satisfies Omit<InstanceSettings, 'n' | 'd'>;

/** One timed robust fit. */
export interface FitTiming {
  readonly n: number;
  readonly d: number;
  readonly seconds: number;
  readonly iterations: number;
  /** Passes over X the fit made (src/kernels/passCount.ts), initialization included. */
  readonly passes: number;
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
 * Draw the instance of `settings` and time the robust fit on it (generation excluded): one
 * fit to warm up, then the best of `repeats`. The instance is returned for further passes.
 */
export function timeFit(settings: InstanceSettings, repeats: number): { timing: FitTiming; inst: Instance } {
  const inst = generateInstance(settings);
  const options = { method: 'robust', link: settings.link, eps: settings.eps, seed: settings.seed };
  // the warm-up fit, its passes counted (every fit of this sample makes the same ones)
  let result = undefined as unknown as ReturnType<typeof fit>;
  const passes = countPasses(() => {
    result = fit(inst.sample, options);
  });
  const seconds = bestTime(() => {
    result = fit(inst.sample, options);
  }, repeats);
  return {
    timing: { n: settings.n, d: settings.d, seconds, iterations: result.iterations, passes, error: distance(result.w, inst.wstar) },
    inst,
  };
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
export function measureFitScaling(
  grid: readonly { n: number; d: number }[],
  repeats = 2,
  bigAbove = 5e6,
  log: (line: string) => void = () => {},
): FitScaling {
  const points: FitTiming[] = [];
  for (const { n, d } of grid) {
    const { timing } = timeFit({ ...FIT_SETTINGS, n, d }, n * d > bigAbove ? 1 : repeats);
    points.push(timing);
    log(`bench: fit n ${n} d ${d}: ${timing.seconds.toFixed(2)} s, ${timing.iterations} iterations`);
  }
  const nd = points.map((p) => p.n * p.d);
  return {
    points,
    total: logLogSlope(
      nd,
      points.map((p) => p.seconds),
    ),
    perIteration: logLogSlope(
      nd,
      points.map((p) => p.seconds / Math.max(1, p.iterations)),
    ),
  };
}
