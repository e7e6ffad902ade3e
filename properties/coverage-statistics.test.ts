import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { instanceCaseArb, CLAIM_LINKS } from '../src/audit/arbitraries.js';
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { PROFILE } from './support.js';

/**
 * What the instance arbitrary covers, fc.statistics-style: in the deep profile the share of
 * runs per link, adversary, eps and d is printed, and every link and adversary must appear.
 */
describe('instance coverage', () => {
  it('every link and adversary is drawn; eps and d span their grids', () => {
    const numRuns = PROFILE.name === 'deep' ? 20_000 : 2_000;
    const counts = new Map<string, number>();
    const bump = (k: string): void => {
      counts.set(k, (counts.get(k) ?? 0) + 1);
    };
    for (const c of fc.sample(instanceCaseArb(), { numRuns, seed: PROFILE.seed })) {
      bump(`link ${c.link}`);
      bump(`adversary ${c.adversary}`);
      bump(`eps ${c.eps}`);
      bump(`d ${c.d <= 5 ? '2-5' : c.d <= 10 ? '6-10' : '11-20'}`);
    }
    if (PROFILE.name === 'deep') {
      for (const classify of [
        (c: { link: string }) => c.link,
        (c: { adversary: string }) => c.adversary,
        (c: { eps: number }) => `eps ${c.eps}`,
        (c: { d: number }) => `d ${c.d <= 5 ? '2-5' : c.d <= 10 ? '6-10' : '11-20'}`,
      ]) {
        fc.statistics(instanceCaseArb(), classify as (c: unknown) => string, { numRuns, seed: PROFILE.seed });
      }
    }
    for (const link of CLAIM_LINKS) expect(counts.get(`link ${link}`) ?? 0).toBeGreaterThan(numRuns / (4 * CLAIM_LINKS.length));
    for (const adv of ADVERSARY_NAMES) expect(counts.get(`adversary ${adv}`) ?? 0).toBeGreaterThan(numRuns / (4 * ADVERSARY_NAMES.length));
    for (const eps of [0, 0.01, 0.02, 0.05, 0.1]) expect(counts.get(`eps ${eps}`) ?? 0).toBeGreaterThan(0);
    for (const d of ['2-5', '6-10', '11-20']) expect(counts.get(`d ${d}`) ?? 0).toBeGreaterThan(0);
  });
});
