import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { encode } from './codec.js';
import type { Journal } from './journal.js';
import type { Task, TaskRunner } from './taskRunner.js';

/** The k-th (1-based) of N disjoint slices of every sweep. */
export interface Shard {
  readonly k: number;
  readonly of: number;
}

/** Parse `k/N` (1 <= k <= N). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN,
    of = m ? Number(m[2]) : NaN;
  if (!m || !(of >= 1) || !(k >= 1 && k <= of)) throw new InputError(`--shard must be k/N with 1 <= k <= N, got "${text}"`);
  return { k, of };
}

/** Counts a sweep reports as it goes (for progress bars and logs). */
export interface SweepCounts {
  /** Tasks asked for so far (known only as the work unfolds). */
  readonly requested: number;
  /** Of those, found in the journal (an earlier run or another shard). */
  readonly replayed: number;
  /** Finished in this run. */
  readonly computed: number;
  /** Left to other shards. */
  readonly elsewhere: number;
}

export interface SweepOptions {
  readonly runner: TaskRunner;
  readonly journal: Journal;
  /** Run only this slice (tasks of other slices stay pending: see `idle`). */
  readonly shard?: Shard;
  /** false: never run a task, only replay the journal (a merge); a missing task is an error. */
  readonly compute?: boolean;
  readonly onCount?: (c: SweepCounts) => void;
}

/**
 * Spreads a computation's tasks over a runner, journals each result as it finishes, and
 * replays journaled results instead of running them again (resume, merge).
 *
 * A task's key is its function name and a hash of its module's path (from the package root),
 * function and arguments, so it is the same on every machine and in every shard. A shard owns the tasks
 * whose key hash falls in its slice. In a sharded run a task of another slice never
 * resolves: code that needs it waits forever, and the runner ends the shard when nothing is
 * left to run (`idle`). So computations should ask for all their independent tasks before
 * awaiting any (Promise.all), and mark with `whole` the few whose results decide what is
 * asked next (pilots): every shard runs those whole.
 */
export class Sweep {
  private requested = 0;
  private replayed = 0;
  private computed = 0;
  private elsewhere = 0;
  private running = 0;
  private seconds = 0;
  private idleWaiters: (() => void)[] = [];
  private checkScheduled = false;

  constructor(private readonly o: SweepOptions) {}

  /** Run (or replay) every task; results in task order. */
  map<R>(tasks: readonly Task[], opts: { whole?: boolean } = {}): Promise<R[]> {
    return Promise.all(tasks.map((t) => this.task<R>(t, opts)));
  }

  /** Run (or replay) one task. */
  task<R>(t: Task, opts: { whole?: boolean } = {}): Promise<R> {
    const { key, slot } = taskKey(t);
    this.requested++;
    if (this.o.journal.has(key)) {
      this.replayed++;
      this.count();
      return Promise.resolve(this.o.journal.get<R>(key) as R);
    }
    if (this.o.compute === false) {
      return Promise.reject(
        new InputError(
          `task ${key} has no result in the shard files: a shard is missing or did not finish (or the computation asked for this task only after awaiting another shard's: independent tasks must be asked for together)`,
        ),
      );
    }
    const s = this.o.shard;
    if (s && !opts.whole && slot % s.of !== s.k - 1) {
      this.elsewhere++;
      this.count();
      this.scheduleIdleCheck();
      return new Promise<R>(() => {
        /* another shard's task: never resolves here */
      });
    }
    this.running++;
    this.count();
    // pilots first: their results unlock the tasks they decide
    return this.o.runner.run(t, opts.whole ? 1 : 0, this.spend).then(
      (result) => {
        this.running--;
        this.computed++;
        const r = this.o.journal.record<R>(key, result);
        this.count();
        this.scheduleIdleCheck();
        return r;
      },
      (err: unknown) => {
        this.running--;
        this.scheduleIdleCheck();
        throw err;
      },
    );
  }

  /**
   * Run a task on the workers without the journal (no key, no shard slice, never replayed):
   * for work that is cheap to redo and heavy to store, such as rendering a report's figures,
   * which keeps the main thread free to hand tasks to the workers. Inline in a merge.
   */
  direct<R>(t: Task): Promise<R> {
    // figures: the last step of a report, whose writing frees its memory; ahead of the sweeps
    return this.o.runner.run(t, 2, this.spend) as Promise<R>;
  }

  /** Seconds the tasks this sweep ran took on the runner's threads (computed and direct ones;
   *  replayed tasks cost nothing here): the work behind a report, which its wall time, shared
   *  with every other report of the run, does not tell. */
  taskSeconds(): number {
    return this.seconds;
  }

  private readonly spend = (seconds: number): void => {
    this.seconds += seconds;
  };

  /** Resolves once no task is running and none was asked for since (checked after the event
   *  loop has turned, so code resuming from a finished task has had its chance to ask). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.scheduleIdleCheck();
    });
  }

  counts(): SweepCounts {
    return { requested: this.requested, replayed: this.replayed, computed: this.computed, elsewhere: this.elsewhere };
  }

  private count(): void {
    this.o.onCount?.(this.counts());
  }

  private scheduleIdleCheck(): void {
    if (this.checkScheduled) return;
    this.checkScheduled = true;
    setImmediate(() => {
      this.checkScheduled = false;
      if (this.running === 0) {
        const w = this.idleWaiters;
        this.idleWaiters = [];
        for (const f of w) f();
      }
    });
  }
}

/** The package's root: task modules are named relative to it, the same on every checkout. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A task's journal key and its shard slot. */
export function taskKey(t: Task): { key: string; slot: number } {
  const file = relative(PROJECT_ROOT, fileURLToPath(t.module)).replace(/\.[cm]?[jt]s$/, '');
  const hash = createHash('sha256')
    .update(`${file}\u0000${t.name}\u0000${encode(t.args)}`)
    .digest('hex');
  return { key: `${t.name}:${hash.slice(0, 20)}`, slot: parseInt(hash.slice(0, 8), 16) };
}
