import type { GlmActivation } from './activations.js';
import { planeExpectation, type PlaneLine } from './planeExpectation.js';
import { InputError } from '../../errors.js';

/**
 * Label models of seed 001: x ~ N(0, I), labels arbitrary. Every model here makes the label
 * depend on x only through z1 = <w*, x> and z2 = <e2, x> (e2 a unit vector orthogonal to w*),
 * and on an independent coin, so risks and OPT are exact plane integrals.
 */
export const LABEL_NOISES = ['none', 'competing-neuron', 'bounded-shift', 'spurious'] as const;
export type LabelNoiseName = (typeof LABEL_NOISES)[number];

export interface LabelModel {
  readonly name: LabelNoiseName;
  /** The noise level (fraction p, shift delta, or the spurious point's angle in degrees). */
  readonly level: number;
  /** A label for plane coordinates (z1, z2) and a coin uniform on [0, 1). */
  label(z1: number, z2: number, coin: number): number;
  /** E[y | x] and E[y^2 | x]. */
  mean(z1: number, z2: number): number;
  second(z1: number, z2: number): number;
  /** Lines where the label jumps or kinks (for exact integration). */
  readonly lines: readonly PlaneLine[];
}

/** Angle of the competing neuron u from w* (degrees): far enough that its labels disagree. */
export const COMPETING_ANGLE = 120;

/**
 * - `none`: y = sigma(z1).
 * - `competing-neuron` (level p in [0, 1]): with probability p the label is sigma(<u, x>) for a
 *   unit u at COMPETING_ANGLE degrees from w*, else sigma(z1).
 * - `bounded-shift` (level delta >= 0): y = sigma(z1) + delta sign(z2), a bounded shift that
 *   pulls towards e2.
 * - `spurious` (level = angle phi in degrees of w_bad from w*): y = sigma(z1) + sigma'(<w_bad, x>)
 *   <a, x>, with a in the plane solving E[sigma'(<w_bad,x>)^2 x x^T] a = g0, g0 the clean
 *   squared-loss gradient at w_bad: the population squared loss then has an exact stationary
 *   point at w_bad (the talk's "label noise changes the landscape"). Needs sigma' != 0.
 */
export function labelModel(act: GlmActivation, name: string, level: number): LabelModel {
  const s = act.phi;
  const wstarLines: PlaneLine[] = act.breaks.map((t) => ({ c1: 1, c2: 0, t }));
  switch (name) {
    case 'none':
      return { name, level: 0, label: (z1) => s(z1), mean: (z1) => s(z1), second: (z1) => s(z1) ** 2, lines: wstarLines };
    case 'competing-neuron': {
      if (!(level >= 0 && level <= 1)) throw new InputError(`competing-neuron: the fraction must be in [0, 1], got ${level}`);
      const a = (COMPETING_ANGLE * Math.PI) / 180,
        u1 = Math.cos(a),
        u2 = Math.sin(a);
      const lines = [...wstarLines, ...act.breaks.map((t) => ({ c1: u1, c2: u2, t }))];
      return {
        name,
        level,
        lines,
        label: (z1, z2, coin) => (coin < level ? s(u1 * z1 + u2 * z2) : s(z1)),
        mean: (z1, z2) => level * s(u1 * z1 + u2 * z2) + (1 - level) * s(z1),
        second: (z1, z2) => level * s(u1 * z1 + u2 * z2) ** 2 + (1 - level) * s(z1) ** 2,
      };
    }
    case 'bounded-shift': {
      if (!(Number.isFinite(level) && level >= 0)) throw new InputError(`bounded-shift: delta must be a finite number >= 0, got ${level}`);
      const y = (z1: number, z2: number): number => s(z1) + level * Math.sign(z2);
      return { name, level, lines: [...wstarLines, { c1: 0, c2: 1, t: 0 }], label: y, mean: y, second: (z1, z2) => y(z1, z2) ** 2 };
    }
    case 'spurious': {
      if (act.name === 'staircase')
        throw new InputError("spurious: the staircase has sigma' = 0 almost everywhere, so no label shift makes a stationary point");
      const phi = (level * Math.PI) / 180,
        b1 = Math.cos(phi),
        b2 = Math.sin(phi);
      const lines = [...wstarLines, ...act.breaks.map((t) => ({ c1: b1, c2: b2, t }))];
      const mom = (f: (z1: number, z2: number) => number): number => planeExpectation(f, lines);
      const dp = (z1: number, z2: number): number => act.dphi(b1 * z1 + b2 * z2);
      const resid = (z1: number, z2: number): number => (s(b1 * z1 + b2 * z2) - s(z1)) * dp(z1, z2);
      const g1 = mom((z1, z2) => resid(z1, z2) * z1),
        g2 = mom((z1, z2) => resid(z1, z2) * z2);
      const m11 = mom((z1, z2) => dp(z1, z2) ** 2 * z1 * z1),
        m12 = mom((z1, z2) => dp(z1, z2) ** 2 * z1 * z2),
        m22 = mom((z1, z2) => dp(z1, z2) ** 2 * z2 * z2);
      const det = m11 * m22 - m12 * m12;
      const a1 = (m22 * g1 - m12 * g2) / det,
        a2 = (m11 * g2 - m12 * g1) / det;
      const y = (z1: number, z2: number): number => s(z1) + dp(z1, z2) * (a1 * z1 + a2 * z2);
      return { name, level, lines, label: y, mean: y, second: (z1, z2) => y(z1, z2) ** 2 };
    }
    default:
      throw new InputError(`unknown label noise "${name}" (known: ${LABEL_NOISES.join(', ')})`);
  }
}
