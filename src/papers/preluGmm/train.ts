import { namedStream } from '../../rng/streams.js';
import type { GmmSample, PreluNet } from './model.js';
import { denseWorkspace } from '../../kernels/denseProducts.js';

/** Training settings: width m, exponent p, initial scale, GD step, step budget. */
export interface TrainSettings {
  readonly p: number;
  readonly m: number;
  readonly initScale: number;
  readonly eta: number;
  readonly maxSteps: number;
  /** Steps to continue after the training accuracy first reaches 100%. */
  readonly extraSteps: number;
  readonly seed: number;
  /** Called with the network every `every` steps (and at the end), e.g. to record robustness over training. */
  readonly onCheckpoint?: (step: number, net: PreluNet) => void;
  readonly every?: number;
}

/** The balanced initialization: w_j = initScale g_j / sqrt(D), v_j = +/- |w_j| (half each
 *  sign), from stream `init` of `seed`. */
function balancedInit(m: number, D: number, initScale: number, seed: number): { w: Float64Array; v: Float64Array } {
  const r = namedStream(seed, 'init');
  const w = new Float64Array(m * D),
    v = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let ww = 0;
    for (let k = 0; k < D; k++) {
      w[j * D + k] = (initScale * r.normal()) / Math.sqrt(D);
      ww += w[j * D + k] ** 2;
    }
    v[j] = (j % 2 === 0 ? 1 : -1) * Math.sqrt(ww);
  }
  return { w, v };
}

/** out[i] = |row i| of the rows x cols row-major matrix a. */
function rowNormsInto(a: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let t = 0;
    for (let k = 0; k < cols; k++) t += a[i * cols + k] ** 2;
    out[i] = Math.sqrt(t);
  }
}

/** What one pass over the samples reads (U = X W^T, the norms) and writes (the gradients'
 *  parts: G per sample and neuron, gv and g2s per neuron), with its scratch. */
interface StepBuffers {
  readonly U: Float64Array;
  readonly G: Float64Array;
  readonly xn: Float64Array;
  readonly as: Float64Array;
  readonly gv: Float64Array;
  readonly g2s: Float64Array;
  readonly powU: Float64Array;
  readonly powAB: Float64Array;
}

/**
 * One pass over the samples at the current weights: the network's outputs, the count of
 * correctly classified samples (returned), and the logistic loss's gradient parts into
 * `b.G`, `b.gv`, `b.g2s` (which start at zero).
 */
function gradientPass(n: number, m: number, p: number, y: Float64Array, v: Float64Array, b: StepBuffers): number {
  const { U, G, xn, as, gv, g2s, powU, powAB } = b;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const bi = xn[i],
      row = i * m;
    // Math.pow is a call of tens of ns, several per (i, j): each power is taken once, kept
    // for the gradient loop below, which reads the same values (the same doubles as before)
    let f = 0;
    for (let j = 0; j < m; j++) {
      const u = U[row + j];
      if (u > 0) {
        const up = Math.pow(u, p),
          c = Math.pow(as[j] * bi, p - 1);
        powU[j] = up;
        powAB[j] = c;
        f += (v[j] * up) / c;
      }
    }
    if (y[i] * f > 0) correct++;
    const z = y[i] * f;
    const dl = -y[i] / (1 + Math.exp(z)) / n; // d loss / d f
    for (let j = 0; j < m; j++) {
      const u = U[row + j];
      if (u <= 0) {
        G[row + j] = 0;
        continue;
      }
      const a = as[j],
        c = powAB[j],
        sig = powU[j] / c;
      gv[j] += dl * sig;
      // d sigma / d w = relu(u)^(p-1)/(ab)^(p-1) [p x - (p-1) u w / a^2]: the x part per
      // sample (G), the w part summed over samples (g2s), both applied after the loop
      G[row + j] = (dl * v[j] * p * Math.pow(u, p - 1)) / c;
      g2s[j] += (dl * v[j] * (p - 1) * sig) / (a * a);
    }
  }
  return correct;
}

/**
 * Gradient descent on the logistic loss (1/n) sum log(1 + exp(-y f(x))) from a small balanced
 * initialization: w_j = initScale g_j / sqrt(D), v_j = +/- |w_j| (half each sign), stream `init`.
 * Stops `extraSteps` after the first step with perfect training accuracy (or at maxSteps).
 */
export function trainPrelu(data: GmmSample, s: TrainSettings): { net: PreluNet; steps: number; fitted: boolean } {
  const { n, D, x, y } = data;
  const { p, m } = s;
  const { w, v } = balancedInit(m, D, s.initScale, s.seed);
  // x, w and the step's products live in one workspace (WebAssembly SIMD where it fits): the
  // two n x m x D products are all but the whole cost of a step
  const ws = denseWorkspace(n, m, D, x);
  ws.w.set(w);
  const net: PreluNet = { p, m, D, w: ws.w, v };
  const W = ws.w;
  const b: StepBuffers = {
    U: ws.u,
    G: ws.g,
    xn: new Float64Array(n),
    as: new Float64Array(m),
    gv: new Float64Array(m),
    g2s: new Float64Array(m),
    powU: new Float64Array(m),
    powAB: new Float64Array(m),
  };
  rowNormsInto(x, n, D, b.xn);
  const GW = ws.gw;
  let fittedAt = -1,
    step = 0;
  for (; step < s.maxSteps; step++) {
    b.gv.fill(0);
    b.g2s.fill(0);
    // |w_j| depends on the step only, not on the sample
    rowNormsInto(W, m, D, b.as);
    ws.forward(); // U = X W^T
    const correct = gradientPass(n, m, p, y, v, b);
    if (s.onCheckpoint && s.every && step % s.every === 0) s.onCheckpoint(step, net);
    if (correct === n && fittedAt < 0) fittedAt = step;
    if (fittedAt >= 0 && step >= fittedAt + s.extraSteps) break;
    ws.backward(); // GW = G^T X
    for (let j = 0; j < m; j++) {
      const o = j * D,
        c = b.g2s[j];
      for (let k = 0; k < D; k++) W[o + k] -= s.eta * (GW[o + k] - c * W[o + k]);
    }
    for (let j = 0; j < m; j++) v[j] -= s.eta * b.gv[j];
  }
  s.onCheckpoint?.(step, net);
  // the weights leave the workspace, so its memory can go
  return { net: { ...net, w: Float64Array.from(W) }, steps: step, fitted: fittedAt >= 0 };
}
