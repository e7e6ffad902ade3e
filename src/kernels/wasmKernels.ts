/**
 * Data matrices held in WebAssembly memory, so the SIMD kernels of assembly/kernels.ts
 * (build/kernels.wasm) run on them in place. Each matrix gets a memory of its own, sized
 * once and never grown (growing would detach every view of it), with the matrix at offset 0
 * and, after it, a scratch area for two d-vectors and three n-vectors: a kernel call copies its
 * O(n + d) vector arguments in and out of the scratch, while the O(n d) matrix is never
 * copied. The module is compiled once per thread; instantiating it on a new memory is cheap.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Below this many entries a matrix stays a plain Float64Array (JS kernels): the per-call
 *  copies and the memory's fixed cost would outweigh the faster loop. */
export const WASM_MIN_ENTRIES = 1 << 14;

/** wasm32 memories stop at 4 GiB; larger matrices stay plain Float64Arrays (JS kernels). */
export const MAX_WASM_BYTES = 2 ** 32 - 2 ** 20;
const PAGE = 65536;

export interface KernelExports {
  gemv(n: number, d: number, x: number, v: number, out: number): void;
  gemvT(n: number, d: number, x: number, u: number, out: number): void;
  gemvTAccumulate(n: number, d: number, x: number, u: number, out: number): void;
  rowSquaredNorms(n: number, d: number, x: number, out: number): void;
  powerStep(n: number, d: number, x: number, v: number, s: number, c: number, mv: number, out: number): number;
  gemvTPair(n: number, d: number, x: number, u1: number, u2: number, out1: number, out2: number): void;
  distancesAndGemv(n: number, d: number, x: number, s: number, mu: number, v: number, dist: number, proj: number): void;
  sum(len: number, a: number): number;
  matmulABt(n: number, m: number, d: number, a: number, b: number, out: number): void;
  matmulAtBAccumulate(n: number, m: number, d: number, g: number, x: number, out: number): void;
  weightedCovariance(
    n: number,
    d: number,
    x: number,
    s: number,
    c: number,
    mu: number,
    centred: number,
    r: number,
    cr: number,
    out: number,
  ): void;
}

/** Up to this d a matrix's memory also holds the scratch of the weighted covariance kernel
 *  (src/kernels/weightedCovariance.ts): power iteration forms that d x d matrix once a round
 *  instead of making a pass per step (src/eigen/topEigenvector.ts). Measured in units of one
 *  SIMD power step on the same matrix, the matrix costs 1.9 at d = 5, 3 at d = 10, 3.6 at d = 15
 *  and 5.6 at d = 20 (n = 4000-20000), against the 10-17 steps a filter round averaged on the
 *  benchmark's small fits; its cost grows like d^2 and a step's like d, so past about d = 24 it
 *  would take half a round's steps or more. */
export const GRAM_MAX_D = 24;
/** Rows per block of that kernel (GRAM_BLOCK_ROWS in assembly/kernels.ts). */
export const GRAM_BLOCK_ROWS = 128;

/** A matrix's kernels and the scratch views next to it. */
export interface BoundKernels {
  readonly k: KernelExports;
  /** One past the last byte of the matrix area. */
  readonly dataEnd: number;
  /** Scratch for a vector of length <= d (byte offset and view). */
  readonly dOff: number;
  readonly dVec: Float64Array;
  /** Scratch for a vector of length <= n. */
  readonly nOff: number;
  readonly nVec: Float64Array;
  /** A second scratch of each length (the fused power step reads two n-vectors and writes a
   *  d-vector beside the one it reads). */
  readonly dOff2: number;
  readonly dVec2: Float64Array;
  readonly nOff2: number;
  readonly nVec2: Float64Array;
  /** A third n-vector (the filter's fused cold start reads one and writes two). */
  readonly nOff3: number;
  readonly nVec3: Float64Array;
  /** For d <= GRAM_MAX_D: the weighted covariance kernel's two column blocks (byte offsets,
   *  d x GRAM_BLOCK_ROWS each) and its d x d output; null above. */
  readonly gram: { readonly rOff: number; readonly crOff: number; readonly outOff: number; readonly out: Float64Array } | null;
}

let module: WebAssembly.Module | null = null;
const bound = new WeakMap<ArrayBufferLike, BoundKernels>();

function kernelModule(): WebAssembly.Module {
  if (module) return module;
  const url = new URL('../../build/kernels.wasm', import.meta.url);
  let bytes: Buffer;
  try {
    bytes = readFileSync(url);
  } catch {
    throw new InputError(`the WebAssembly kernels are not built (${url.pathname} is missing): run \`npm run build:wasm\` (npm ci runs it)`);
  }
  module = new WebAssembly.Module(new Uint8Array(bytes));
  return module;
}

const align16 = (b: number): number => Math.ceil(b / 16) * 16;

/** A WebAssembly memory of at least `bytes` (at most MAX_WASM_BYTES), never grown: growing
 *  would detach every view of it. */
export function fixedMemory(bytes: number): WebAssembly.Memory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  return new WebAssembly.Memory({ initial: pages, maximum: pages });
}

/** The kernels instantiated on `memory` (the module is compiled once per thread). */
export function kernelInstance(memory: WebAssembly.Memory): KernelExports {
  const instance = new WebAssembly.Instance(kernelModule(), {
    env: {
      memory,
      abort: () => {
        throw new Error('wasm kernel abort');
      },
    },
  });
  return instance.exports as unknown as KernelExports;
}

/**
 * A zeroed row-major n x d matrix. When it is large enough to gain and small enough for a
 * wasm32 memory it lives in a WebAssembly memory of its own and gemv, gemvT and
 * rowSquaredNorms run on it with SIMD; otherwise it is a plain Float64Array. Either way
 * it is a Float64Array of length n d holding each number once.
 */
export function allocMatrix(n: number, d: number): Float64Array {
  const entries = n * d;
  const dataBytes = align16(entries * 8);
  const blockBytes = align16(d * GRAM_BLOCK_ROWS * 8);
  const gramBytes = d <= GRAM_MAX_D ? 2 * blockBytes + align16(d * d * 8) : 0;
  const total = dataBytes + 2 * align16(d * 8) + 3 * align16(n * 8) + gramBytes;
  if (entries < WASM_MIN_ENTRIES || total > MAX_WASM_BYTES) return new Float64Array(entries);
  const memory = fixedMemory(total);
  const k = kernelInstance(memory);
  const buffer = memory.buffer;
  const dOff = dataBytes,
    dOff2 = dOff + align16(d * 8),
    nOff = dOff2 + align16(d * 8),
    nOff2 = nOff + align16(n * 8),
    nOff3 = nOff2 + align16(n * 8),
    gramOff = nOff3 + align16(n * 8);
  bound.set(buffer, {
    k,
    dataEnd: dataBytes,
    dOff,
    dVec: new Float64Array(buffer, dOff, d),
    nOff,
    nVec: new Float64Array(buffer, nOff, n),
    dOff2,
    dVec2: new Float64Array(buffer, dOff2, d),
    nOff2,
    nVec2: new Float64Array(buffer, nOff2, n),
    nOff3,
    nVec3: new Float64Array(buffer, nOff3, n),
    gram:
      gramBytes > 0
        ? {
            rOff: gramOff,
            crOff: gramOff + blockBytes,
            outOff: gramOff + 2 * blockBytes,
            out: new Float64Array(buffer, gramOff + 2 * blockBytes, d * d),
          }
        : null,
  });
  return new Float64Array(buffer, 0, entries);
}

/** A copy of `x` held like {@link allocMatrix} holds an n x d matrix. */
export function copyMatrix(n: number, d: number, x: Float64Array): Float64Array {
  const out = allocMatrix(n, d);
  out.set(x.subarray(0, n * d));
  return out;
}

/**
 * The SIMD kernels bound to `x`'s memory when an n x d pass over x can run on them: x was
 * made by allocMatrix, the pass stays inside its matrix area, and the vectors fit the scratch.
 * Otherwise null (the caller runs its JS loop).
 */
export function kernelsFor(n: number, d: number, x: Float64Array): BoundKernels | null {
  const b = bound.get(x.buffer);
  if (!b) return null;
  if (x.byteOffset + n * d * 8 > b.dataEnd || d > b.dVec.length || n > b.nVec.length) return null;
  return b;
}

/** Whether `x` is held in a kernel memory (for tests and the benchmark). */
export function isWasmBacked(x: Float64Array): boolean {
  return bound.has(x.buffer);
}
