import { generateInstance } from '../instance/instance.js';
import { canonicalizeInPlace } from '../model/canonicalRows.js';
import { fit } from '../solver/methods.js';
import { measureKernels, type KernelThroughput } from './kernelThroughput.js';
import { FIT_SETTINGS, fitGrid, measureFitScaling, type FitScaling } from './fitScaling.js';
import { largestFloat64Allocation } from './largestAllocation.js';
import { measurePeakMemory, type PeakMemory } from './peakMemory.js';
import { bandwidthLimit } from './throughput.js';
import { measureSmallFits, type SmallFitTiming } from './smallFits.js';

/** What `sim-audit bench` measures, all in one run. */
export interface BenchSettings {
  /** Entries n d of the matrices the kernels are timed on (far beyond the caches). */
  readonly kernelEntries: number;
  /** The d of each kernel shape (n = kernelEntries / d). */
  readonly kernelDims: readonly number[];
  /** Fit-time grid: d, and n d from `from` to `to` in `steps` log-spaced points. */
  readonly fitGrid: { readonly d: number; readonly from: number; readonly to: number; readonly steps: number };
  /** The d x d check: a fit at this (n, d), descent capped at `maxIterations`. */
  readonly wideFit: { readonly n: number; readonly d: number; readonly maxIterations: number };
  /** The memory probe's instance. */
  readonly memory: { readonly n: number; readonly d: number };
  readonly repeats: number;
  /** Timings of each small fit (src/bench/smallFits.ts), median taken. */
  readonly smallFitRepeats: number;
  /** Bytes summed by the bandwidth probes. */
  readonly bandwidthBytes: number;
  /** Tiny sizes: the figures mean nothing (the report says so). */
  readonly smoke?: boolean;
}

/**
 * Defaults: kernels on 2^25 entries (256 MiB) at d = 50 and 200; fits at d = 50 from n d = 1e6
 * to 3.2e7 (1.5 decades, n / d >= 400 so every fit converges); the d x d check at d = 1000.
 */
export const BENCH_DEFAULTS: BenchSettings = {
  kernelEntries: 2 ** 25,
  kernelDims: [50, 200],
  fitGrid: { d: 50, from: 1e6, to: 3.2e7, steps: 6 },
  wideFit: { n: 20000, d: 1000, maxIterations: 20 },
  memory: { n: 200000, d: 100 },
  repeats: 5,
  smallFitRepeats: 9,
  bandwidthBytes: 2 ** 28,
};

/** Tiny sizes that run every step in seconds (`sim-audit bench --smoke`): a check that the
 *  benchmark works end to end, whose figures mean nothing (caches, fixed costs dominate). */
export const BENCH_SMOKE: BenchSettings = {
  kernelEntries: 2 ** 16,
  kernelDims: [16],
  fitGrid: { d: 10, from: 2e4, to: 8e4, steps: 3 },
  wideFit: { n: 1200, d: 600, maxIterations: 2 },
  memory: { n: 20000, d: 10 },
  repeats: 1,
  smallFitRepeats: 1,
  bandwidthBytes: 2 ** 20,
  smoke: true,
};

export interface BenchResult {
  readonly settings: BenchSettings;
  /** Read bandwidth, GB/s, over settings.bandwidthBytes. */
  readonly bandwidth: { readonly js: number; readonly wasm: number; readonly limit: number };
  readonly kernels: readonly (KernelThroughput & { readonly n: number; readonly d: number })[];
  readonly fits: FitScaling;
  readonly wide: { readonly n: number; readonly d: number; readonly largestArray: number; readonly seconds: number };
  readonly memory: PeakMemory;
  /** The small fits against one plain JS pass over their X. */
  readonly smallFits: readonly SmallFitTiming[];
}

/** Run every measurement of the benchmark (minutes; nothing else should run meanwhile). */
export function runBench(s: BenchSettings = BENCH_DEFAULTS, log: (line: string) => void = () => {}): BenchResult {
  const bandwidth = bandwidthLimit(s.bandwidthBytes);
  log(`bench: read bandwidth ${bandwidth.js.toFixed(1)} GB/s (JS sum), ${bandwidth.wasm.toFixed(1)} GB/s (SIMD sum)`);
  const kernels = s.kernelDims.flatMap((d) => {
    const n = Math.round(s.kernelEntries / d);
    const rows = measureKernels(n, d, s.repeats).map((k) => ({ ...k, n, d }));
    for (const k of rows) log(`bench: ${k.kernel} (d ${d}) ${k.jsGBs.toFixed(1)} -> ${k.wasmGBs.toFixed(1)} GB/s`);
    return rows;
  });
  const g = s.fitGrid;
  const fits = measureFitScaling(fitGrid([g.d], g.from, g.to, g.steps), 2, 5e6, log);
  const w = s.wideFit;
  const inst = generateInstance({ ...FIT_SETTINGS, n: w.n, d: w.d });
  // in canonical row order, as `fit` puts data it reads (a sample in another order costs the
  // fit one reordered copy of the covariates: n d entries, not d^2)
  canonicalizeInPlace(inst.sample);
  const t0 = performance.now();
  const largestArray = largestFloat64Allocation(() => {
    fit(inst.sample, { method: 'robust', link: FIT_SETTINGS.link, eps: FIT_SETTINGS.eps, seed: 1, maxIterations: w.maxIterations });
  });
  const wide = { n: w.n, d: w.d, largestArray, seconds: (performance.now() - t0) / 1000 };
  log(`bench: d ${w.d}: largest array during the fit ${largestArray} entries (d^2 = ${w.d * w.d})`);
  const memory = measurePeakMemory(s.memory.n, s.memory.d);
  log(`bench: peak memory ${memory.bytesPerNumber.toFixed(2)} bytes per number`);
  const smallFits = measureSmallFits(s.smallFitRepeats);
  for (const f of smallFits)
    log(`bench: small fit d ${f.d} n ${f.n} ${f.link}: ${f.fitMs.toFixed(1)} ms, ${f.passesOfX.toFixed(0)} passes of X`);
  return { settings: s, bandwidth, kernels, fits, wide, memory, smallFits };
}
