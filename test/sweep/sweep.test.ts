import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/sweep/journal.js';
import { Sweep, parseShard, taskKey } from '../../src/sweep/sweep.js';
import { createTaskRunner } from '../../src/sweep/taskRunner.js';
import { createProgress } from '../../src/sweep/progress.js';
import { codeFingerprint } from '../../src/sweep/fingerprint.js';
import { finishReport, task, type Reproduction } from '../../reproductions/framework.js';
import { awkward, fails, seededMean } from './toyTasks.js';
import { runReproductions, shardFiles, journalPath, type RunOptions } from '../../reproductions/runner.js';
import { upperClaim } from '../../src/report/claim.js';

const TOY = new URL('./toyTasks.ts', import.meta.url).href;

const tmp = (): string => mkdtempSync(join(tmpdir(), 'sweep-'));

/** A reproduction with a pilot (run whole by every shard) that decides the main sweep. */
const toy: Reproduction = {
  name: 'toy-sweep',
  id: 'ty',
  title: 'Toy sweep',
  async run(ctx) {
    const pilot = await ctx.sweep.map<number>(
      [1, 2, 3].map((seed) => task(TOY, seededMean, { seed, n: 1000 })),
      { whole: true },
    );
    const n = pilot.every((m) => Math.abs(m) < 0.1) ? 2000 : 500; // the pilot decides the sizes
    const grid = [10, 20, 30, 40, 50, 60, 70, 80].map((seed) => ({ seed, n }));
    // independent tasks asked for together: a shard never waits on another's before asking
    const [means, odd] = await Promise.all([
      ctx.sweep.map<number>(grid.map((g) => task(TOY, seededMean, g))),
      ctx.sweep.task<{ v: Float64Array; nan: number; neg: number }>(task(TOY, awkward, { k: 3 })),
    ]);
    return finishReport(ctx, {
      source: 'test',
      claim: 'means are small',
      settings: { n, grid },
      sections: [
        '## Means',
        means.map((m) => m.toPrecision(17)).join(', '),
        `awkward: ${Object.is(odd.v[1], -0)} ${odd.nan} ${Object.is(odd.neg, -0)} ${odd.v instanceof Float64Array}`,
      ],
      figures: [],
      claims: [upperClaim('T-small', 'max |mean| <= 1', Math.max(...means.map(Math.abs)), 1)],
    });
  },
};

const quiet = createProgress({ tty: false, write: () => {} });

const options = (out: string, o: Partial<RunOptions> = {}): RunOptions => ({
  full: false,
  out,
  workers: 0,
  mode: 'run',
  shardDir: join(out, 'shards'),
  progress: quiet,
  ...o,
});

const body = (out: string): string => readFileSync(join(out, 'toy-sweep.md'), 'utf8').split('\n## Run\n')[0];

describe('sweeps', () => {
  it('parses --shard k/N and refuses the rest', () => {
    expect(parseShard('2/3')).toEqual({ k: 2, of: 3 });
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    for (const bad of ['0/3', '4/3', '1/0', 'x', '1/2/3']) expect(() => parseShard(bad)).toThrow(/--shard must be k\/N/);
  });

  it('keys tasks by module path, name and arguments, not by where the module sits on disk', () => {
    const a = taskKey(task(TOY, seededMean, { seed: 1, n: 5 }));
    expect(a).toEqual(taskKey(task(TOY, seededMean, { seed: 1, n: 5 })));
    expect(a.key).not.toBe(taskKey(task(TOY, seededMean, { seed: 2, n: 5 })).key);
    expect(a.key).toMatch(/^seededMean:[0-9a-f]{20}$/);
  });

  it('a sweep runs each task once, journals it, and a second sweep replays it', async () => {
    const dir = tmp();
    const file = join(dir, 'j.jsonl');
    const tasks = [1, 2, 3].map((seed) => task(TOY, seededMean, { seed, n: 100 }));
    const first = new Sweep({ runner: createTaskRunner(0), journal: new Journal(file) });
    const a = await first.map<number>(tasks);
    expect(first.counts()).toMatchObject({ requested: 3, computed: 3, replayed: 0 });
    const second = new Sweep({ runner: createTaskRunner(0), journal: new Journal(file) });
    const b = await second.map<number>(tasks);
    expect(second.counts()).toMatchObject({ requested: 3, computed: 0, replayed: 3 });
    expect(b).toEqual(a);
    // the work behind the results: the three tasks' run time; replaying costs nothing
    expect(first.taskSeconds()).toBeGreaterThan(0);
    expect(second.taskSeconds()).toBe(0);
    const failing = new Sweep({ runner: createTaskRunner(0), journal: new Journal(null) });
    await expect(failing.task(task(TOY, fails, {}))).rejects.toThrow('task failed on purpose');
    await expect(failing.task({ module: TOY, name: 'nothing', args: {} })).rejects.toThrow(/not a function exported/);
    const replayOnly = new Sweep({ runner: createTaskRunner(0), journal: new Journal(null), compute: false });
    await expect(replayOnly.task(task(TOY, seededMean, { seed: 9, n: 1 }))).rejects.toThrow(/no result in the shard files/);
  });

  it('sharded runs and their merge give the unsharded report; a shard resumes; missing shards are named', async () => {
    const whole = tmp();
    const [plain] = await runReproductions([toy], options(whole));
    expect(plain.kind).toBe('report');
    expect(existsSync(journalPath(whole, toy, false))).toBe(false); // deleted once the report is written
    const out = tmp();
    const shards = await Promise.all([1, 2, 3].map((k) => runReproductions([toy], options(out, { mode: 'shard', shard: { k, of: 3 } }))));
    const counts = shards.map(([x]) => (x.kind === 'shard' ? x : null)!);
    // disjoint slices of the 9 main tasks (8 means + 1); the 3 pilot tasks run whole in each
    expect(counts.reduce((s, c) => s + c.computed - 3, 0)).toBe(9);
    expect(existsSync(join(out, 'toy-sweep.md'))).toBe(false); // shards write no report
    expect(shardFiles(join(out, 'shards'), toy, false)).toHaveLength(3);
    // resuming a finished shard computes nothing
    const [again] = await runReproductions([toy], options(out, { mode: 'shard', shard: { k: 2, of: 3 } }));
    expect(again.kind === 'shard' && again.computed).toBe(0);
    const [merged] = await runReproductions([toy], options(out, { mode: 'merge' }));
    expect(merged.kind).toBe('report');
    expect(body(out)).toBe(body(whole));
    expect(body(out)).toContain('awkward: true NaN true true');
    const lonely = tmp();
    await runReproductions([toy], options(lonely, { mode: 'shard', shard: { k: 1, of: 2 } }));
    const [failed] = await runReproductions([toy], options(lonely, { mode: 'merge' }));
    expect(failed.kind === 'failed' && String(failed.error)).toMatch(/shard 2\/2 missing/);
  });

  it('gives the same report with 1 and 2 worker threads as inline', async () => {
    const outs = [tmp(), tmp(), tmp()];
    for (const [k, workers] of [0, 1, 2].entries()) await runReproductions([toy], options(outs[k], { workers }));
    expect(body(outs[1])).toBe(body(outs[0]));
    expect(body(outs[2])).toBe(body(outs[0]));
  }, 60000);
});
