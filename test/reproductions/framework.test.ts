import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishReport, type Reproduction, type ReproductionContext } from '../../reproductions/framework.js';
import { Journal } from '../../src/sweep/journal.js';
import { Sweep } from '../../src/sweep/sweep.js';
import { createTaskRunner } from '../../src/sweep/taskRunner.js';
import { staleness, writeIndex } from '../../reproductions/writeIndex.js';
import { codeCommit } from '../../src/report/provenance.js';
import { main } from '../../reproductions/index.js';
import { upperClaim, lowerClaim } from '../../src/report/claim.js';
import { lineChart } from '../../src/report/specs.js';

const fake = (name: string, measured: number): Reproduction => ({
  name,
  id: name.slice(0, 2),
  title: `Fake ${name}`,
  async run(ctx) {
    return finishReport(ctx, {
      source: 'a test',
      claim: 'x is small.',
      settings: { seed: 1, grid: [1, 2] },
      sections: ['## Results', '| a |\n| --- |\n| 1 |'],
      figures: [
        {
          suffix: 'fig',
          caption: 'A line.',
          spec: lineChart(
            [
              { x: 1, y: 1, s: 'a' },
              { x: 2, y: 3, s: 'a' },
            ],
            { title: 'T', x: { field: 'x', title: 'x' }, y: { field: 'y', title: 'y' }, series: 's' },
          ),
        },
      ],
      claims: [upperClaim('F-upper', 'measured <= 1', measured, 1), lowerClaim('F-lower', 'measured >= 0.5', measured, 0.5)],
    });
  },
});

/** A context that writes reports, with an inline sweep and no journal file. */
function context(out: string, reproduction = { name: 'f1-test', title: 'Fake f1-test' }): ReproductionContext {
  return {
    full: false,
    out,
    log: () => {},
    writes: true,
    sweep: new Sweep({ runner: createTaskRunner(0), journal: new Journal(null) }),
    reproduction,
    started: performance.now(),
  };
}

describe('reproduction reports', () => {
  it('write markdown, JSON twin and SVG; timings only in the Run section; same input, same body', async () => {
    const out = mkdtempSync(join(tmpdir(), 'repro-'));
    const json = await fake('f1-test', 0.75).run(context(out));
    const md = readFileSync(join(out, 'f1-test.md'), 'utf8');
    expect(existsSync(join(out, 'f1-test-fig.svg'))).toBe(true);
    expect(md).toContain('![A line.](f1-test-fig.svg)');
    expect(md).toContain('- **F-upper**: measured <= 1. Measured 0.75, bound 1, margin 0.75. Verdict: holds');
    expect(md).toContain('Verdict: holds');
    expect(md).not.toMatch(/\n{3}/);
    const [body, run] = md.split('\n## Run\n');
    expect(body).not.toMatch(/Run time|seconds/);
    expect(run).toMatch(
      /Run time: [\d.]+ s\n- Its tasks: [\d.]+ s on the worker threads \(\d+ run\); the run time above is shared with the reports run beside it\n- Machine: /,
    );
    const twin = JSON.parse(readFileSync(join(out, 'f1-test.json'), 'utf8'));
    expect(twin).toEqual(JSON.parse(JSON.stringify(json)));
    expect(Object.keys(twin)).toEqual(['name', 'source', 'settings', 'claims', 'run']);
    expect(Object.keys(twin.claims[0])).toEqual(['id', 'statement', 'measured', 'bound', 'margin', 'verdict']);
    await fake('f1-test', 0.75).run(context(out));
    expect(readFileSync(join(out, 'f1-test.md'), 'utf8').split('\n## Run\n')[0]).toBe(body);
    expect(readdirNoTmp(out)).toBe(true);
  });
  it('indexes every report with its verdicts, and marks the ones not run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'repro-'));
    await fake('f2-bad', 2).run(context(out, { name: 'f2-bad', title: 'Fake f2-bad' }));
    const tally = writeIndex(out, [fake('f2-bad', 2), fake('f3-never', 0)]);
    expect(tally).toEqual({ holds: 1, doesNotHold: 1 });
    const index = readFileSync(join(out, 'README.md'), 'utf8');
    expect(index).toContain('| [f2](f2-bad.md) | Fake f2-bad | F-upper | does not hold | 2 |');
    expect(index).toContain('| f3 | Fake f3-never | (not run yet) |');
    expect(index).not.toContain('## Against the quick scale');
  });
  it("a paper-scale index lists the claims whose verdict differs from the quick reports', with why or 'not explained yet'", async () => {
    const quick = mkdtempSync(join(tmpdir(), 'repro-quick-'));
    const full = join(quick, 'full');
    const names = { name: 'f2-bad', title: 'Fake f2-bad' };
    await fake('f2-bad', 0.75).run(context(quick, names)); // both claims hold
    await fake('f2-bad', 2).run(context(full, names)); // F-upper fails, F-lower holds
    writeIndex(full, [fake('f2-bad', 2)], { dir: quick, link: '../', notes: {} });
    const index = readFileSync(join(full, 'README.md'), 'utf8');
    expect(index).toContain('## Against the quick scale');
    expect(index).toContain('Of the claims both scales ran, 1 have the same verdict at both and 1 differ:');
    expect(index).toContain('| F-upper | holds (0.75) | does not hold (2) | not explained yet |');
    writeIndex(full, [fake('f2-bad', 2)], { dir: quick, link: '../', notes: { 'F-upper': 'narrower intervals' } });
    expect(readFileSync(join(full, 'README.md'), 'utf8')).toContain('| F-upper | holds (0.75) | does not hold (2) | narrower intervals |');
    // the code that wrote each report, and whether a change that moved the numbers came after it
    const twin = JSON.parse(readFileSync(join(full, 'f2-bad.json'), 'utf8'));
    expect(twin.run.commit).toBe(codeCommit());
    const after = readFileSync(join(full, 'README.md'), 'utf8');
    expect(after).toContain('## Which code wrote each report');
    expect(after).toContain(`| f2 | ${twin.run.commit} | ${twin.run.machine} | current |`);
  });
  it('a report is stale when a change that moved the numbers is not in the history of the commit that wrote it', () => {
    const changes = [
      { commit: 'c1', what: 'one', reports: ['a', 'b'] },
      { commit: 'c2', what: 'two', reports: ['a'] },
    ];
    // c1 came before r, c2 after it
    const history: Record<string, string[]> = { r: ['c1'], newer: ['c1', 'c2'] };
    const ancestor = (a: string, b: string): boolean | undefined => (b in history ? history[b]!.includes(a) : undefined);
    expect(staleness('a', 'newer', changes, ancestor)).toEqual({ status: 'current', missing: [] });
    expect(staleness('a', 'r', changes, ancestor)).toEqual({ status: 'stale', missing: ['c2 (two)'] });
    // c2 does not move b's numbers
    expect(staleness('b', 'r', changes, ancestor)).toEqual({ status: 'current', missing: [] });
    // nor any change c's, whatever wrote it
    expect(staleness('c', undefined, changes, ancestor).status).toBe('current');
    expect(staleness('a', 'elsewhere', changes, ancestor).status).toBe('unknown');
    expect(staleness('a', undefined, changes, ancestor).status).toBe('unknown');
  });
});

/** No temporary file is left behind once a report is written. */
function readdirNoTmp(dir: string): boolean {
  return !readdirSync(dir).some((f) => f.endsWith('.tmp'));
}

describe('reproduce command line', () => {
  const capture = (): { lines: string[]; log: (l: string) => void } => {
    const lines: string[] = [];
    return { lines, log: (l) => lines.push(l) };
  };
  it('lists the reproductions R1-R7, the seed reports and the audit power report', async () => {
    const c = capture();
    expect(await main(['--list'], c.log, c.log)).toBe(0);
    expect(c.lines.map((l) => l.split('\t')[0])).toEqual([
      'r1',
      'r2',
      'r3',
      'r4',
      'r5',
      'r6',
      'r7',
      'r8',
      'r9',
      's1',
      's2',
      's3',
      's4',
      'power',
    ]);
  });
  it('--index rewrites the index from the reports in --out, computing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'repro-index-'));
    await fake('f2-bad', 0.75).run(context(out, { name: 'r1-error-vs-eps', title: 'Fake' }));
    const c = capture();
    expect(await main(['--index', '--out', out], c.log, c.log)).toBe(0);
    expect(c.lines).toHaveLength(1);
    expect(c.lines[0]).toMatch(/wrote .*README\.md from the reports there \(2 hold, 0 do not hold\)/);
    const index = readFileSync(join(out, 'README.md'), 'utf8');
    expect(index).toMatch(/\| \[r1\]\(r1-error-vs-eps\.md\) \| R1: [^|]+\| F-upper \| holds \| 0\.75 \|/);
    expect(index).toMatch(/\| r2 \| R2: [^|]+\| \(not run yet\) \|/);
  });
  it('refuses an unknown name, a bad --workers and a bad --shard with exit 2 and one line', async () => {
    const c = capture();
    expect(await main(['r99'], c.log, c.log)).toBe(2);
    expect(c.lines).toHaveLength(1);
    expect(c.lines[0]).toMatch(/unknown reproduction "r99"/);
    const d = capture();
    expect(await main(['--workers', 'two', 'r1'], d.log, d.log)).toBe(2);
    expect(d.lines[0]).toMatch(/--workers must be an integer >= 0/);
    for (const bad of ['3/2', '0/2', 'a/b', '1']) {
      const e = capture();
      expect(await main(['--shard', bad, 'r1'], e.log, e.log)).toBe(2);
      expect(e.lines).toHaveLength(1);
      expect(e.lines[0]).toMatch(/--shard must be k\/N/);
    }
  });
});
