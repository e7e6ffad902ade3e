import fc from 'fast-check';
import { asProperty, margin, runCount, type AnyBatteryProperty, type Measurement } from '../src/audit/battery.js';
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
  const seen: Measurement[] = [];
  fc.assert(asProperty(p, seen), { numRuns: runCount(p, PROFILE), seed: PROFILE.seed });
  const margins = seen.map(margin);
  const sorted = margins.sort((a, b) => a - b);
  for (const m of seen) if (m.detail) console.log(`${p.id}: ${m.detail}`);
  console.log(
    `${p.id}: ${margins.length} runs, margin max ${sorted[sorted.length - 1]?.toPrecision(3)}, median ${sorted[(sorted.length - 1) >> 1]?.toPrecision(3)} (profile ${PROFILE.name}, seed ${PROFILE.seed})`,
  );
}
