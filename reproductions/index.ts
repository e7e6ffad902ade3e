/**
 * `sim-audit reproduce [NAME ...] [--full] [--workers N] [--shard k/N] [--merge]` (and
 * `npm run reproduce -- ...`, which calls it): run the reproductions (all by default, quick
 * scale unless --full), write reports/<name>.md, .json and .svg, then rewrite the index
 * reports/README.md from every report's JSON twin. The CLI loads this module only for the
 * `reproduce` and `merge` verbs. Exit codes are the CLI's (src/exitCodes.ts).
 *
 * Every reproduction's instances are tasks spread over `--workers` worker threads (default:
 * the machine's cores); each task is a pure function of its settings and seed, so the
 * reports do not depend on the number of workers. Finished tasks are journaled in
 * reports/.sweeps/, so a killed run, started again with the same command, resumes there.
 * `--shard k/N` runs only the k-th of N disjoint slices and writes its results as JSON lines
 * (reports/shards/ by default) instead of reports; `--merge` (or `sim-audit merge`) turns the
 * N shards' files into the reports, computing nothing.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { InputError } from '../src/errors.js';
import { EXIT } from '../src/exitCodes.js';
import { parseShard, type Shard } from '../src/sweep/sweep.js';
import { createProgress } from '../src/sweep/progress.js';
import { REPRODUCTIONS } from './registry.js';
import { type ScaleComparison, writeIndex } from './writeIndex.js';
import { SCALE_NOTES } from './scaleNotes.js';
import { runReproductions, shardFiles, type Outcome } from './runner.js';
import type { Reproduction } from './framework.js';
import { reproduceJunit } from './reproduceJunit.js';
import { writeTextAtomic } from '../src/io/atomicWrite.js';

const here = fileURLToPath(import.meta.url);
const defaultOut = join(dirname(here), '..', 'reports');

interface Options {
  full?: boolean;
  out?: string;
  list?: boolean;
  workers: string;
  shard?: string;
  shards?: string;
  fresh?: boolean;
  merge?: boolean;
  index?: boolean;
  junit?: string;
}

/** The reproductions named on a command line (ids or names; none: all), or an error. */
export function choose(names: readonly string[]): Reproduction[] {
  const found = names.map((n) => REPRODUCTIONS.find((r) => r.id === n || r.name === n));
  const unknown = names.find((_, i) => found[i] === undefined);
  if (unknown !== undefined)
    throw new InputError(`unknown reproduction "${unknown}" (known: ${REPRODUCTIONS.map((r) => `${r.id} or ${r.name}`).join(', ')})`);
  return names.length === 0 ? [...REPRODUCTIONS] : [...new Set(found as Reproduction[])];
}

/** Log each outcome; returns the exit code: ok, usage when a reproduction failed on bad input
 *  (a missing or inconsistent shard file), internal when one failed otherwise. */
export function reportOutcomes(outcomes: readonly Outcome[], log: (line: string) => void, err: (line: string) => void): number {
  let code: number = EXIT.ok;
  for (const x of outcomes) {
    if (x.kind === 'report') {
      log(
        `${x.r.id}: ${x.r.title}: ${x.report.claims.map((c) => `${c.id} ${c.verdict} (margin ${c.margin.toFixed(3)})`).join('; ')}; ${x.seconds.toFixed(1)} s${x.report.run.tasks ? ` (its tasks ${x.report.run.tasks.seconds.toFixed(1)} s)` : ''}`,
      );
    } else if (x.kind === 'shard') {
      log(
        `${x.r.id}: shard done: ${x.computed} task(s) computed, ${x.replayed} replayed, ${x.elsewhere} left to other shards -> ${x.file}`,
      );
    } else {
      const e = x.error;
      code = Math.max(code, e instanceof InputError ? EXIT.usage : EXIT.internal);
      err(`${x.r.id}: failed: ${e instanceof InputError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  return code;
}

/** The verb's command line (commander), its output sent to `log` and `err`. */
function reproduceCommand(log: (line: string) => void, err: (line: string) => void): Command {
  return new Command('reproduce')
    .description('run the reproductions and write reports/')
    .argument('[names...]', `reproductions to run (default: all): ${REPRODUCTIONS.map((r) => `${r.id} (${r.name})`).join(', ')}`)
    .option('--full', 'paper scale instead of the quick defaults')
    .option('--out <DIR>', 'reports folder (default: reports/, or reports/full/ with --full)')
    .option('--workers <N>', 'worker threads the tasks are spread over (0: none, all on the main thread)', String(availableParallelism()))
    .option('--shard <k/N>', 'run only the k-th of N disjoint slices of the tasks; write JSON lines to --shards, no report')
    .option('--shards <DIR>', 'where shard files go (default: <out>/shards)')
    .option('--fresh', 'start over: drop the journal of an interrupted run instead of resuming it')
    .option('--merge', 'compute nothing: write the reports from the shard files in --shards (every slice of each reproduction)')
    .option(
      '--junit <FILE>',
      'also write a JUnit XML report: one test case per claim of the reports written (CI test views show it natively)',
    )
    .option('--index', 'compute nothing: rewrite the index (README.md) of the reports folder from the reports in it')
    .option('--list', 'list the reproductions and exit')
    .exitOverride()
    .configureOutput({ writeOut: (s) => log(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
}

/** Runs the chosen reproductions (or one shard of their tasks), writes the JUnit file if asked,
 *  and, unless sharding, the index; the exit code. */
async function runAndIndex(
  chosen: Reproduction[],
  a: {
    full: boolean;
    out: string;
    workers: number;
    shard: Shard | undefined;
    shardDir: string;
    fresh: boolean | undefined;
    junit: string | undefined;
  },
  log: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const { out, workers, shard, shardDir } = a;
  const started = performance.now();
  const progress = createProgress({ tty: Boolean(process.stderr.isTTY), write: (t) => process.stderr.write(t) });
  const outcomes = await runReproductions(chosen, {
    full: a.full,
    out,
    workers,
    mode: shard ? 'shard' : 'run',
    shard,
    shardDir,
    fresh: a.fresh,
    progress,
  });
  progress.stop();
  const code = reportOutcomes(outcomes, log, err);
  if (a.junit) writeTextAtomic(a.junit, reproduceJunit(outcomes, a.full));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (shard) {
    log(
      `shard ${shard.k}/${shard.of}: ${chosen.length} reproduction(s) in ${seconds} s; merge the ${shard.of} shards with \`npx sim-audit reproduce --merge --shards ${shardDir}\``,
    );
    return code;
  }
  const tally = writeIndex(out, REPRODUCTIONS, a.full ? quickComparison(out) : undefined);
  log(
    `wrote ${join(out, 'README.md')}; ${chosen.length} reproduction(s) with ${workers} worker(s) in ${seconds} s; claims in the index: ${tally.holds} hold, ${tally.doesNotHold} do not hold (findings, see the reports)`,
  );
  return code;
}

/** Run the command line `argv` (without node and the script); returns the exit code. */
export async function main(
  argv: readonly string[],
  log: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  const program = reproduceCommand(log, err);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw e;
  }
  const o = program.opts<Options>();
  if (o.list) {
    for (const r of REPRODUCTIONS) log(`${r.id}\t${r.name}\t${r.title}`);
    return EXIT.ok;
  }
  let chosen: Reproduction[], shard: Shard | undefined;
  const workers = Number(o.workers);
  try {
    if (!(Number.isInteger(workers) && workers >= 0)) throw new InputError(`--workers must be an integer >= 0, got "${o.workers}"`);
    chosen = choose(program.args);
    shard = o.shard === undefined ? undefined : parseShard(o.shard);
    if (shard && o.merge) throw new InputError('--shard and --merge exclude each other (run the slices first, then merge them)');
  } catch (e) {
    if (e instanceof InputError) {
      err(`reproduce: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
  const out = resolve(o.out ?? (o.full ? join(defaultOut, 'full') : defaultOut));
  const shardDir = resolve(o.shards ?? join(out, 'shards'));
  if (o.merge) return merge(chosen, program.args.length === 0, { full: Boolean(o.full), out, shardDir, junit: o.junit }, log, err);
  if (o.index) {
    const tally = writeIndex(out, REPRODUCTIONS, o.full ? quickComparison(out) : undefined);
    log(`wrote ${join(out, 'README.md')} from the reports there (${tally.holds} hold, ${tally.doesNotHold} do not hold)`);
    return EXIT.ok;
  }
  return runAndIndex(chosen, { full: Boolean(o.full), out, workers, shard, shardDir, fresh: o.fresh, junit: o.junit }, log, err);
}

/**
 * `--merge`: the reports from the shard files of `--shard k/N` runs (N of them per
 * reproduction), computing nothing: every task's result comes from a shard file, and a task
 * found in two files must carry the same result. `all`: no names were given, so merge every
 * reproduction that has a complete set of shard files.
 */
async function merge(
  chosen: Reproduction[],
  all: boolean,
  o: { full: boolean; out: string; shardDir: string; junit?: string },
  log: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (all) {
    chosen = chosen.filter((r) => {
      try {
        shardFiles(o.shardDir, r, o.full);
        return true;
      } catch {
        return false;
      }
    });
    if (chosen.length === 0) {
      err(`reproduce: no complete set of shard files in ${o.shardDir}${o.full ? ' (--full)' : ''}`);
      return EXIT.usage;
    }
  }
  const progress = createProgress({ tty: false, write: () => {} });
  const outcomes = await runReproductions(chosen, { full: o.full, out: o.out, workers: 0, mode: 'merge', shardDir: o.shardDir, progress });
  const code = reportOutcomes(outcomes, log, err);
  if (o.junit) writeTextAtomic(o.junit, reproduceJunit(outcomes, o.full));
  const tally = writeIndex(o.out, REPRODUCTIONS, o.full ? quickComparison(o.out) : undefined);
  log(
    `merged ${outcomes.filter((x) => x.kind === 'report').length} of ${chosen.length} reproduction(s) from ${o.shardDir}; wrote ${join(o.out, 'README.md')} (${tally.holds} hold, ${tally.doesNotHold} do not hold)`,
  );
  return code;
}

/** A paper-scale index compares itself with the quick reports (reports/). */
function quickComparison(out: string): ScaleComparison | undefined {
  const quick = resolve(defaultOut);
  if (resolve(out) === quick) return undefined;
  const link = relative(out, quick);
  return { dir: quick, link: link === '' ? './' : `${link.split('\\').join('/')}/`, notes: SCALE_NOTES };
}
