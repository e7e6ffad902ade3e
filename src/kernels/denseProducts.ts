/**
 * Dense matrix products A B^T and G^T X over row-major Float64Arrays, for the two-layer network
 * of seed 004, whose training step is two n x m x D products (2e9 multiply-adds a step at the
 * paper's n = 5000, D = 1000, m = 100). Hand-written: no BLAS is reachable from Node, and the
 * WebAssembly SIMD twins (assembly/kernels.ts) run these about 13 times faster than scalar JS
 * loops with one dependent chain per dot product. The JS loops below keep exactly the twins'
 * operation order, so both give the same numbers bit for bit.
 */
import { fixedMemory, kernelInstance, type KernelExports, MAX_WASM_BYTES } from './wasmKernels.js';

/**
 * out[i m + j] = <a_i, b_j> (a: n x d, b: m x d, out: n x m): each entry as two partial sums,
 * even columns and odd columns (an odd last column into the first), returned as their sum.
 */
export function matmulABt(n: number, m: number, d: number, a: Float64Array, b: Float64Array, out: Float64Array): void {
  const d2 = d - (d % 2);
  for (let i = 0; i < n; i++) {
    const ai = i * d;
    for (let j = 0; j < m; j++) {
      const bj = j * d;
      let s0 = 0,
        s1 = 0,
        k = 0;
      for (; k < d2; k += 2) {
        s0 += a[ai + k] * b[bj + k];
        s1 += a[ai + k + 1] * b[bj + k + 1];
      }
      if (k < d) s0 += a[ai + k] * b[bj + k];
      out[i * m + j] = s0 + s1;
    }
  }
}

/**
 * out[j d + k] += sum_i g[i m + j] x[i d + k] (G^T X; g: n x m, x: n x d, out: m x d, not
 * zeroed), each entry summed over i in order. Terms with g = 0 are skipped: adding a product
 * with 0 leaves unchanged a sum that did not start at -0.
 */
export function matmulAtBAccumulate(n: number, m: number, d: number, g: Float64Array, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    for (let j = 0; j < m; j++) {
      const c = g[i * m + j];
      if (c === 0) continue;
      const oj = j * d;
      for (let k = 0; k < d; k++) out[oj + k] += c * x[xi + k];
    }
  }
}

/**
 * The arrays of one network's training step, held in a WebAssembly memory of their own when
 * they fit one (then the products run on the SIMD kernels, in place), else plain
 * Float64Arrays (the JS loops above): the data x (n x d), the weights w (m x d), the
 * pre-activations u = x w^T (n x m), the coefficients g (n x m) and gw = g^T x (m x d).
 */
export interface DenseWorkspace {
  readonly x: Float64Array;
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly g: Float64Array;
  readonly gw: Float64Array;
  /** u = x w^T. */
  forward(): void;
  /** gw = g^T x. */
  backward(): void;
}

/** A workspace for n rows of d columns and m neurons, with x copied in. */
export function denseWorkspace(n: number, m: number, d: number, x: Float64Array): DenseWorkspace {
  const sizes = [n * d, m * d, n * m, n * m, m * d];
  const bytes = sizes.reduce((s, len) => s + len * 8, 0);
  let k: KernelExports | null = null;
  let views: Float64Array[];
  if (bytes <= MAX_WASM_BYTES) {
    const memory = fixedMemory(bytes);
    k = kernelInstance(memory);
    let off = 0;
    views = sizes.map((len) => {
      const v = new Float64Array(memory.buffer, off, len);
      off += len * 8;
      return v;
    });
  } else views = sizes.map((len) => new Float64Array(len));
  const [xs, w, u, g, gw] = views;
  xs.set(x.subarray(0, n * d));
  const kernels = k;
  return {
    x: xs,
    w,
    u,
    g,
    gw,
    forward() {
      if (kernels) kernels.matmulABt(n, m, d, xs.byteOffset, w.byteOffset, u.byteOffset);
      else matmulABt(n, m, d, xs, w, u);
    },
    backward() {
      gw.fill(0);
      if (kernels) kernels.matmulAtBAccumulate(n, m, d, g.byteOffset, xs.byteOffset, gw.byteOffset);
      else matmulAtBAccumulate(n, m, d, g, xs, gw);
    },
  };
}
