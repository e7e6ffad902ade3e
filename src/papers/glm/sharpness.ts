import type { GlmActivation } from './activations.js';
import type { GlmSample } from './fitGlm.js';
import { normalRule } from '../../numeric/normalIntegral.js';
import { normalPdf } from '../../model/links.js';

/** An update field's h, as a function of <w, x> (given the angle theta between w and w*). */
export type FieldName = 'ou' | 'surrogate' | 'derivative';

/** h(t) of a field at angle theta: the OU-smoothed derivative at rho = cos(theta) (the talk's
 *  best choice), 1 (surrogate), or sigma' (squared loss). */
export function fieldH(act: GlmActivation, field: FieldName, theta: number): (t: number) => number {
  if (field === 'surrogate') return () => 1;
  if (field === 'derivative') return (t) => act.dphi(t);
  const rho = Math.cos(theta);
  return (t) => act.smoothedDerivative(rho, t);
}

/**
 * The alignment-sharpness inequality of the talk, on a sample, at a unit w at angle theta
 * from w*: the left side -g(w).w* with g(w) = mean((sigma(<w,x>) - y) h(<w,x>) x^{perp w}) and
 * its standard error, and the right side mu sin^2(theta) - sqrt(L(w*)) |h|_{L2} sin(theta),
 * mu = E[sigma'(<w*,x>) h(<w,x>)] (exact: panel rules, with the staircase's jumps as Dirac
 * masses). The talk writes the last term without sin(theta) (and with OPT for L(w*), w* then
 * being the minimizer); this is the form that follows from its own steps (Stein's lemma on the
 * part of <w*,x> orthogonal to w, Cauchy-Schwarz on the noise), at least as strong.
 */
export function sharpness(
  act: GlmActivation,
  sample: GlmSample,
  w: Float64Array,
  field: FieldName,
  lossAtWstar: number,
): { lhs: number; se: number; rhs: number; theta: number } {
  const { n, d, x, y, wstar } = sample;
  let cos = 0;
  for (let j = 0; j < d; j++) cos += w[j] * wstar[j];
  const theta = Math.acos(Math.max(-1, Math.min(1, cos)));
  const h = fieldH(act, field, theta);
  // -g.w* = mean((y - sigma(u)) h(u) (v - cos u)), u = <w,x>, v = <w*,x>
  let s = 0,
    ss = 0;
  for (let i = 0; i < n; i++) {
    let u = 0,
      v = 0;
    for (let j = 0; j < d; j++) {
      u += w[j] * x[i * d + j];
      v += wstar[j] * x[i * d + j];
    }
    const term = (y[i] - act.phi(u)) * h(u) * (v - cos * u);
    s += term;
    ss += term * term;
  }
  const lhs = s / n;
  const se = Math.sqrt(Math.max(0, ss / n - lhs * lhs) / (n - 1));
  const sin = Math.sin(theta);
  // mu = E_v[sigma'(v) E_z h(cos v + sin z)], by panel rules broken where sigma' or h jumps
  const hBreaks = field === 'derivative' ? act.breaks : [];
  const inner = (v: number): number => {
    const r = normalRule(sin > 1e-12 ? hBreaks.map((t) => (t - cos * v) / sin) : []);
    let a = 0;
    for (let k = 0; k < r.nodes.length; k++) a += r.weights[k] * h(cos * v + sin * r.nodes[k]);
    return a;
  };
  let mu = 0;
  if (act.name === 'staircase') for (const t of act.breaks) mu += (normalPdf(t) / 3) * inner(t);
  else {
    const r = normalRule(act.breaks);
    for (let k = 0; k < r.nodes.length; k++) mu += r.weights[k] * act.dphi(r.nodes[k]) * inner(r.nodes[k]);
  }
  let h2 = 0;
  const r2 = normalRule(hBreaks);
  for (let k = 0; k < r2.nodes.length; k++) h2 += r2.weights[k] * h(r2.nodes[k]) ** 2;
  return { lhs, se, rhs: mu * sin * sin - Math.sqrt(lossAtWstar) * Math.sqrt(h2) * sin, theta };
}
