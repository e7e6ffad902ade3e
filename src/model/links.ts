import { InputError } from '../errors.js';
import { erfc } from '../numeric/erfc.js';

/** A link function with exact closed-form first and second derivatives. */
export interface Link {
  readonly name: LinkName;
  phi(z: number): number;
  dphi(z: number): number;
  d2phi(z: number): number;
  /**
   * value[i] = phi(u[i]) and slope[i] = phi'(u[i]) for i0 <= i < i1, bit-identical to phi and
   * dphi, with the special function they share (gelu's erfc, swish's and sigmoid's exp, tanh)
   * evaluated once per row. Why a loop of its own in each link: a loop that calls `phi`
   * through the Link object sees every link at one call site, which the engine cannot inline
   * (about 30 ns a row for relu at n = 20000, d = 5, where the whole pass over X costs 17);
   * each link's own loop calls one known function. Every built-in link has it.
   */
  valuesAndSlopes?(u: Float64Array, i0: number, i1: number, value: Float64Array, slope: Float64Array): void;
  /** value[i] = phi(u[i]) for i0 <= i < i1 (the link's own loop, as valuesAndSlopes). */
  values?(u: Float64Array, i0: number, i1: number, value: Float64Array): void;
  /** phi(-z) = phi(z): the sign of w* is not identifiable (phase retrieval). */
  readonly even: boolean;
  /** phi(z) = z g(z) with g(z) + g(-z) = 1, so E[y x] = w* / 2 exactly. */
  readonly selfGated: boolean;
  /** Non-decreasing on R. */
  readonly monotone: boolean;
  /** Points where phi' jumps (quadrature splits there). */
  readonly kinks: readonly number[];
}

export const LINK_NAMES = ['gelu', 'swish', 'relu', 'leaky-relu', 'tanh', 'sigmoid', 'linear', 'abs', 'square'] as const;
export type LinkName = (typeof LINK_NAMES)[number];

/** Slope of leaky-relu on the negative half-line (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const normalPdf = (z: number): number => INV_SQRT_2PI * Math.exp(-0.5 * z * z);
// Phi through erfc, not 1 + erf: no cancellation in the left tail (gelu(-10) = -7.6e-23, not -0).
const normalCdf = (z: number): number => 0.5 * erfc(-z * INV_SQRT2);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const links: Record<LinkName, Link> = {
  // GeLU in its exact erf form (not the tanh approximation): z * Phi(z).
  gelu: {
    name: 'gelu',
    even: false,
    selfGated: true,
    monotone: false,
    kinks: [],
    phi: (z) => z * normalCdf(z),
    dphi: (z) => normalCdf(z) + z * normalPdf(z),
    d2phi: (z) => normalPdf(z) * (2 - z * z),
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        const c = normalCdf(z);
        value[i] = z * c;
        slope[i] = c + z * normalPdf(z);
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i] * normalCdf(u[i]);
    },
  },
  // Swish / SiLU: z * sigmoid(z).
  swish: {
    name: 'swish',
    even: false,
    selfGated: true,
    monotone: false,
    kinks: [],
    phi: (z) => z * sigmoid(z),
    dphi: (z) => {
      const s = sigmoid(z);
      return s + z * s * (1 - s);
    },
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        const s = sigmoid(z);
        value[i] = z * s;
        slope[i] = s + z * s * (1 - s);
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i] * sigmoid(u[i]);
    },
    d2phi: (z) => {
      const s = sigmoid(z);
      return s * (1 - s) * (2 + z * (1 - 2 * s));
    },
  },
  relu: {
    name: 'relu',
    even: false,
    selfGated: true,
    monotone: true,
    kinks: [0],
    phi: (z) => (z > 0 ? z : 0),
    dphi: (z) => (z > 0 ? 1 : 0),
    d2phi: () => 0,
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        value[i] = z > 0 ? z : 0;
        slope[i] = z > 0 ? 1 : 0;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i] > 0 ? u[i] : 0;
    },
  },
  'leaky-relu': {
    name: 'leaky-relu',
    even: false,
    selfGated: false,
    monotone: true,
    kinks: [0],
    phi: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    dphi: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    d2phi: () => 0,
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        value[i] = z > 0 ? z : LEAKY_SLOPE * z;
        slope[i] = z > 0 ? 1 : LEAKY_SLOPE;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i] > 0 ? u[i] : LEAKY_SLOPE * u[i];
    },
  },
  tanh: {
    name: 'tanh',
    even: false,
    selfGated: false,
    monotone: true,
    kinks: [],
    phi: (z) => Math.tanh(z),
    dphi: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const t = Math.tanh(u[i]);
        value[i] = t;
        slope[i] = 1 - t * t;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = Math.tanh(u[i]);
    },
    d2phi: (z) => {
      const t = Math.tanh(z);
      return -2 * t * (1 - t * t);
    },
  },
  sigmoid: {
    name: 'sigmoid',
    even: false,
    selfGated: false,
    monotone: true,
    kinks: [],
    phi: sigmoid,
    dphi: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const s = sigmoid(u[i]);
        value[i] = s;
        slope[i] = s * (1 - s);
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = sigmoid(u[i]);
    },
    d2phi: (z) => {
      const s = sigmoid(z);
      return s * (1 - s) * (1 - 2 * s);
    },
  },
  linear: {
    name: 'linear',
    even: false,
    selfGated: false,
    monotone: true,
    kinks: [],
    phi: (z) => z,
    dphi: () => 1,
    d2phi: () => 0,
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        value[i] = u[i];
        slope[i] = 1;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i];
    },
  },
  abs: {
    name: 'abs',
    even: true,
    selfGated: false,
    monotone: false,
    kinks: [0],
    phi: (z) => Math.abs(z),
    dphi: (z) => (z > 0 ? 1 : z < 0 ? -1 : 0),
    d2phi: () => 0,
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        value[i] = Math.abs(z);
        slope[i] = z > 0 ? 1 : z < 0 ? -1 : 0;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = Math.abs(u[i]);
    },
  },
  square: {
    name: 'square',
    even: true,
    selfGated: false,
    monotone: false,
    kinks: [],
    phi: (z) => z * z,
    dphi: (z) => 2 * z,
    d2phi: () => 2,
    valuesAndSlopes: (u, i0, i1, value, slope) => {
      for (let i = i0; i < i1; i++) {
        const z = u[i];
        value[i] = z * z;
        slope[i] = 2 * z;
      }
    },
    values: (u, i0, i1, value) => {
      for (let i = i0; i < i1; i++) value[i] = u[i] * u[i];
    },
  },
};

/** True when `name` is one of {@link LINK_NAMES}. */
export function isLinkName(name: string): name is LinkName {
  return (LINK_NAMES as readonly string[]).includes(name);
}

/** The link called `name`; throws a RangeError naming the known links otherwise. */
export function getLink(name: string): Link {
  if (!isLinkName(name)) throw new InputError(`unknown link "${name}" (known: ${LINK_NAMES.join(', ')})`);
  return links[name];
}

export { normalCdf, normalPdf };
