import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/runCli.js';
import { readJunit } from '../report/readJunit.js';
import { replayCommand } from '../../src/audit/auditJunit.js';

const RATES = 'eps-rate,sigma-rate,n-rate,d-rate,breakdown';

describe('audit --junit', () => {
  it('one case per property: a violated one fails with its counterexample and replay, --skip ones are skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-audit-junit-'));
    try {
      const file = join(dir, 'audit.xml');
      // least squares with the calibrated bound counted: P1 fails, the verdict with it
      const r = await cli('audit', '--estimator', 'plain', '--constants', '--skip', RATES, '--workers', '0', '--junit', file);
      expect(r.code).toBe(1);
      const report = await readJunit(readFileSync(file, 'utf8'));
      expect(report).toMatchObject({ tests: 10, failures: 1, skipped: 5 });
      const cases = report.testsuite![0]!.testcase!;
      const p1 = cases.find((c) => c.name === 'P1-error-bound')!;
      expect(p1.classname).toBe('sim-audit.audit.calibrated');
      expect(p1.failure![0]!.message).toMatch(/^P1-error-bound: measured [\d.]+ > bound [\d.]+$/);
      expect(p1.failure![0]!.inner).toMatch(/counterexample: \{"link":/);
      expect(p1.failure![0]!.inner).toContain(
        "replay the audit: npx sim-audit audit --estimator 'plain' --profile quick --seed 20261123 --constants",
      );
      expect(p1.failure![0]!.inner).toMatch(/replay this property alone: fast-check seed \d+, path "[\d:]+"/);
      expect(cases.filter((c) => c.skipped).map((c) => c.name)).toEqual(RATES.split(','));
      expect(cases.find((c) => c.name === 'P6-determinism')).toMatchObject({ classname: 'sim-audit.audit.hygiene' });
      // without --constants P1 is outside the verdict: skipped with why, and the audit passes
      const pass = await cli('audit', '--estimator', 'plain', '--skip', RATES, '--workers', '0', '--junit', file);
      expect(pass.code).toBe(0);
      const again = await readJunit(readFileSync(file, 'utf8'));
      expect(again).toMatchObject({ failures: 0, skipped: 6 });
      const outside = again.testsuite![0]!.testcase!.find((c) => c.name === 'P1-error-bound')!;
      expect(outside['system-out']![0]).toMatch(/^does not hold, outside the verdict: a calibrated bound \(--constants counts it\)\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);

  it('the replay command quotes a command estimator for the shell', () => {
    const base = { profile: 'quick' as const, seed: 7, skipped: [], countCalibrated: false, flags: ['--links linear'] };
    expect(replayCommand({ ...base, estimator: "python3 -c 'print(1)'", isCommand: true })).toBe(
      `npx sim-audit audit --estimator-cmd 'python3 -c '\\''print(1)'\\''' --profile quick --seed 7 --links linear`,
    );
  });
});
