import { describe, expect, it } from 'vitest';
import { junitXml } from '../../src/report/junit.js';
import { readJunit } from './readJunit.js';

describe('JUnit XML', () => {
  it('passes, failures and skips, escaped, read back by a JUnit parser', async () => {
    const xml = junitXml('a suite', [
      { classname: 'sim.a', name: 'holds <&>', seconds: 1.23456, output: 'measured 0.5' },
      {
        classname: 'sim.a',
        name: 'fails',
        seconds: 2,
        failure: { message: 'measured 3 > "bound" 1', details: 'counterexample: {"d": 2}\n]]> inside' },
      },
      { classname: 'sim.b', name: 'left out', seconds: 0, skipped: 'by --skip' },
    ]);
    const r = await readJunit(xml);
    expect(r).toMatchObject({ tests: 3, failures: 1, skipped: 1 });
    const [suite] = r.testsuite!;
    expect(suite!.name).toBe('a suite');
    const [pass, fail, skip] = suite!.testcase!;
    expect(pass).toMatchObject({ classname: 'sim.a', name: 'holds <&>', time: 1.235, 'system-out': ['measured 0.5'] });
    expect(pass!.failure).toBeUndefined();
    expect(fail!.failure![0]).toMatchObject({ message: 'measured 3 > "bound" 1', type: 'violated' });
    expect(fail!.failure![0]!.inner).toBe('counterexample: {"d": 2}\n]]> inside');
    expect(skip!.skipped).toHaveLength(1);
    expect(skip!['system-out']).toEqual(['by --skip']);
  });
});
