import { allocMatrix, kernelsFor } from '../kernels/wasmKernels.js';
/**
 * Throughput measurements: the machine's memory read bandwidth and a kernel's GB/s.
 * Timings are noisy; each figure is the best of `repeats` runs (the least disturbed one).
 */

/** Seconds of the fastest of `repeats` calls of `f`. */
export function bestTime(f: () => void, repeats: number): number {
  let best = Infinity;
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    f();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** A sink the measured loops write into, so the JIT cannot drop them as dead code. */
export const sink = { value: 0 };

/**
 * Memory read bandwidth in GB/s (1e9 bytes): a plain sum over a Float64Array of `bytes`
 * bytes (default 256 MiB, far beyond the caches), best of `repeats`. This is what any O(nd)
 * pass over data held once as Float64Array can at most reach from JavaScript.
 */
export function readBandwidth(bytes = 2 ** 28, repeats = 5): number {
  const a = new Float64Array(bytes / 8);
  for (let i = 0; i < a.length; i++) a[i] = i & 7;
  const t = bestTime(() => {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    const m = a.length - (a.length % 4);
    for (let i = 0; i < m; i += 4) {
      s0 += a[i];
      s1 += a[i + 1];
      s2 += a[i + 2];
      s3 += a[i + 3];
    }
    sink.value += s0 + s1 + s2 + s3;
  }, repeats);
  return bytes / t / 1e9;
}

/**
 * The machine's read-bandwidth limit in GB/s: the plain JS sum and the WebAssembly SIMD sum
 * over `bytes`, and the larger of the two (so a kernel's fraction of it is never flattered by
 * the slower probe).
 */
export function bandwidthLimit(bytes = 2 ** 28): { js: number; wasm: number; limit: number } {
  const js = readBandwidth(bytes),
    wasm = wasmReadBandwidth(bytes);
  return { js, wasm, limit: Math.max(js, wasm) };
}

/**
 * Memory read bandwidth in GB/s read by the WebAssembly SIMD sum (eight partial sums) over a
 * kernel-held array of `bytes` bytes, best of `repeats`: what a kernel held in WebAssembly
 * can reach, and the stricter of the two limits when it beats the plain JS sum.
 */
export function wasmReadBandwidth(bytes = 2 ** 28, repeats = 5): number {
  const len = bytes / 8;
  const a = allocMatrix(len / 1024, 1024);
  for (let i = 0; i < a.length; i++) a[i] = i & 7;
  const b = kernelsFor(len / 1024, 1024, a);
  if (!b) throw new Error('wasmReadBandwidth: the array is not held in a kernel memory');
  const t = bestTime(() => {
    sink.value += b.k.sum(len, a.byteOffset);
  }, repeats);
  return bytes / t / 1e9;
}
