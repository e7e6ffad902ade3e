import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EstimatorProcessError, startProcessEstimator } from '../../src/estimatorProcess/processEstimator.js';
import { findPython } from '../pythonFinder.js';
import { cli } from '../cli/runCli.js';

const python = findPython(['numpy']);
const data = { n: 40, d: 2, x: Float64Array.from({ length: 80 }, (_, k) => Math.sin(k + 1)), y: new Float64Array(40) };
for (let i = 0; i < 40; i++) data.y[i] = 2 * data.x[2 * i] - data.x[2 * i + 1];
const opts = { link: 'linear' as const, eps: 0.1, seed: 1 };

describe('the estimator-process protocol', () => {
  it.skipIf(!python)(
    'a Python estimator (least squares through the one-file helper) answers fits over stdin/stdout (needs python3 with numpy)',
    () => {
      const p = startProcessEstimator(`${python} examples/python/least_squares.py`, 30);
      try {
        const w = p.fit(data, opts) as number[];
        expect(w[0]).toBeCloseTo(2, 10);
        expect(w[1]).toBeCloseTo(-1, 10);
        expect(p.fit({ ...data, d: 1, x: data.x.subarray(0, 40) }, opts)).toHaveLength(1); // a second fit, the same process
        expect(p.failure()).toBeUndefined();
      } finally {
        p.close();
      }
    },
    60000,
  );

  it('garbage on stdout, a crash and a timeout end it with one line naming the problem (and the last stderr line)', () => {
    const garbage = startProcessEstimator(`sh -c 'read line; echo hello; cat >/dev/null'`, 5);
    expect(() => garbage.fit(data, opts)).toThrow(/not JSON: "hello"/);
    expect(() => garbage.fit(data, opts)).toThrow(EstimatorProcessError); // and stays ended
    garbage.close();
    const crash = startProcessEstimator(`sh -c 'read line; echo "Traceback: boom" >&2; exit 3'`, 5);
    expect(() => crash.fit(data, opts)).toThrow(/exited with code 3 before answering; its last line on stderr: Traceback: boom/);
    crash.close();
    const started = performance.now();
    const slow = startProcessEstimator(`sh -c 'sleep 30'`, 1);
    expect(() => slow.fit(data, opts)).toThrow(/no answer within 1 s/);
    slow.close();
    expect(performance.now() - started).toBeLessThan(10000);
    const wrong = startProcessEstimator(`sh -c 'read line; echo "{\\"id\\": 99, \\"w\\": [1, 2]}"; cat >/dev/null'`, 5);
    expect(() => wrong.fit(data, opts)).toThrow(/answered id 99 to request 1/);
    wrong.close();
  }, 60000);

  it('an error answer fails that fit only; the audit verb exits 2 on a broken process, naming it', async () => {
    const failing = startProcessEstimator(
      `sh -c 'while read line; do id=$(echo "$line" | sed "s/.*\\"id\\": *\\([0-9]*\\).*/\\1/"); echo "{\\"id\\": $id, \\"error\\": \\"singular\\"}"; done'`,
      5,
    );
    expect(() => failing.fit(data, opts)).toThrow(/the estimator failed: singular/);
    expect(failing.failure()).toBeUndefined();
    failing.close();
    const r = await cli('audit', '--estimator-cmd', `sh -c 'echo garbage'`, '--skip', 'eps-rate,sigma-rate,n-rate,d-rate,breakdown');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sim-audit: the estimator process wrote a line (nobody asked for|that is not JSON): "garbage"/);
    expect(r.out).toBe('');
    expect((await cli('audit', '--estimator', 'robust', '--estimator-cmd', 'x')).code).toBe(2);
  }, 60000);

  it('fit --estimator-cmd: one fit through the protocol; an error answer, a wrong length or garbage exit 2 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-audit-fitcmd-'));
    try {
      const csv = join(dir, 'data.csv');
      writeFileSync(
        csv,
        `x1,x2,y\n${Array.from({ length: 40 }, (_, i) => `${data.x[2 * i]},${data.x[2 * i + 1]},${data.y[i]}`).join('\n')}\n`,
      );
      // a shell estimator that answers w = (2, -1) to the request's id
      const answer = (body: string) =>
        `sh -c 'read line; id=$(echo "$line" | sed "s/.*\\"id\\": *\\([0-9]*\\).*/\\1/"); echo "{\\"id\\": $id, ${body}}"; cat >/dev/null'`;
      const ok = await cli('fit', '--data', csv, '--link', 'linear', '--json', '--estimator-cmd', answer('\\"w\\": [2, -1]'));
      expect(ok.code).toBe(0);
      const r = JSON.parse(ok.out);
      expect(r.w).toEqual([2, -1]);
      expect(r.columns).toEqual(['x1', 'x2']);
      expect(r.estimator).toMatch(/^sh -c/);
      const failing = await cli('fit', '--data', csv, '--link', 'linear', '--estimator-cmd', answer('\\"error\\": \\"singular\\"'));
      expect(failing.code).toBe(2);
      expect(failing.err).toMatch(/^sim-audit: the estimator failed: singular \(command: sh -c/);
      const short = await cli('fit', '--data', csv, '--link', 'linear', '--estimator-cmd', answer('\\"w\\": [1]'));
      expect(short.err).toMatch(/returned 1 numbers for d = 2/);
      const garbage = await cli('fit', '--data', csv, '--link', 'linear', '--estimator-cmd', `sh -c 'echo garbage'`);
      expect(garbage.code).toBe(2);
      expect(garbage.err).toMatch(/wrote a line (nobody asked for|that is not JSON): "garbage"/);
      expect((await cli('fit', '--data', csv, '--link', 'linear', '--estimator-cmd', 'x', '--method', 'robust')).err).toMatch(
        /leave out --method/,
      );
      expect((await cli('fit', '--data', csv, '--link', 'linear', '--fit-timeout', '3')).err).toMatch(
        /--fit-timeout goes with --estimator-cmd/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  it.skipIf(!python)(
    'audit --estimator-cmd on worker threads: one process per worker, the sequential outcome, no process left behind (needs python3 with numpy)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sim-audit-pids-'));
      try {
        const pids = join(dir, 'pids');
        const command = `sh -c 'echo $$ >> ${pids}; exec ${python} examples/python/least_squares.py'`;
        const only = [
          '--skip',
          'eps-rate,sigma-rate,n-rate,d-rate,breakdown,P1-error-bound,P6-rotation-equivariance',
          '--links',
          'linear',
          '--json',
        ];
        const spread = await cli('audit', '--estimator-cmd', command, '--workers', '2', ...only);
        expect(spread.code, spread.err).toBe(0);
        const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
        expect(started).toHaveLength(2); // one per worker; this thread's own starts only to shrink a failure
        const one = await cli('audit', '--estimator-cmd', command, '--workers', '0', ...only);
        const strip = (out: string) => JSON.parse(out, (k, v) => (k === 'seconds' ? 0 : v));
        expect(strip(spread.out)).toEqual(strip(one.out));
        const alive = (pid: number): boolean => {
          try {
            process.kill(pid, 0);
            return true;
          } catch {
            return false;
          }
        };
        expect(readFileSync(pids, 'utf8').trim().split('\n').map(Number).filter(alive)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120000,
  );
});
