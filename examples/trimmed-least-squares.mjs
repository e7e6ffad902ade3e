// An example estimator for `sim-audit audit --estimator examples/trimmed-least-squares.mjs`.
//
// The contract: export `fit(data, options)` returning w (an array, a Float64Array, or { w }).
//   data    = { n, d, x: Float64Array (row-major n x d), y: Float64Array (length n) }
//   options = { link: 'gelu' | 'swish' | ..., eps: number in [0, 0.5), seed: number }
// It must be deterministic given (data, options). It may import anything; this one uses
// only sim-audit's public pieces to stay short.
//
// The estimator: gradient descent on the squared loss where, at every step, the ceil(eps n)
// rows with the largest residuals are dropped (iteratively trimmed least squares), from the
// plain spectral start, fixed step 1/2, at most 300 steps. What the quick audit finds
// (test/examples/example.test.ts): its error bound holds on the catalogue, but its fixed
// step and step cap miss exact recovery on ill-conditioned links (tanh at |w*| = 2), and
// the dimension-free property fails on a label-shift instance.
import { importSource } from './importSource.mjs';

const { getLink } = await importSource('model/links');
const { spectralInit } = await importSource('solver/spectralInit');

export function fit(data, options) {
  const { n, d, x, y } = data;
  const link = getLink(options.link);
  const w = Float64Array.from(spectralInit(data, { link: options.link, eps: options.eps, robust: false }).w0);
  const drop = Math.ceil(options.eps * n);
  const u = new Float64Array(n),
    r = new Float64Array(n),
    g = new Float64Array(d);
  for (let it = 0; it < 300; it++) {
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < d; j++) t += x[i * d + j] * w[j];
      u[i] = t;
      r[i] = link.phi(t) - y[i];
    }
    const cut = drop > 0 ? Float64Array.from(r, Math.abs).sort()[n - drop] : Infinity;
    g.fill(0);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(r[i]) >= cut) continue;
      kept++;
      const s = 2 * r[i] * link.dphi(u[i]);
      for (let j = 0; j < d; j++) g[j] += s * x[i * d + j];
    }
    let step = 0;
    for (let j = 0; j < d; j++) {
      const t = (0.5 * g[j]) / kept;
      w[j] -= t;
      step += t * t;
    }
    if (Math.sqrt(step) < 1e-9) break;
  }
  return w;
}
