import type fc from 'fast-check';
import { generateInstance } from '../src/instance/instance.js';
import { spectralInit } from '../src/solver/spectralInit.js';
import { cachedBasin } from '../src/landscape/landscapeSummary.js';
import { distance } from '../src/kernels/vec.js';
import { BOUNDS } from '../src/audit/bounds.js';
import { instanceCaseArb, settingsOf, type InstanceCase } from '../src/audit/arbitraries.js';

/** P4's domain: the target links, eps <= spectralMaxEps, n = C d log d. */
export const spectralCaseArb: fc.Arbitrary<InstanceCase> = instanceCaseArb({ links: ['gelu', 'swish', 'relu'] }).map((c) => ({
  ...c,
  d: Math.max(3, c.d),
  eps: Math.min(c.eps, BOUNDS.spectralMaxEps),
  samplesPerDim: Math.ceil(BOUNDS.spectralSamplesPerDLogD * Math.log(Math.max(3, c.d))),
}));

/** |w0 - w*| / r(link, |w*|) for the robust (or plain) spectral initialization. */
export function basinShare(c: InstanceCase, robust: boolean): number {
  const inst = generateInstance(settingsOf(c));
  const { w0 } = spectralInit(inst.sample, { link: c.link, eps: c.eps, robust });
  return distance(w0, inst.wstar) / cachedBasin(c.link, c.norm).radius;
}
