import { generateInstance, type InstanceSettings } from '../instance/instance.js';
import { distance } from '../kernels/vec.js';
import { type AuditedFit, callFit } from '../solver/callFit.js';
import type { RateFigure } from '../report/rateFigure.js';

export { type AuditedFit, callFit };

/** |w_hat - w*| of `fit` on the instance `settings` draw, called with the instance's link,
 *  eps and seed: the measurement every error property makes. */
export function fitError(fit: AuditedFit, settings: InstanceSettings): number {
  const inst = generateInstance(settings);
  return distance(callFit(fit, inst.sample, { link: settings.link, eps: settings.eps, seed: settings.seed }), inst.wstar);
}

/** One measured value against its bound; it holds when measured <= bound (NaN fails). */
export interface Measurement {
  readonly measured: number;
  readonly bound: number;
  /** What a reader needs to see beside the two numbers (a rate experiment's grid). */
  readonly detail?: string;
  /** A rate experiment's figure (its grid, fitted trend and bound). */
  readonly figure?: RateFigure;
}
