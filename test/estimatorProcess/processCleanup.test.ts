/**
 * The estimator-process protocol leaves nothing behind: every estimator runs in a process group
 * of its own under a supervisor (src/estimatorProcess/estimatorSupervisor.mjs) that ends the whole
 * group when the fit times out, when the audit closes it, and when sim-audit itself goes away.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startProcessEstimator } from '../../src/estimatorProcess/processEstimator.js';
import { findPython } from '../pythonFinder.js';

const python = findPython([]);
const data = { n: 40, d: 2, x: Float64Array.from({ length: 80 }, (_, k) => Math.sin(k + 1)), y: new Float64Array(40) };
const opts = { link: 'linear' as const, eps: 0.1, seed: 1 };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh file path for an estimator to write its pids into. */
function pidFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-audit-cleanup-'));
  dirs.push(dir);
  return join(dir, 'pids');
}

/** Whether `pid` is a live process (a zombie, dead but not yet reaped, is not). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    try {
      process.kill(pid, 0);
      return !existsSync('/proc/self');
    } catch {
      return false;
    }
  }
}

function pids(file: string): number[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
}

/** Waits until `file` lists `count` pids (the estimator has started them). */
async function started(file: string, count: number): Promise<number[]> {
  for (let k = 0; k < 500 && pids(file).length < count; k++) await new Promise((r) => setTimeout(r, 20));
  const found = pids(file);
  expect(found.length).toBeGreaterThanOrEqual(count);
  return found;
}

async function allGone(list: number[], withinMs: number): Promise<number[]> {
  const end = Date.now() + withinMs;
  while (list.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return list.filter(alive);
}

describe('estimator processes leave nothing behind', () => {
  it('a fit that times out ends the estimator and the child it started', async () => {
    const file = pidFile();
    const p = startProcessEstimator(`sh -c 'echo $$ > ${file}; sleep 3600 & echo $! >> ${file}; wait'`, 1);
    expect(() => p.fit(data, opts)).toThrow(/no answer within 1 s/);
    const list = await started(file, 2);
    p.close();
    expect(await allGone(list, 6000)).toEqual([]);
  }, 30000);

  it('one that ignores the closing of stdin and SIGTERM is killed (SIGKILL) when the audit closes it', async () => {
    const file = pidFile();
    const t0 = performance.now();
    const p = startProcessEstimator(`sh -c 'trap "" TERM; echo $$ > ${file}; while :; do sleep 1; done'`, 5);
    const list = await started(file, 1);
    p.close(); // waits for the supervisor: stdin closed, 2 s, SIGTERM (ignored), 2 s, SIGKILL
    expect(await allGone(list, 3000)).toEqual([]);
    expect(performance.now() - t0).toBeGreaterThan(3500);
  }, 30000);

  it('what an estimator started and left running (a shell child) ends with it', async () => {
    const file = pidFile();
    const p = startProcessEstimator(`sh -c 'sleep 3600 & echo $! > ${file}; cat > /dev/null'`, 5);
    const list = await started(file, 1);
    p.close();
    expect(await allGone(list, 3000)).toEqual([]);
  }, 30000);

  it.skipIf(!python)(
    'and a Python one (subprocess.Popen) too (needs python3)',
    async () => {
      const file = pidFile();
      const script = `import subprocess, sys; c = subprocess.Popen(["sleep", "3600"]); open("${file}", "w").write(str(c.pid)); sys.stdin.read()`;
      const p = startProcessEstimator(`${python} -c '${script}'`, 5);
      const list = await started(file, 1);
      p.close();
      expect(await allGone(list, 3000)).toEqual([]);
    },
    30000,
  );

  it('a flood on stderr is read and dropped but for its tail: the failure quotes its last line', () => {
    const p = startProcessEstimator(
      `sh -c 'head -c 20000000 /dev/zero | tr "\\\\0" x >&2; echo >&2; echo boom-last >&2; read line; exit 3'`,
      20,
    );
    let message = '';
    try {
      p.fit(data, opts);
    } catch (e) {
      message = (e as Error).message;
    }
    p.close();
    expect(message).toMatch(/exited with code 3 before answering; its last line on stderr: boom-last \(command: /);
    expect(message.length).toBeLessThan(1000);
  }, 30000);

  it('an answer with NaN in w (as Python writes it) is that fit failing, said in one line, not a broken protocol', () => {
    const p = startProcessEstimator(
      `sh -c 'while read line; do id=$(echo "$line" | sed "s/.*\\"id\\": *\\([0-9]*\\).*/\\1/"); echo "{\\"id\\": $id, \\"w\\": [NaN, -Infinity]}"; done'`,
      5,
    );
    expect(() => p.fit(data, opts)).toThrow(/^the estimator failed: its w has entries that are not finite numbers \(NaN or Infinity\)/);
    expect(p.failure()).toBeUndefined();
    // the process goes on answering
    expect(() => p.fit(data, opts)).toThrow(/the estimator failed/);
    p.close();
  }, 30000);

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`sim-audit itself ended by ${signal} mid-fit: the estimator and its child end too`, async () => {
      const file = pidFile();
      const estimator = `sh -c 'echo $$ > ${file}; sleep 3600 & echo $! >> ${file}; wait'`;
      const cliProcess = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'audit', '--estimator-cmd', estimator, '--fit-timeout', '100', '--workers', '0'],
        { stdio: 'ignore' },
      );
      const list = await started(file, 2);
      cliProcess.kill(signal);
      expect(await allGone(list, 8000)).toEqual([]);
    }, 60000);
  }
});
