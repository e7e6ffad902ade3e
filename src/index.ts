/**
 * sim-audit as a library: fit, simulate, attack, landscape, audit (and the names they take). The
 * command line (`sim-audit`, src/cli/) is built on the same functions.
 *
 * @example
 * import { simulate, fit } from 'sim-audit';
 * const { sample, wstar } = simulate({ d: 10, n: 4000, norm: 1, link: 'gelu', noise: 'student-t:3', sigma: 0.5, eps: 0.05, adversary: 'leverage', seed: 1 });
 * const { w } = fit(sample, { method: 'robust', link: 'gelu', eps: 0.05, seed: 1 });
 */
import { generateInstance, type Instance, type InstanceSettings } from './instance/instance.js';
import { landscapeSummary, type LandscapeSummary } from './landscape/landscapeSummary.js';
import { InputError } from './errors.js';
import type { LinkName } from './model/links.js';
import type { AuditedFit } from './audit/fitError.js';
import { type AuditOptions, type AuditOutcome, runAudit } from './audit/runAudit.js';

export { ADVERSARY_NAMES, type AdversaryName } from './adversaries/index.js';
export { attack, type AttackOptions } from './adversaries/attack.js';
export { InputError };
export type { AuditOptions, AuditOutcome } from './audit/runAudit.js';
export type { AuditedFit } from './audit/fitError.js';
export type { Instance, InstanceSettings } from './instance/instance.js';
export type { LandscapeSummary } from './landscape/landscapeSummary.js';
export { LINK_NAMES, type LinkName } from './model/links.js';
export { NOISE_FAMILIES } from './model/noise.js';
export type { Sample } from './model/sample.js';
export { fit, METHOD_NAMES, type MethodName } from './solver/methods.js';
export type { FitOptions, FitResult } from './solver/types.js';

/** Draw an instance: a clean sample of `y = phi(<w*, x>) + noise`, then the adversary's
 *  corruption of `eps n` rows. Deterministic given `settings.seed`. */
export function simulate(settings: InstanceSettings): Instance {
  return generateInstance(settings);
}

/** Exact population facts of `L(w) = E[(phi(<w,x>) - y)^2]`, `x ~ N(0, I)`, at `|w*| = norm`
 *  (as `sim-audit landscape`): lambda_min of the Hessian at w*, the convexity-basin radius,
 *  Hermite and spectral coefficients. */
export function landscape(link: LinkName, norm = 1): LandscapeSummary {
  return landscapeSummary(link, norm);
}

/**
 * Audit an estimator against the claim (as `sim-audit audit`): `estimator` is a method name, the
 * path of a module exporting `fit(data, options) -> w`, or such a function (then the runs stay
 * on this thread). Resolves to the outcome object `audit --json` prints; `holds` is the verdict.
 */
export async function audit(estimator: string | AuditedFit, options: AuditOptions = {}): Promise<AuditOutcome> {
  return (await runAudit(estimator, options)).outcome;
}
