import fc from 'fast-check';
import { asProperty, type AnyBatteryProperty } from '../src/audit/battery.js';
import { profileFromEnv, runs } from '../src/audit/profile.js';

/** The profile of this run (SIM_AUDIT_PROFILE=quick|deep, SIM_AUDIT_SEED). */
export const PROFILE = profileFromEnv();

/** fast-check parameters for a property with `base` quick runs. A failure's message carries
 *  the seed and path: fc.assert(property, { seed, path }) replays it. */
export function params(base: number): fc.Parameters<unknown> {
  return { numRuns: runs(PROFILE, base), seed: PROFILE.seed };
}

/** Assert a battery property and print its observed margins (measured / bound). */
export function assertBattery(p: AnyBatteryProperty): void {
  const margins: number[] = [];
  fc.assert(asProperty(p, margins), params(p.quickRuns) as fc.Parameters<[unknown]>);
  const sorted = margins.sort((a, b) => a - b);
  console.log(`${p.id}: ${margins.length} runs, margin max ${sorted[sorted.length - 1]?.toPrecision(3)}, median ${sorted[(sorted.length - 1) >> 1]?.toPrecision(3)} (profile ${PROFILE.name}, seed ${PROFILE.seed})`);
}
