/**
 * The Python package (python/: `pip install ./python`): its own pytest suite, run against this
 * repository's CLI (SIM_AUDIT_CLI runs the sources through tsx, by its path). Needs a python3 with numpy and
 * pytest; skips, saying so, where there is none.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPython } from '../pythonFinder.js';

const python = findPython(['numpy', 'pytest']);
const root = resolve(import.meta.dirname, '../..');

describe('the Python package', () => {
  it.skipIf(!python)(
    'audit(), simulate(), attack() and the pytest plugin pass their pytest suite (needs python3 with numpy and pytest)',
    () => {
      const r = spawnSync(python as string, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'python/tests'], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          PYTHONPATH: resolve(root, 'python'),
          // tsx by its path: pytest's own subprocesses run elsewhere, where `--import tsx` would not resolve
          SIM_AUDIT_CLI: `${resolve(root, 'node_modules/.bin/tsx')} ${resolve(root, 'src/cli/main.ts')}`,
        },
      });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/4 passed/);
    },
    240000,
  );
  if (!python) it.skip('the Python package tests: no python3 with numpy and pytest found', () => {});
});
