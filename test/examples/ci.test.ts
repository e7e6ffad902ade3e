/**
 * The CI recipes (examples/ci/*.yml) run as written: each Audit step's command, with its
 * environment filled in for this repository, audits an estimator, exits with the verdict and
 * leaves the report and the JSON the upload step keeps. To stay quick, the audit is cut to one
 * property (--skip): what is checked is the recipe's command line, not the audit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { batteryIds } from '../../src/audit/battery.js';
import { findPython } from '../pythonFinder.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const python = findPython(['numpy']);

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: { path?: string };
}

/** The recipe's audit step, its upload step, and its env. */
function recipe(file: string): { audit: string; keeps: string[]; env: Record<string, string> } {
  const job = parse(readFileSync(join(ROOT, 'examples', 'ci', file), 'utf8')).jobs.audit as { env: Record<string, string>; steps: Step[] };
  const audit = job.steps.find((s) => s.name === 'Audit')?.run;
  const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  if (!audit || !upload?.with?.path) throw new Error(`${file}: no Audit step or no upload step`);
  // a glob (the report's figures, audit-*.svg) matches files only when a rate property runs
  const keeps = upload.with.path
    .trim()
    .split('\n')
    .filter((f) => !f.includes('*'));
  return { audit, keeps, env: job.env };
}

/** Runs the audit command in a fresh folder with `env`, the audit cut to the property `only`. */
function runAudit(command: string, env: Record<string, string>, only: string) {
  const dir = mkdtempSync(join(tmpdir(), 'sim-audit-ci-'));
  const skip = batteryIds().filter((id) => id !== only);
  const line = command
    .replace('npx sim-audit', `node ${join(ROOT, 'bin', 'sim-audit.js')}`)
    .replace(' --report', ` --skip ${skip.join(',')} --report`);
  const r = spawnSync('bash', ['-c', line], { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { ...r, dir };
}

describe('the CI recipes', () => {
  it('JavaScript: the audit step fails the build on a violated property and leaves audit.md and audit.json', () => {
    const { audit, keeps, env } = recipe('audit-javascript.yml');
    expect(env.ESTIMATOR).toBeDefined();
    const r = runAudit(audit, { ...env, ESTIMATOR: join(ROOT, 'examples', 'flawed', 'hidden-nondeterminism.mjs') }, 'P6-determinism');
    try {
      expect(r.status, r.stderr).toBe(1);
      for (const f of keeps) expect(existsSync(join(r.dir, f)), f).toBe(true);
      expect(JSON.parse(readFileSync(join(r.dir, 'audit.json'), 'utf8')).holds).toBe(false);
      expect(readFileSync(join(r.dir, 'audit.md'), 'utf8')).toMatch(/P6-determinism/);
      expect(readFileSync(join(r.dir, 'audit.xml'), 'utf8')).toMatch(
        /<testcase classname="sim-audit.audit.hygiene" name="P6-determinism"[^>]*>\s*<failure/,
      );
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  }, 120000);

  it.skipIf(!python)(
    'Python: the audit step runs an --estimator-cmd estimator and passes it when it holds (needs python3 with numpy)',
    () => {
      const { audit, keeps, env } = recipe('audit-python.yml');
      expect(env.LINKS).toBe('linear');
      const r = runAudit(
        audit,
        { ...env, ESTIMATOR_CMD: `${python} ${join(ROOT, 'examples', 'python', 'least_squares.py')}` },
        'exact-recovery',
      );
      try {
        expect(r.status, r.stderr).toBe(0);
        for (const f of keeps) expect(existsSync(join(r.dir, f)), f).toBe(true);
        expect(JSON.parse(readFileSync(join(r.dir, 'audit.json'), 'utf8')).links).toEqual(['linear']);
      } finally {
        rmSync(r.dir, { recursive: true, force: true });
      }
    },
    120000,
  );
});
