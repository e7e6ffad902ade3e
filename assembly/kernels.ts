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
