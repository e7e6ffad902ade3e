import { normalCdf, normalPdf } from '../../model/links.js';
import { gaussHermite } from '../../numeric/gaussHermite.js';
import { InputError } from '../../errors.js';

/**
 * A monotone activation of seed 001 (robust GLM learning), with what its algorithms need:
 * sigma, sigma' (almost everywhere), where sigma or sigma' jumps (for exact integration), and
 * the Ornstein-Uhlenbeck-smoothed derivative h_rho(t) = E_z[sigma'(rho t + sqrt(1 - rho^2) z)],
 * z ~ N(0, 1) (for a jump of sigma, sigma' holds a Dirac mass, which smoothing turns into a
 * Gaussian bump: that is what lets the smoothed field move where sigma' = 0).
 */
export interface GlmActivation {
  readonly name: GlmActivationName;
  phi(t: number): number;
  dphi(t: number): number;
  /** Points where sigma or sigma' is discontinuous. */
  readonly breaks: readonly number[];
  smoothedDerivative(rho: number, t: number): number;
}

export const GLM_ACTIVATIONS = ['relu', 'leaky-relu', 'sigmoid', 'staircase'] as const;
export type GlmActivationName = (typeof GLM_ACTIVATIONS)[number];

const LEAK = 0.01;
/** The staircase's steps: sigma(t) = (1/3) #{k : t > k}, k in {-1, 0, 1}: values 0, 1/3, 2/3, 1. */
const STEPS = [-1, 0, 1];
const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));
const GH = gaussHermite(20);

/** sqrt(1 - rho^2), kept away from 0 so rho = 1 means a very light smoothing, not a division by 0. */
const spread = (rho: number): number => Math.max(1e-3, Math.sqrt(Math.max(0, 1 - rho * rho)));

const ACTIVATIONS: Record<GlmActivationName, GlmActivation> = {
  relu: {
    name: 'relu',
    phi: (t) => (t > 0 ? t : 0),
    dphi: (t) => (t > 0 ? 1 : 0),
    breaks: [0],
    smoothedDerivative: (rho, t) => normalCdf((rho * t) / spread(rho)),
  },
  'leaky-relu': {
    name: 'leaky-relu',
    phi: (t) => (t > 0 ? t : LEAK * t),
    dphi: (t) => (t > 0 ? 1 : LEAK),
    breaks: [0],
    smoothedDerivative: (rho, t) => LEAK + (1 - LEAK) * normalCdf((rho * t) / spread(rho)),
  },
  sigmoid: {
    name: 'sigmoid',
    phi: sigmoid,
    dphi: (t) => {
      const s = sigmoid(t);
      return s * (1 - s);
    },
    breaks: [],
    smoothedDerivative: (rho, t) => {
      const s = spread(rho);
      let acc = 0;
      for (let k = 0; k < GH.nodes.length; k++) {
        const v = sigmoid(rho * t + s * GH.nodes[k]);
        acc += GH.weights[k] * v * (1 - v);
      }
      return acc;
    },
  },
  staircase: {
    name: 'staircase',
    phi: (t) => STEPS.reduce((a, k) => a + (t > k ? 1 / 3 : 0), 0),
    dphi: () => 0,
    breaks: STEPS,
    smoothedDerivative: (rho, t) => {
      const s = spread(rho);
      return STEPS.reduce((a, k) => a + normalPdf((k - rho * t) / s) / (3 * s), 0);
    },
  },
};

/** The activation by name; an unknown name is an InputError naming the known ones. */
export function getGlmActivation(name: string): GlmActivation {
  if (!(GLM_ACTIVATIONS as readonly string[]).includes(name))
    throw new InputError(`unknown activation "${name}" (known: ${GLM_ACTIVATIONS.join(', ')})`);
  return ACTIVATIONS[name as GlmActivationName];
}
