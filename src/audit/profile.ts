/** How hard a property run searches: `quick` (npm test, fixed seed) or `deep`. */
export interface Profile {
  readonly name: 'quick' | 'deep';
  /** Multiplies every property's base run count. */
  readonly scale: number;
  /** fast-check's seed: fixed in the quick profile, so `npm test` is deterministic. */
  readonly seed: number;
}

/** The quick profile's fixed seed (the date this suite was first written). */
export const QUICK_SEED = 20261123;

/** The profile named by SIM_AUDIT_PROFILE (default quick); SIM_AUDIT_SEED overrides the seed. */
export function profileFromEnv(env: NodeJS.ProcessEnv = process.env): Profile {
  const name = env.SIM_AUDIT_PROFILE === 'deep' ? 'deep' : 'quick';
  const seedText = env.SIM_AUDIT_SEED;
  const seed =
    seedText !== undefined && Number.isSafeInteger(Number(seedText))
      ? Number(seedText)
      : name === 'quick'
        ? QUICK_SEED
        : Date.now() % 2 ** 31;
  return { name, scale: name === 'deep' ? 20 : 1, seed };
}

/** Run count for a property whose quick run count is `base`. */
export function runs(profile: Profile, base: number): number {
  return Math.max(1, Math.round(base * profile.scale));
}
