import { describe, expect, it } from 'vitest';
import { reproduceJunit } from '../../reproductions/reproduceJunit.js';
import type { Outcome } from '../../reproductions/runner.js';
import type { Reproduction } from '../../reproductions/framework.js';
import { lowerClaim, upperClaim } from '../../src/report/claim.js';
import { readJunit } from '../report/readJunit.js';

const reproduction = (id: string, name: string): Reproduction => ({
  id,
  name,
  title: name,
  run: async () => Promise.reject(new Error('not run')),
});

describe('reproduce --junit', () => {
  it('one case per claim (a claim that does not hold fails, with its figures and the rerun), a reproduction that failed fails', async () => {
    const outcomes: Outcome[] = [
      {
        r: reproduction('r2', 'r2-error-vs-sigma'),
        kind: 'report',
        seconds: 10,
        report: {
          name: 'r2-error-vs-sigma',
          source: 's',
          settings: {},
          claims: [upperClaim('R2-a', 'a is small', 0.5, 1), lowerClaim('R2-b', 'b is large', 0.2, 1)],
          run: { seconds: 10, machine: 'm' },
        },
      },
      { r: reproduction('r9', 'r9-broken'), kind: 'failed', error: new Error('boom') },
      { r: reproduction('r3', 'r3-x'), kind: 'shard', computed: 1, replayed: 0, elsewhere: 2, file: 'f' },
    ];
    const report = await readJunit(reproduceJunit(outcomes, true));
    expect(report).toMatchObject({ tests: 3, failures: 2 });
    const suite = report.testsuite![0]!;
    expect(suite.name).toBe('sim-audit reproduce --full');
    const [a, b, broken] = suite.testcase!;
    expect(a).toMatchObject({ classname: 'sim-audit.reproduce.r2-error-vs-sigma', name: 'R2-a', time: 5 });
    expect(a!.failure).toBeUndefined();
    expect(b!.failure![0]!.message).toBe('R2-b does not hold: measured 0.2, bound 1, margin 5');
    expect(b!.failure![0]!.inner).toContain('report: reports/full/r2-error-vs-sigma.md\nrerun: npm run reproduce -- r2 --full');
    expect(broken).toMatchObject({ classname: 'sim-audit.reproduce.r9-broken', name: 'r9' });
    expect(broken!.failure![0]!.message).toBe('r9 failed to run: boom');
  });
});
