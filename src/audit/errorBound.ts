import type { InstanceSettings } from '../instance/instance.js';
import { conditioning } from './conditioning.js';
import { BOUNDS } from './bounds.js';

/** The P1 error bound kappa sigma (C1 sqrt(eps) + C2 sqrt(d/n)) of an instance's settings
 *  (kappa: {@link conditioning}; C1, C2: BOUNDS, calibrated on the shipped solver). */
export function errorBound(s: Pick<InstanceSettings, 'link' | 'norm' | 'sigma' | 'eps' | 'd' | 'n'>): number {
  return conditioning(s.link, s.norm) * s.sigma * (BOUNDS.C1 * Math.sqrt(s.eps) + BOUNDS.C2 * Math.sqrt(s.d / s.n));
}
