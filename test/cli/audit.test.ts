import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli.js';
import { loadEstimator } from '../../src/cli/audit.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-audit-'));
// the rate experiments (20-40 s of fits) are left out where a test is about something else
const NO_RATES = ['--skip', 'eps-rate,sigma-rate,n-rate,d-rate,breakdown'];

describe('audit', () => {
  it('plain least squares: P1 fails, outside the verdict by default; with --constants exit 1 with a shrunk counterexample, seed and path', async () => {
    const outside = await cli('audit', '--estimator', 'plain', ...NO_RATES);
    expect(outside.code).toBe(0);
    expect(outside.out).toMatch(/claim: holds; hygiene: holds; calibrated \(not in the verdict\): VIOLATED/);
    expect(outside.out).toMatch(/VIOLATED P1-error-bound \[calibrated\]/);
    const report = join(dir, 'plain.md');
    const r = await cli('audit', '--estimator', 'plain', '--json', '--report', report, '--constants', ...NO_RATES);
    expect(r.code).toBe(1);
    const res = JSON.parse(r.out);
    expect(res.holds).toBe(false);
    expect(res.claimHolds).toBe(true);
    expect(res.calibratedHolds).toBe(false);
    expect(res.countCalibrated).toBe(true);
    const p1 = res.properties.find((p: { id: string }) => p.id === 'P1-error-bound');
    expect(p1.holds).toBe(false);
    expect(p1.measured).toBeGreaterThan(p1.bound);
    expect(typeof p1.path).toBe('string');
    expect(p1.counterexample).toHaveProperty('adversary');
    expect(readFileSync(report, 'utf8')).toMatch(/VIOLATED[\s\S]*Counterexamples[\s\S]*replay/);
    // a bound on shrinking: the first failing run is reported, and says it may not be the smallest
    const unshrunk = await cli('audit', '--estimator', 'plain', '--constants', '--shrink-seconds', '0', '--workers', '0', ...NO_RATES);
    expect(unshrunk.code).toBe(1);
    expect(unshrunk.out).toMatch(/replay: seed \d+, path "\d+"\n {2}shrinking stopped at its time bound/);
  });

  // The whole quick battery on robust, property by property, is properties/p1-rates-p6-battery
  // (the same seed, so the same fits): here only what the CLI adds, with one rate kept so
  // the report's rate section is read. Running the whole audit here as well ran every fit twice.
  it('the robust solver: exit 0, every property run holds, the claim listed apart from hygiene, the false-alarm budget stated', async () => {
    const report = join(dir, 'robust.md');
    const r = await cli('audit', '--estimator', 'robust', '--report', report, '--skip', 'eps-rate,n-rate,d-rate,breakdown');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/claim: holds; hygiene: holds; calibrated \(not in the verdict\): holds/);
    expect(r.out).toMatch(/the audit passes/);
    expect(r.out).toMatch(/probability at most 1\.0%/);
    const md = readFileSync(report, 'utf8');
    expect(md.indexOf('## The claim')).toBeLessThan(md.indexOf('## Hygiene'));
    expect(md).toMatch(/sigma-rate: error \/ sigma at eps/);
  }, 200000);

  it("a flaw in the claim's form is caught by its rate: eps^(1/4) fails eps-rate, a sigma-free bias fails sigma-rate", async () => {
    const quarter = JSON.parse(
      (
        await cli(
          'audit',
          '--estimator',
          'examples/flawed/eps-quarter-rate.mjs',
          '--json',
          '--skip',
          'sigma-rate,n-rate,d-rate,breakdown,P1-error-bound,exact-recovery,P6-determinism,P6-permutation-invariance,P6-rotation-equivariance',
        )
      ).out,
    );
    expect(quarter.holds).toBe(false);
    expect(quarter.properties.find((p: { id: string }) => p.id === 'eps-rate').holds).toBe(false);
    const bias = await cli(
      'audit',
      '--estimator',
      'examples/flawed/bias-under-corruption.mjs',
      '--skip',
      'eps-rate,n-rate,d-rate,breakdown,P1-error-bound,exact-recovery,P6-determinism,P6-permutation-invariance,P6-rotation-equivariance',
    );
    expect(bias.code).toBe(1);
    expect(bias.out).toMatch(/VIOLATED sigma-rate/);
  }, 200000);

  it('--rates, --links and --skip: the claim as input, bad values exit 2 naming the problem', async () => {
    const r = JSON.parse(
      (
        await cli(
          'audit',
          '--estimator',
          'robust',
          '--json',
          '--links',
          'linear',
          '--rates',
          'eps=0.5',
          ...NO_RATES,
          '--skip',
          'P1-error-bound',
        )
      ).out,
    );
    expect(r.links).toEqual(['linear']);
    expect(r.skipped).toEqual(['eps-rate', 'sigma-rate', 'n-rate', 'd-rate', 'breakdown', 'P1-error-bound']);
    expect(r.properties.map((p: { id: string }) => p.id)).not.toContain('P1-error-bound');
    expect((await cli('audit', '--estimator', 'robust', '--rates', 'eps=x')).err).toMatch(/--rates: eps must be a finite number/);
    expect((await cli('audit', '--estimator', 'robust', '--rates', 'rho=1')).err).toMatch(/not NAME=NUMBER/);
    expect((await cli('audit', '--estimator', 'robust', '--rates', 'n=0.5')).code).toBe(2);
    expect((await cli('audit', '--estimator', 'robust', '--links', 'nope')).err).toMatch(/unknown link "nope"/);
    expect((await cli('audit', '--estimator', 'robust', '--links', 'square')).err).toMatch(/even/);
    expect((await cli('audit', '--estimator', 'robust', '--skip', 'P9')).err).toMatch(/unknown property "P9"/);
  }, 120000);

  it('a user module: the example estimator runs through the contract', async () => {
    const fit = await loadEstimator('examples/trimmed-least-squares.mjs');
    expect(typeof fit).toBe('function');
    const r = await cli('audit', '--estimator', 'examples/trimmed-least-squares.mjs', '--json', ...NO_RATES);
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
    expect((await cli('audit', '--estimator', 'robust', '--shrink-seconds', '-1')).err).toMatch(
      /shrink seconds must be a finite number >= 0/,
    );
    expect((await cli('audit', '--estimator', 'package.json')).err).toMatch(/exports no function "fit"|cannot load/);
  });

  it('spread over worker threads, the audit gives the sequential outcome (holding, failing with its counterexample, a user module), and a journal replays it', async () => {
    const strip = (text: string) => {
      const res = JSON.parse(text);
      delete res.seconds;
      for (const p of res.properties) delete p.seconds;
      return res;
    };
    const one = await cli('audit', '--estimator', 'plain', '--json', '--workers', '0', '--constants', ...NO_RATES);
    const two = await cli('audit', '--estimator', 'plain', '--json', '--workers', '2', '--constants', ...NO_RATES);
    expect(two.code).toBe(1);
    expect(strip(two.out)).toEqual(strip(one.out)); // the same shrunk counterexample, seed and path
    // a user module, loaded by path in each worker: the verdicts of the sequential test above
    const user = JSON.parse(
      (await cli('audit', '--estimator', 'examples/trimmed-least-squares.mjs', '--json', '--workers', '2', ...NO_RATES)).out,
    );
    expect(user.properties.find((p: { id: string }) => p.id === 'P1-error-bound').holds).toBe(true);
    expect(user.properties.find((p: { id: string }) => p.id === 'exact-recovery').holds).toBe(false);
    const journal = join(dir, 'audit.jsonl');
    const first = await cli('audit', '--estimator', 'plain', '--json', '--workers', '0', '--constants', '--journal', journal, ...NO_RATES);
    expect(strip(first.out)).toEqual(strip(one.out));
    const lines = readFileSync(journal, 'utf8').trim().split('\n').length;
    expect(lines).toBe(75); // the code fingerprint, then every run of the quick battery (rates skipped), one line each
    const again = await cli('audit', '--estimator', 'plain', '--json', '--constants', '--journal', journal, ...NO_RATES);
    expect(strip(again.out)).toEqual(strip(one.out));
    expect(readFileSync(journal, 'utf8').trim().split('\n').length).toBe(lines); // nothing run twice
    expect((await cli('audit', '--estimator', 'robust', '--workers', '-1')).code).toBe(2);
  }, 120000);
});
