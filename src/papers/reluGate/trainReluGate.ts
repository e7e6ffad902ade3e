import { InputError } from '../../errors.js';
import { namedStream } from '../../rng/streams.js';
import { noiseSampler, parseNoise } from '../../model/noise.js';

/**
 * The three updates of seed 002 (a single ReLU gate y = relu(<w*, x>), trained online on
 * fresh mini-batches). The paper's Algorithm 2 (arXiv 2005.04211) could not be read here (only
 * its abstract is reachable), so both readings of its "iterative stochastic non-gradient"
 * step are implemented and named, with SGD beside them:
 * - `label-sign`: w <- w + eta mean_batch(1{y > 0} (y - <w, x>) x): the label's sign stands in
 *   for the ReLU derivative (the reading in which the step is linear in w);
 * - `glmtron`: w <- w + eta mean_batch((y - relu(<w, x>)) x) (Kakade et al.'s GLMtron step);
 * - `sgd`: w <- w + eta mean_batch((y - relu(<w, x>)) 1{<w, x> > 0} x), gradient descent on
 *   the squared loss / 2.
 */
export type GateUpdate = 'label-sign' | 'glmtron' | 'sgd';
export const GATE_UPDATES: readonly GateUpdate[] = ['label-sign', 'glmtron', 'sgd'];

/** Covariate laws, each with unit variance per coordinate (symmetric; only the first is Gaussian). */
export const GATE_COVARIATES = ['gaussian', 'laplace', 'student-t:4'] as const;
export type GateCovariates = (typeof GATE_COVARIATES)[number];

/** Everything that determines a training run; the same settings give the same numbers. */
export interface GateSettings {
  readonly d: number;
  /** Mini-batches (steps) to run; each draws `batch` fresh samples. */
  readonly steps: number;
  readonly batch: number;
  readonly eta: number;
  readonly update: GateUpdate;
  readonly covariates: GateCovariates;
  /** Probability that a sample's label is attacked (online poisoning). */
  readonly beta: number;
  /** Attack magnitude: an attacked label gets +theta or -theta, alternating through the batch. */
  readonly theta: number;
  readonly seed: number;
}

/** A training run: the answer and |w_t - w*| after every step (errors[0] at the start). */
export interface GateRun {
  readonly w: Float64Array;
  readonly wstar: Float64Array;
  readonly errors: Float64Array;
}

function validate(s: GateSettings): void {
  if (!(Number.isInteger(s.d) && s.d >= 1)) throw new InputError(`d must be a positive integer, got ${s.d}`);
  if (!(Number.isInteger(s.steps) && s.steps >= 1)) throw new InputError(`steps must be a positive integer, got ${s.steps}`);
  if (!(Number.isInteger(s.batch) && s.batch >= 1)) throw new InputError(`batch must be a positive integer, got ${s.batch}`);
  if (!(Number.isFinite(s.eta) && s.eta > 0)) throw new InputError(`eta must be a finite number > 0, got ${s.eta}`);
  if (!GATE_UPDATES.includes(s.update)) throw new InputError(`unknown update "${s.update}" (known: ${GATE_UPDATES.join(', ')})`);
  if (!GATE_COVARIATES.includes(s.covariates))
    throw new InputError(`unknown covariates "${s.covariates}" (known: ${GATE_COVARIATES.join(', ')})`);
  if (!(s.beta >= 0 && s.beta <= 1)) throw new InputError(`beta must be in [0, 1], got ${s.beta}`);
  if (!(Number.isFinite(s.theta) && s.theta >= 0)) throw new InputError(`theta must be a finite number >= 0, got ${s.theta}`);
  if (!Number.isSafeInteger(s.seed)) throw new InputError(`seed must be an integer, got ${s.seed}`);
}

/**
 * Train a ReLU gate online. w* is a uniform unit vector (stream `wstar`); the start w0 is a
 * uniform direction of norm 0.1 (stream `init`; not 0, where SGD's gradient vanishes), the
 * same for every update; covariates come from stream `x` and the attack's coins from stream
 * `adversary`, so the three updates see the same samples and the same attacks (their
 * trajectories are comparable sample by sample). Labels are clean relu(<w*, x>) before the
 * attack. A non-finite iterate stops the run with an error naming the step.
 */
export function trainReluGate(s: GateSettings): GateRun {
  validate(s);
  const { d, batch, eta, beta, theta } = s;
  const unit = (name: string, norm: number): Float64Array => {
    const r = namedStream(s.seed, name);
    const v = Float64Array.from({ length: d }, () => r.normal());
    const len = Math.hypot(...v);
    for (let j = 0; j < d; j++) v[j] *= norm / len;
    return v;
  };
  const wstar = unit('wstar', 1);
  const w = unit('init', 0.1);
  const draw = noiseSampler(parseNoise(s.covariates), 1, namedStream(s.seed, 'x'));
  const coins = namedStream(s.seed, 'adversary');
  const x = new Float64Array(d),
    step = new Float64Array(d);
  const errors = new Float64Array(s.steps + 1);
  const dist = (): number => {
    let t = 0;
    for (let j = 0; j < d; j++) t += (w[j] - wstar[j]) ** 2;
    return Math.sqrt(t);
  };
  errors[0] = dist();
  for (let t = 1; t <= s.steps; t++) {
    step.fill(0);
    for (let i = 0; i < batch; i++) {
      let zs = 0,
        zw = 0;
      for (let j = 0; j < d; j++) {
        x[j] = draw();
        zs += x[j] * wstar[j];
        zw += x[j] * w[j];
      }
      let y = zs > 0 ? zs : 0;
      if (coins.uniform() < beta) y += i % 2 === 0 ? -theta : theta;
      let c: number;
      if (s.update === 'label-sign') c = y > 0 ? y - zw : 0;
      else if (s.update === 'glmtron') c = y - (zw > 0 ? zw : 0);
      else c = zw > 0 ? y - zw : 0;
      for (let j = 0; j < d; j++) step[j] += c * x[j];
    }
    for (let j = 0; j < d; j++) w[j] += (eta / batch) * step[j];
    errors[t] = dist();
    if (!Number.isFinite(errors[t]))
      throw new RangeError(`trainReluGate: the iterate became non-finite at step ${t} (eta ${eta} too large for batch ${batch}?)`);
  }
  return { w, wstar, errors };
}
