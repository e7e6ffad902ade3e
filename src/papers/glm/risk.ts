import type { GlmActivation } from './activations.js';
import type { LabelModel } from './labelModels.js';
import { planeExpectation } from './planeExpectation.js';
import { normalRule } from '../../numeric/normalIntegral.js';

/**
 * The population risk F(w) = E[(sigma(<w, x>) - y)^2] of a unit w written as
 * <w, x> = alpha z1 + beta z2 + gamma z3 (z1 along w*, z2 along e2, z3 the out-of-plane part,
 * gamma = sqrt(1 - alpha^2 - beta^2)): an exact plane integral of E[y^2|x] - 2 sigma E[y|x] +
 * sigma^2, with the z3 integral done inside when gamma > 0.
 */
export function glmRisk(act: GlmActivation, model: LabelModel, alpha: number, beta: number, gamma = 0): number {
  const s = act.phi;
  const lines = [...model.lines, ...act.breaks.map((t) => ({ c1: alpha, c2: beta, t }))];
  if (gamma < 1e-9) {
    return planeExpectation((z1, z2) => {
      const v = s(alpha * z1 + beta * z2);
      return model.second(z1, z2) - 2 * v * model.mean(z1, z2) + v * v;
    }, lines);
  }
  return planeExpectation((z1, z2) => {
    const base = alpha * z1 + beta * z2;
    const rule = normalRule(act.breaks.map((t) => (t - base) / gamma));
    let m1 = 0,
      m2 = 0;
    for (let k = 0; k < rule.nodes.length; k++) {
      const v = s(base + gamma * rule.nodes[k]);
      m1 += rule.weights[k] * v;
      m2 += rule.weights[k] * v * v;
    }
    return model.second(z1, z2) - 2 * m1 * model.mean(z1, z2) + m2;
  }, model.lines);
}

/**
 * min of F over unit w in the plane of (w*, e2): a 180-point grid on the circle, then golden
 * section around the best. It is an upper bound of OPT = min over the whole sphere (the
 * labels depend on the plane only, and leaving it only blurs <w, x>), and at most L(w*) = F(w*).
 */
export function planeOpt(act: GlmActivation, model: LabelModel): { opt: number; angle: number; atWstar: number } {
  const f = (t: number): number => glmRisk(act, model, Math.cos(t), Math.sin(t));
  let best = Infinity,
    bestT = 0;
  const K = 180;
  for (let k = 0; k < K; k++) {
    const t = (2 * Math.PI * k) / K - Math.PI;
    const v = f(t);
    if (v < best) {
      best = v;
      bestT = t;
    }
  }
  let lo = bestT - (2 * Math.PI) / K,
    hi = bestT + (2 * Math.PI) / K;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo),
    x2 = lo + g * (hi - lo),
    f1 = f(x1),
    f2 = f(x2);
  for (let it = 0; it < 30; it++) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  const refined = Math.min(f1, f2);
  return refined < best ? { opt: refined, angle: f1 < f2 ? x1 : x2, atWstar: f(0) } : { opt: best, angle: bestT, atWstar: f(0) };
}
