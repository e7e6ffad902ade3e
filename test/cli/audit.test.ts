import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli.js';
import { loadEstimator } from '../../src/cli/audit.js';


const dir = mkdtempSync(join(tmpdir(), 'sim-audit-audit-'));

describe('audit', () => {
  it('plain least squares: exit 1 with a shrunk counterexample, seed and path', async () => {
    const report = join(dir, 'plain.md');
    const r = await cli('audit', '--estimator', 'plain', '--json', '--report', report);
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.holds).toBe(false);
    const p1 = res.properties.find((p: { id: string }) => p.id === 'P1-error-bound');
    expect(p1.holds).toBe(false);
    expect(p1.measured).toBeGreaterThan(p1.bound);
    expect(typeof p1.path).toBe('string');
    expect(p1.counterexample).toHaveProperty('adversary');
    expect(readFileSync(report, 'utf8')).toMatch(/VIOLATED[\s\S]*Counterexamples[\s\S]*replay/);
  });

  it('the robust solver: exit 0, every property holds', async () => {
    const r = await cli('audit', '--estimator', 'robust');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/all properties hold/);
  });

  it('a user module: the example estimator runs through the contract', async () => {
    const fit = await loadEstimator('examples/trimmed-least-squares.mjs');
    expect(typeof fit).toBe('function');
    const r = await cli('audit', '--estimator', 'examples/trimmed-least-squares.mjs', '--json');
    expect([0, 1]).toContain(r.code);
    const res = JSON.parse(r.out);
    expect(res.properties.map((p: { id: string }) => p.id)).toContain('P1-error-bound');
    // what the quick audit finds about it (see its header): P1 holds, exact recovery does not
    expect(res.properties.find((p: { id: string }) => p.id === 'P1-error-bound').holds).toBe(true);
    expect(res.properties.find((p: { id: string }) => p.id === 'exact-recovery').holds).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('audit', '--estimator', 'nope')).code).toBe(2);
    expect((await cli('audit', '--estimator', 'robust', '--profile', 'x')).code).toBe(2);
    expect((await cli('audit', '--estimator', 'package.json')).err).toMatch(/exports no function "fit"|cannot load/);
  });

  it('spread over worker threads, the audit gives the sequential outcome (holding, failing with its counterexample, a user module), and a journal replays it', async () => {
    const strip = (text: string) => {
      const res = JSON.parse(text);
      delete res.seconds;
      for (const p of res.properties) delete p.seconds;
      return res;
    };
    const one = await cli('audit', '--estimator', 'plain', '--json');
    const two = await cli('audit', '--estimator', 'plain', '--json', '--workers', '2');
    expect(two.code).toBe(1);
    expect(strip(two.out)).toEqual(strip(one.out)); // the same shrunk counterexample, seed and path
    // a user module, loaded by path in each worker: the verdicts of the sequential test above
    const user = JSON.parse((await cli('audit', '--estimator', 'examples/trimmed-least-squares.mjs', '--json', '--workers', '2')).out);
    expect(user.properties.find((p: { id: string }) => p.id === 'P1-error-bound').holds).toBe(true);
    expect(user.properties.find((p: { id: string }) => p.id === 'exact-recovery').holds).toBe(false);
    const journal = join(dir, 'audit.jsonl');
    const first = await cli('audit', '--estimator', 'plain', '--json', '--workers', '0', '--journal', journal);
    expect(strip(first.out)).toEqual(strip(one.out));
    const lines = readFileSync(journal, 'utf8').trim().split('\n').length;
    expect(lines).toBe(78); // the code fingerprint, then every run of the quick battery, one line each
    const again = await cli('audit', '--estimator', 'plain', '--json', '--journal', journal);
    expect(strip(again.out)).toEqual(strip(one.out));
    expect(readFileSync(journal, 'utf8').trim().split('\n').length).toBe(lines); // nothing run twice
    expect((await cli('audit', '--estimator', 'robust', '--workers', '-1')).code).toBe(2);
  }, 120000);
});
