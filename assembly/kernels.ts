// WebAssembly SIMD kernels for the O(n d) passes (AssemblyScript, compiled by `npm run
// build:wasm` into build/kernels.wasm; the package's `prepare` step runs it on `npm ci`).
// Hand-written because they are the hot loops of every estimator: the JS loops of
// src/kernels reach about a third of the memory bandwidth, these most of it (reports/bench.md).
// Every kernel keeps exactly the floating-point operation order of its JS twin in
// src/kernels, so both give bit-identical results: per row, the products of columns
// j = 0, 1, 2, 3 (mod 4) go to four partial sums s0..s3 (here the two lanes of two f64x2
// accumulators), the tail columns go to s0, and the row's value is ((s0 + s1) + s2) + s3.
// One row at a time: interleaving 2 or 4 rows (more independent chains) was measured
// slower here (8 GB/s instead of 24 at d = 200), so rows are streamed one after another.
// Pointers are byte offsets into the imported memory; x is row-major n x d.

@inline function rowDot(p: usize, v: usize, d: i32, d4: i32): f64 {
  let a = f64x2.splat(0);
  let b = f64x2.splat(0);
  let j = 0;
  for (; j < d4; j += 4) {
    const o = <usize>j << 3;
    a = f64x2.add(a, f64x2.mul(v128.load(p + o), v128.load(v + o)));
    b = f64x2.add(b, f64x2.mul(v128.load(p + o, 16), v128.load(v + o, 16)));
  }
  let s0 = f64x2.extract_lane(a, 0);
  for (; j < d; j++) s0 += load<f64>(p + (<usize>j << 3)) * load<f64>(v + (<usize>j << 3));
  return ((s0 + f64x2.extract_lane(a, 1)) + f64x2.extract_lane(b, 0)) + f64x2.extract_lane(b, 1);
}

/** out += a x_i for the row at p (two f64x2 lanes per four columns, the tail one by one):
 *  gemvT's and powerStep's row update, in the JS loop's order. */
@inline function addScaledRow(out: usize, p: usize, a: f64, d: i32, d4: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j < d4; j += 4) {
    const o = <usize>j << 3;
    v128.store(out + o, f64x2.add(v128.load(out + o), f64x2.mul(va, v128.load(p + o))));
    v128.store(out + o, f64x2.add(v128.load(out + o, 16), f64x2.mul(va, v128.load(p + o, 16))), 16);
  }
  for (; j < d; j++) {
    const o = <usize>j << 3;
    store<f64>(out + o, load<f64>(out + o) + a * load<f64>(p + o));
  }
}

/** out[i] = <x_i, v>, i < n. */
export function gemv(n: i32, d: i32, x: usize, v: usize, out: usize): void {
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), rowDot(x + <usize>i * rowBytes, v, d, d4));
}

/** out = sum_i u[i] x_i (X^T u); out (length d) overwritten; rows with u[i] = 0 skipped. */
export function gemvT(n: i32, d: i32, x: usize, u: usize, out: usize): void {
  memory.fill(out, 0, <usize>d << 3);
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const a = load<f64>(u + (<usize>i << 3));
    if (a != 0) addScaledRow(out, x + <usize>i * rowBytes, a, d, d4);
  }
}

/** out += sum_i u[i] x_i: gemvT without zeroing `out` first, so a pass made of row blocks
 *  (gemv on a block, then this on the same block while it is in cache) sums in gemvT's order. */
export function gemvTAccumulate(n: i32, d: i32, x: usize, u: usize, out: usize): void {
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const a = load<f64>(u + (<usize>i << 3));
    if (a != 0) addScaledRow(out, x + <usize>i * rowBytes, a, d, d4);
  }
}

/** gemvT twice in one pass: out1 = X^T u1, out2 = X^T u2 (each row read once, each sum in
 *  gemvT's order, so both equal two gemvT calls bit for bit). */
export function gemvTPair(n: i32, d: i32, x: usize, u1: usize, u2: usize, out1: usize, out2: usize): void {
  memory.fill(out1, 0, <usize>d << 3);
  memory.fill(out2, 0, <usize>d << 3);
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const p = x + <usize>i * rowBytes;
    const a1 = load<f64>(u1 + (<usize>i << 3));
    const a2 = load<f64>(u2 + (<usize>i << 3));
    if (a1 != 0) addScaledRow(out1, p, a1, d, d4);
    if (a2 != 0) addScaledRow(out2, p, a2, d, d4);
  }
}

/** In one pass: dist[i] = sum_j (s_i x_ij - mu_j)^2 (columns in order, one sum: the filter's
 *  cold start) and proj[i] = <x_i, v> (gemv's order). */
export function distancesAndGemv(n: i32, d: i32, x: usize, s: usize, mu: usize, v: usize, dist: usize, proj: usize): void {
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const p = x + <usize>i * rowBytes;
    const si = load<f64>(s + (<usize>i << 3));
    let t: f64 = 0;
    for (let j = 0; j < d; j++) {
      const e = si * load<f64>(p + (<usize>j << 3)) - load<f64>(mu + (<usize>j << 3));
      t += e * e;
    }
    store<f64>(dist + (<usize>i << 3), t);
    store<f64>(proj + (<usize>i << 3), rowDot(p, v, d, d4));
  }
}

/** One power-iteration step of a weighted covariance, gemv and gemvT fused into one pass over
 *  x (the row is read once, while in cache): per row p = <x_i, v>, a = s_i p - mv,
 *  u = (c_i s_i) a; out = sum_i u x_i (rows with u = 0 skipped); returns sum_i c_i a. The
 *  operations and their order are those of gemv, the JS loop between, then gemvT. */
export function powerStep(n: i32, d: i32, x: usize, v: usize, s: usize, c: usize, mv: f64, out: usize): f64 {
  memory.fill(out, 0, <usize>d << 3);
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  let ca: f64 = 0;
  for (let i = 0; i < n; i++) {
    const p = x + <usize>i * rowBytes;
    const si = load<f64>(s + (<usize>i << 3));
    const ci = load<f64>(c + (<usize>i << 3));
    const a = si * rowDot(p, v, d, d4) - mv;
    const u = ci * si * a;
    ca += ci * a;
    if (u != 0) addScaledRow(out, p, u, d, d4);
  }
  return ca;
}

/** out[i] = |x_i|^2 = <x_i, x_i>, with the four partial sums of rowDot. */
export function rowSquaredNorms(n: i32, d: i32, x: usize, out: usize): void {
  const d4 = d - (d & 3);
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++) {
    const p = x + <usize>i * rowBytes;
    store<f64>(out + (<usize>i << 3), rowDot(p, p, d, d4));
  }
}

/** sum of a[0..len) with eight partial sums (four f64x2): the memory read bandwidth probe. */
export function sum(len: i32, a: usize): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
  const m = len - (len & 7);
  let i = 0;
  for (; i < m; i += 8) {
    const p = a + (<usize>i << 3);
    s0 = f64x2.add(s0, v128.load(p));
    s1 = f64x2.add(s1, v128.load(p, 16));
    s2 = f64x2.add(s2, v128.load(p, 32));
    s3 = f64x2.add(s3, v128.load(p, 48));
  }
  const t = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
  let s = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
  for (; i < len; i++) s += load<f64>(a + (<usize>i << 3));
  return s;
}

// Dense products for the two-layer network of seed 004 (src/papers/preluGmm/train.ts), whose
// training step is two n x m x D products: 2e9 multiply-adds a step at the paper's scale,
// where the JS loops (one dependent chain per dot product) spent 42 minutes on one run.

/** <a, b> over d entries as two partial sums, even columns in lane 0 and odd in lane 1 (an odd
 *  last column goes to lane 0), returned as lane0 + lane1: the order every tile below keeps. */
@inline function dot2(a: usize, b: usize, d: i32): f64 {
  let s = f64x2.splat(0);
  const d2 = d - (d & 1);
  let k = 0;
  for (; k < d2; k += 2) {
    const o = <usize>k << 3;
    s = f64x2.add(s, f64x2.mul(v128.load(a + o), v128.load(b + o)));
  }
  let s0 = f64x2.extract_lane(s, 0);
  if (k < d) s0 += load<f64>(a + (<usize>k << 3)) * load<f64>(b + (<usize>k << 3));
  return s0 + f64x2.extract_lane(s, 1);
}

/** out[i m + j] = <a_i, b_j> for row-major a (n x d) and b (m x d): A B^T, tiled four rows of a
 *  by two rows of b (eight accumulators; each entry summed as dot2 sums it). */
export function matmulABt(n: i32, m: i32, d: i32, a: usize, b: usize, out: usize): void {
  const rowBytes = <usize>d << 3;
  const d2 = d - (d & 1);
  const n4 = n - (n & 3),
    m2 = m - (m & 1);
  let i = 0;
  for (; i < n4; i += 4) {
    const a0 = a + <usize>i * rowBytes,
      a1 = a0 + rowBytes,
      a2 = a1 + rowBytes,
      a3 = a2 + rowBytes;
    let j = 0;
    for (; j < m2; j += 2) {
      const b0 = b + <usize>j * rowBytes,
        b1 = b0 + rowBytes;
      let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s10 = f64x2.splat(0), s11 = f64x2.splat(0);
      let s20 = f64x2.splat(0), s21 = f64x2.splat(0), s30 = f64x2.splat(0), s31 = f64x2.splat(0);
      for (let k = 0; k < d2; k += 2) {
        const o = <usize>k << 3;
        const w0 = v128.load(b0 + o),
          w1 = v128.load(b1 + o);
        const x0 = v128.load(a0 + o);
        s00 = f64x2.add(s00, f64x2.mul(x0, w0));
        s01 = f64x2.add(s01, f64x2.mul(x0, w1));
        const x1 = v128.load(a1 + o);
        s10 = f64x2.add(s10, f64x2.mul(x1, w0));
        s11 = f64x2.add(s11, f64x2.mul(x1, w1));
        const x2 = v128.load(a2 + o);
        s20 = f64x2.add(s20, f64x2.mul(x2, w0));
        s21 = f64x2.add(s21, f64x2.mul(x2, w1));
        const x3 = v128.load(a3 + o);
        s30 = f64x2.add(s30, f64x2.mul(x3, w0));
        s31 = f64x2.add(s31, f64x2.mul(x3, w1));
      }
      const o = <usize>(i * m + j) << 3,
        rm = <usize>m << 3;
      store<f64>(out + o, finishDot(s00, a0, b0, d2, d));
      store<f64>(out + o + 8, finishDot(s01, a0, b1, d2, d));
      store<f64>(out + o + rm, finishDot(s10, a1, b0, d2, d));
      store<f64>(out + o + rm + 8, finishDot(s11, a1, b1, d2, d));
      store<f64>(out + o + 2 * rm, finishDot(s20, a2, b0, d2, d));
      store<f64>(out + o + 2 * rm + 8, finishDot(s21, a2, b1, d2, d));
      store<f64>(out + o + 3 * rm, finishDot(s30, a3, b0, d2, d));
      store<f64>(out + o + 3 * rm + 8, finishDot(s31, a3, b1, d2, d));
    }
    for (; j < m; j++) {
      const bj = b + <usize>j * rowBytes;
      for (let r = 0; r < 4; r++) store<f64>(out + (<usize>((i + r) * m + j) << 3), dot2(a0 + <usize>r * rowBytes, bj, d));
    }
  }
  for (; i < n; i++) {
    const ai = a + <usize>i * rowBytes;
    for (let j = 0; j < m; j++) store<f64>(out + (<usize>(i * m + j) << 3), dot2(ai, b + <usize>j * rowBytes, d));
  }
}

/** dot2's finish for a tile's accumulator: the odd last column to lane 0, then lane0 + lane1. */
@inline function finishDot(s: v128, a: usize, b: usize, d2: i32, d: i32): f64 {
  let s0 = f64x2.extract_lane(s, 0);
  if (d2 < d) s0 += load<f64>(a + (<usize>d2 << 3)) * load<f64>(b + (<usize>d2 << 3));
  return s0 + f64x2.extract_lane(s, 1);
}

/** Rows of x a block of matmulAtBAccumulate reads for every tile while they are in cache
 *  (32 rows of 1000 doubles: 256 KB, the size of a core's L2 here). */
const AT_B_BLOCK_BYTES: i32 = 1 << 18;

/** out[j d + k] += sum_i g[i m + j] x[i d + k] (G^T X, out m x d, g n x m, x n x d), each entry
 *  summed over i in order; rows where both coefficients of a pair of outputs are 0 are skipped
 *  (adding a product with 0 leaves a sum that started from +0 unchanged). Rows are taken in
 *  blocks that stay in cache while every output tile (two rows of out, eight columns) is updated. */
export function matmulAtBAccumulate(n: i32, m: i32, d: i32, g: usize, x: usize, out: usize): void {
  const rowBytes = <usize>d << 3;
  let block = AT_B_BLOCK_BYTES / (d << 3);
  if (block < 1) block = 1;
  const d8 = d - (d & 7),
    m2 = m - (m & 1);
  const gRow = <usize>m << 3;
  for (let i0 = 0; i0 < n; i0 += block) {
    const i1 = min(n, i0 + block);
    let j = 0;
    for (; j < m2; j += 2) {
      const o0 = out + <usize>j * rowBytes,
        o1 = o0 + rowBytes;
      let k = 0;
      for (; k < d8; k += 8) {
        const ok = <usize>k << 3;
        let c00 = v128.load(o0 + ok), c01 = v128.load(o0 + ok, 16), c02 = v128.load(o0 + ok, 32), c03 = v128.load(o0 + ok, 48);
        let c10 = v128.load(o1 + ok), c11 = v128.load(o1 + ok, 16), c12 = v128.load(o1 + ok, 32), c13 = v128.load(o1 + ok, 48);
        for (let i = i0; i < i1; i++) {
          const gp = g + <usize>i * gRow + (<usize>j << 3);
          const g0 = load<f64>(gp),
            g1 = load<f64>(gp, 8);
          if (g0 == 0 && g1 == 0) continue;
          const p = x + <usize>i * rowBytes + ok;
          const v0 = f64x2.splat(g0),
            v1 = f64x2.splat(g1);
          const x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
          c00 = f64x2.add(c00, f64x2.mul(v0, x0));
          c10 = f64x2.add(c10, f64x2.mul(v1, x0));
          c01 = f64x2.add(c01, f64x2.mul(v0, x1));
          c11 = f64x2.add(c11, f64x2.mul(v1, x1));
          c02 = f64x2.add(c02, f64x2.mul(v0, x2));
          c12 = f64x2.add(c12, f64x2.mul(v1, x2));
          c03 = f64x2.add(c03, f64x2.mul(v0, x3));
          c13 = f64x2.add(c13, f64x2.mul(v1, x3));
        }
        v128.store(o0 + ok, c00); v128.store(o0 + ok, c01, 16); v128.store(o0 + ok, c02, 32); v128.store(o0 + ok, c03, 48);
        v128.store(o1 + ok, c10); v128.store(o1 + ok, c11, 16); v128.store(o1 + ok, c12, 32); v128.store(o1 + ok, c13, 48);
      }
      for (; k < d; k++) {
        const ok = <usize>k << 3;
        let c0 = load<f64>(o0 + ok), c1 = load<f64>(o1 + ok);
        for (let i = i0; i < i1; i++) {
          const gp = g + <usize>i * gRow + (<usize>j << 3);
          const xv = load<f64>(x + <usize>i * rowBytes + ok);
          c0 += load<f64>(gp) * xv;
          c1 += load<f64>(gp, 8) * xv;
        }
        store<f64>(o0 + ok, c0);
        store<f64>(o1 + ok, c1);
      }
    }
    for (; j < m; j++) {
      const o0 = out + <usize>j * rowBytes;
      for (let i = i0; i < i1; i++) {
        const gi = load<f64>(g + <usize>i * gRow + (<usize>j << 3));
        if (gi == 0) continue;
        addScaledRow(o0, x + <usize>i * rowBytes, gi, d, d - (d & 3));
      }
    }
  }
}

// The weighted (co)variance as a d x d matrix, for power iteration at small d
// (src/kernels/weightedCovariance.ts is the JS twin, with the same operation order). Rows are
// taken in blocks of GRAM_BLOCK_ROWS, centred into two column-major blocks (r: s_i x_ij - mu_j,
// cr: c_i times that), and each entry (j, k >= j) of the triangle gains the dot product of
// cr's column j with r's column k over the block: products of rows b = 0, 1, 2, 3 (mod 4) in
// the lanes of two f64x2 accumulators, summed (b0 + b2) + (b1 + b3), then the tail rows one by
// one. The lower triangle is mirrored at the end.
const GRAM_BLOCK_ROWS: i32 = 128;

export function weightedCovariance(n: i32, d: i32, x: usize, s: usize, c: usize, mu: usize, centred: i32, r: usize, cr: usize, out: usize): void {
  memory.fill(out, 0, <usize>(d * d) << 3);
  const rowBytes = <usize>d << 3;
  for (let i0 = 0; i0 < n; i0 += GRAM_BLOCK_ROWS) {
    const m = min(n - i0, GRAM_BLOCK_ROWS);
    for (let b = 0; b < m; b++) {
      const i = i0 + b;
      const p = x + <usize>i * rowBytes;
      const si = load<f64>(s + (<usize>i << 3));
      const ci = load<f64>(c + (<usize>i << 3));
      for (let j = 0; j < d; j++) {
        const m0 = centred ? load<f64>(mu + (<usize>j << 3)) : 0.0;
        const v = si * load<f64>(p + (<usize>j << 3)) - m0;
        const at = <usize>(j * GRAM_BLOCK_ROWS + b) << 3;
        store<f64>(r + at, v);
        store<f64>(cr + at, ci * v);
      }
    }
    const m4 = m - (m & 3);
    for (let j = 0; j < d; j++) {
      const a = cr + (<usize>(j * GRAM_BLOCK_ROWS) << 3);
      for (let k = j; k < d; k++) {
        const o = r + (<usize>(k * GRAM_BLOCK_ROWS) << 3);
        let t0 = f64x2.splat(0);
        let t1 = f64x2.splat(0);
        let b = 0;
        for (; b < m4; b += 4) {
          const q = <usize>b << 3;
          t0 = f64x2.add(t0, f64x2.mul(v128.load(a + q), v128.load(o + q)));
          t1 = f64x2.add(t1, f64x2.mul(v128.load(a + q, 16), v128.load(o + q, 16)));
        }
        const t = f64x2.add(t0, t1);
        let sum = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
        for (; b < m; b++) sum += load<f64>(a + (<usize>b << 3)) * load<f64>(o + (<usize>b << 3));
        const e = out + (<usize>(j * d + k) << 3);
        store<f64>(e, load<f64>(e) + sum);
      }
    }
  }
  for (let j = 0; j < d; j++)
    for (let k = 0; k < j; k++) store<f64>(out + (<usize>(j * d + k) << 3), load<f64>(out + (<usize>(k * d + j) << 3)));
}
