import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import runTask from './worker.js';

/**
 * A task: the exported function `name` of the module at URL `module`, called with `args`.
 * Task functions are pure functions of their (JSON-able) arguments, seeds included, and
 * return JSON-able results (numbers, strings, arrays, plain objects, Float64Array): where and
 * when a task runs cannot change what it returns.
 */
export interface Task {
  readonly module: string;
  readonly name: string;
  readonly args: unknown;
  /** A rough relative cost (e.g. n d times the fits), for scheduling only: when workers free
   *  up, the costliest waiting task starts first, so long tasks do not trail at the end.
   *  Not part of the task's identity. */
  readonly cost?: number;
}

/** Runs tasks: on worker threads, or inline on the calling thread (workers = 0). */
export interface TaskRunner {
  readonly workers: number;
  /** Run `task`; among waiting tasks, higher `priority` starts first, then higher cost, then
   *  the earlier one. `spent`, if given, receives the seconds the task ran (from its start on
   *  a worker to its result, waiting excluded). */
  run(task: Task, priority?: number, spent?: (seconds: number) => void): Promise<unknown>;
  /** Run `task` once on every worker thread (once inline), after the waiting tasks: for
   *  per-thread clean-up, such as closing the estimator processes a thread started. */
  onEveryWorker(task: Task): Promise<unknown[]>;
  close(): Promise<void>;
}

/** How long a task run on every worker waits for the others to arrive (a worker that never
 *  does is a bug, not a hang). */
const EVERY_WORKER_WAIT_MS = 30_000;

/** Default worker count: the machine's available parallelism. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Runs `body` with a task runner of `workers` threads ({@link createTaskRunner}), closed after
 *  it whatever happens. */
export async function withTaskRunner<T>(workers: number, body: (runner: TaskRunner) => Promise<T>): Promise<T> {
  const runner = createTaskRunner(workers);
  try {
    return await body(runner);
  } finally {
    await runner.close();
  }
}

/**
 * A runner with `workers` worker threads (piscina; each loads TypeScript through tsx, see
 * workerEntry.mjs), or with 0 an inline runner that runs one task at a time on this thread
 * (tests, debugging). Tasks start in the order they are submitted.
 */
export function createTaskRunner(workers: number): TaskRunner {
  if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`workers must be an integer >= 0, got ${workers}`);
  if (workers === 0) return inlineRunner();
  const pool = new Piscina({
    filename: new URL('./workerEntry.mjs', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // one task per thread at a time: tasks are CPU-bound
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
  });
  // The waiting tasks stay here, and piscina gets one task per idle worker, so the order in
  // which they start is ours: pilots (whose results unlock more tasks) first, then the
  // costliest (longest first keeps the end of a run from waiting on one long task).
  interface Job {
    task: Task;
    priority: number;
    cost: number;
    seq: number;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
    spent?: (seconds: number) => void;
  }
  const waiting: Job[] = [];
  let running = 0,
    seq = 0;
  const before = (a: Job, b: Job): boolean =>
    a.priority !== b.priority ? a.priority > b.priority : a.cost !== b.cost ? a.cost > b.cost : a.seq < b.seq;
  const pump = (): void => {
    while (running < workers && waiting.length > 0) {
      let best = 0;
      for (let i = 1; i < waiting.length; i++) if (before(waiting[i], waiting[best])) best = i;
      const job = waiting.splice(best, 1)[0];
      running++;
      const { cost: _cost, ...payload } = job.task;
      const started = performance.now();
      pool
        .run(payload)
        .then((v) => {
          job.spent?.((performance.now() - started) / 1000);
          job.resolve(v);
        }, job.reject)
        .finally(() => {
          running--;
          pump();
        });
    }
  };
  return {
    workers,
    run: (task, priority = 0, spent) =>
      new Promise((resolve, reject) => {
        waiting.push({ task, priority, cost: task.cost ?? 0, seq: seq++, resolve, reject, spent });
        pump();
      }),
    onEveryWorker: (task) => {
      // each copy waits at a barrier until all have started: a worker runs one task at a time,
      // so the copies land on `workers` different threads
      const barrier = new Int32Array(new SharedArrayBuffer(4));
      const copies = Array.from({ length: workers }, () => ({
        ...task,
        args: { barrier: { counter: barrier, parties: workers, waitMs: EVERY_WORKER_WAIT_MS }, args: task.args },
        name: task.name,
      }));
      return Promise.all(
        copies.map(
          (copy) =>
            new Promise<unknown>((resolve, reject) => {
              waiting.push({ task: copy, priority: -Infinity, cost: 0, seq: seq++, resolve, reject });
              pump();
            }),
        ),
      );
    },
    close: () => pool.destroy(),
  };
}

function inlineRunner(): TaskRunner {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    workers: 0,
    run(task, _priority, spent) {
      const next = chain.then(async () => {
        // let the event loop turn between tasks, as it does while waiting for a worker
        await new Promise((r) => setImmediate(r));
        const started = performance.now();
        const result = await runTask(task);
        spent?.((performance.now() - started) / 1000);
        return result;
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async onEveryWorker(task) {
      return [await this.run(task)];
    },
    close: async () => {
      await chain;
    },
  };
}
