import { gemv } from '../kernels/gemv.js';
import { gemvT } from '../kernels/gemvT.js';
import { rowSquaredNorms } from '../kernels/rowSquaredNorms.js';
import { allocMatrix, isWasmBacked } from '../kernels/wasmKernels.js';
import { filterScores } from '../robust/filterMean.js';
import { powerBuffers, weightedTopEigenvector } from '../eigen/topEigenvector.js';
import { fillScales } from '../solver/update.js';
import { getLink } from '../model/links.js';
import { namedStream, type Rng } from '../rng/streams.js';
import { bestTime, sink } from './throughput.js';

/** One O(n d) kernel's throughput, on the JS loops and on the WebAssembly SIMD kernels. */
export interface KernelThroughput {
  readonly kernel: string;
  /** What it computes, in a few words. */
  readonly does: string;
  /** Passes over the n x d matrix per call (bytes read = passes x 8 n d). */
  readonly passes: number;
  /** GB/s (1e9 bytes of the matrix read per second) with the JS loops (plain Float64Array). */
  readonly jsGBs: number;
  /** GB/s with the matrix held in a kernel memory (the solver's path). */
  readonly wasmGBs: number;
}

interface KernelCase {
  readonly kernel: string;
  readonly does: string;
  readonly passes: number;
  readonly run: (x: Float64Array) => void;
}

/**
 * The O(n d) kernels the estimators are made of, each timed (best of `repeats`) on the same
 * n x d Gaussian matrix, once as a plain Float64Array (JS loops) and once held by
 * allocMatrix (SIMD kernels). The composite ones call the solver's own functions:
 * the gradient pass is u = X w, the per-row factor of the squared-loss field (gelu), then
 * X^T (c s); filter scores are the filter's projections and squared deviations along a
 * direction; a power-iteration step is one step of the filter's weighted power iteration.
 */
export function measureKernels(n: number, d: number, repeats = 5): KernelThroughput[] {
  const held = allocMatrix(n, d);
  if (!isWasmBacked(held)) throw new Error(`measureKernels: a ${n} x ${d} matrix does not fit a kernel memory`);
  const r = namedStream(1, 'bench');
  for (let i = 0; i < n * d; i++) held[i] = r.normal();
  const plain = Float64Array.from(held);
  const { cases, outN, outD } = kernelCases(n, d, r);
  const bytes = 8 * n * d;
  return cases.map((k) => {
    k.run(plain);
    k.run(held); // warm both paths up (JIT, tier-up) before timing
    const js = bestTime(() => k.run(plain), repeats);
    const wasm = bestTime(() => k.run(held), repeats);
    sink.value += outN[0] + outD[0];
    return {
      kernel: k.kernel,
      does: k.does,
      passes: k.passes,
      jsGBs: (k.passes * bytes) / js / 1e9,
      wasmGBs: (k.passes * bytes) / wasm / 1e9,
    };
  });
}

/** The kernels timed, each a closure over its inputs (drawn from `r` after the matrix) and the
 *  output buffers it writes (read once after timing, so no work is dropped). */
function kernelCases(n: number, d: number, r: Rng): { cases: KernelCase[]; outN: Float64Array; outD: Float64Array } {
  const v = Float64Array.from({ length: d }, () => r.normal() / Math.sqrt(d));
  const y = Float64Array.from({ length: n }, () => r.normal());
  const ones = new Float64Array(n).fill(1);
  const c = Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 0.5 : 1));
  const u = new Float64Array(n),
    s = new Float64Array(n),
    tau = new Float64Array(n),
    outN = new Float64Array(n),
    outD = new Float64Array(d);
  const mu = Float64Array.from({ length: d }, () => 0.01 * r.normal());
  const gelu = getLink('gelu');
  const buffers = powerBuffers(n, d);
  const dir = new Float64Array(d);
  const cases: KernelCase[] = [
    {
      kernel: 'gemv',
      does: 'X v (matrix-vector product)',
      passes: 1,
      run: (x) => {
        gemv(n, d, x, v, outN);
      },
    },
    {
      kernel: 'gemvT',
      does: 'X^T u (weighted sum of rows)',
      passes: 1,
      run: (x) => {
        gemvT(n, d, x, y, outD);
      },
    },
    {
      kernel: 'rowSquaredNorms',
      does: '|x_i|^2 per row',
      passes: 1,
      run: (x) => {
        rowSquaredNorms(n, d, x, outN);
      },
    },
    {
      kernel: 'gradient',
      does: "per-sample gradients: X w, factors 2 r phi'(u), X^T (c s)",
      passes: 2,
      run: (x) => {
        gemv(n, d, x, v, u);
        fillScales(gelu, 'squared', 0, u, y, s);
        for (let i = 0; i < n; i++) s[i] *= c[i];
        gemvT(n, d, x, s, outD);
      },
    },
    {
      kernel: 'filterScores',
      does: 'filter scores (s_i <x_i, v> - <mu, v>)^2',
      passes: 1,
      run: (x) => {
        sink.value += filterScores({ n, d, x, s: ones, c, mu }, v, outN, tau);
      },
    },
    {
      kernel: 'powerStep',
      does: 'one weighted power-iteration step (X v and X^T u fused: one pass)',
      passes: 1,
      run: (x) => {
        dir.set(v);
        weightedTopEigenvector({ n, d, x, s: ones, c, mu }, n, dir, { shift: 0, maxSteps: 1, tolerance: 0 }, buffers);
      },
    },
  ];
  return { cases, outN, outD };
}
