/**
 * Runs reproductions through sweeps: their tasks spread over worker threads, journaled as they
 * finish (a killed run resumes where it stopped), optionally one shard of N, or replayed from
 * shard files (a merge). Used by `npm run reproduce` (index.ts) and `sim-audit merge`.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { codeJournal, type Journal } from '../src/sweep/journal.js';
import { Sweep, type Shard } from '../src/sweep/sweep.js';
import { type TaskRunner, withTaskRunner } from '../src/sweep/taskRunner.js';
import type { Progress } from '../src/sweep/progress.js';
import type { ReportJson } from '../src/report/writeReport.js';
import { ShardDone, type Reproduction } from './framework.js';

export interface RunOptions {
  readonly full: boolean;
  /** The reports folder. */
  readonly out: string;
  /** Worker threads (0: inline on this thread). */
  readonly workers: number;
  /** run: compute and write reports (resuming a journal); shard: compute one slice into shard
   *  files, no report; merge: replay shard files into reports, computing nothing. */
  readonly mode: 'run' | 'shard' | 'merge';
  readonly shard?: Shard;
  /** Where shard files are written (shard) or read (merge). */
  readonly shardDir: string;
  /** Ignore (delete) the journal of an interrupted run instead of resuming it. */
  readonly fresh?: boolean;
  readonly progress: Progress;
}

/** What happened to one reproduction. */
export type Outcome =
  | { readonly r: Reproduction; readonly kind: 'report'; readonly report: ReportJson; readonly seconds: number }
  | {
      readonly r: Reproduction;
      readonly kind: 'shard';
      readonly computed: number;
      readonly replayed: number;
      readonly elsewhere: number;
      readonly file: string;
    }
  | { readonly r: Reproduction; readonly kind: 'failed'; readonly error: unknown };

/** The journal of an interrupted run of `r` (deleted once its report is written). */
export function journalPath(out: string, r: Reproduction, full: boolean): string {
  return join(out, '.sweeps', `${r.name}${full ? '.full' : ''}.jsonl`);
}

/** The file shard k of N of `r` writes. */
export function shardPath(dir: string, r: Reproduction, s: Shard, full: boolean): string {
  return join(dir, `${r.name}${full ? '.full' : ''}.shard-${s.k}-of-${s.of}.jsonl`);
}

/** The shard files of `r` in `dir` (all N of them, or an error naming what is missing). */
export function shardFiles(dir: string, r: Reproduction, full: boolean): string[] {
  const stem = `${r.name}${full ? '.full' : ''}.shard-`;
  const re = new RegExp(`^${stem.replace(/[.]/g, '\\.')}(\\d+)-of-(\\d+)\\.jsonl$`);
  const found = existsSync(dir)
    ? readdirSync(dir)
        .map((f) => re.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
    : [];
  if (found.length === 0) throw new InputError(`no shard files for ${r.name}${full ? ' (--full)' : ''} in ${dir}`);
  const counts = new Set(found.map((m) => Number(m[2])));
  if (counts.size > 1)
    throw new InputError(
      `the shard files of ${r.name} in ${dir} come from different shard counts (${[...counts].join(', ')}); keep one run's files`,
    );
  const of = [...counts][0];
  const have = new Set(found.map((m) => Number(m[1])));
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((k) => !have.has(k));
  if (missing.length)
    throw new InputError(
      `${r.name}: shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${of}`).join(', ')} missing in ${dir}`,
    );
  return Array.from({ length: of }, (_, i) => join(dir, `${stem}${i + 1}-of-${of}.jsonl`));
}

/**
 * Run `chosen`: reproductions whose figures are timings (`exclusive`) one by one first, with
 * nothing else on the workers; then all the others at once, their tasks sharing the workers.
 */
export async function runReproductions(chosen: readonly Reproduction[], o: RunOptions): Promise<Outcome[]> {
  return withTaskRunner(o.mode === 'merge' ? 0 : o.workers, (runner) => runAll(chosen, o, runner));
}

async function runAll(chosen: readonly Reproduction[], o: RunOptions, runner: TaskRunner): Promise<Outcome[]> {
  const log = (line: string) => o.progress.log(line);
  const one = async (r: Reproduction): Promise<Outcome> => {
    const t0 = performance.now();
    let journal: Journal;
    let file = '';
    try {
      if (o.mode === 'merge') journal = codeJournal(null, shardFiles(o.shardDir, r, o.full));
      else {
        file = o.mode === 'shard' ? shardPath(o.shardDir, r, o.shard!, o.full) : journalPath(o.out, r, o.full);
        if (o.fresh) rmSync(file, { force: true });
        journal = codeJournal(file);
        if (journal.size) log(`${r.id}: resuming: ${journal.size} finished task(s) in ${file}`);
      }
    } catch (error) {
      return { r, kind: 'failed', error };
    }
    const sweep = new Sweep({
      runner,
      journal,
      shard: o.mode === 'shard' ? o.shard : undefined,
      compute: o.mode !== 'merge',
      onCount: (c) => o.progress.update(r.name, c),
    });
    const ctx = { full: o.full, out: o.out, log, sweep, writes: o.mode !== 'shard', reproduction: r, started: performance.now() };
    try {
      if (o.mode === 'shard') {
        const done = r.run(ctx).then(
          () => 'done' as const,
          (e: unknown) => {
            if (e instanceof ShardDone) return 'done' as const;
            throw e;
          },
        );
        await Promise.race([done, sweep.idle()]);
        const c = sweep.counts();
        return { r, kind: 'shard', computed: c.computed, replayed: c.replayed, elsewhere: c.elsewhere, file };
      }
      const report = await r.run(ctx);
      if (o.mode === 'run') rmSync(file, { force: true });
      return { r, kind: 'report', report, seconds: (performance.now() - t0) / 1000 };
    } catch (error) {
      return { r, kind: 'failed', error };
    } finally {
      journal.close();
    }
  };
  const outcomes: Outcome[] = [];
  for (const r of chosen.filter((c) => c.exclusive)) outcomes.push(await one(r));
  outcomes.push(...(await Promise.all(chosen.filter((c) => !c.exclusive).map(one))));
  return chosen.map((r) => outcomes.find((x) => x.r === r)!);
}
