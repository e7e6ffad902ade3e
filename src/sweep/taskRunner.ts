import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

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
}

/** Runs tasks: on worker threads, or inline on the calling thread (workers = 0). */
export interface TaskRunner {
  readonly workers: number;
  run(task: Task): Promise<unknown>;
  close(): Promise<void>;
}

/** Default worker count: the machine's available parallelism. */
export function defaultWorkers(): number {
  return availableParallelism();
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
  return {
    workers,
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}

function inlineRunner(): TaskRunner {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    workers: 0,
    run(task) {
      const next = chain.then(async () => {
        // let the event loop turn between tasks, as it does while waiting for a worker
        await new Promise((r) => setImmediate(r));
        const mod = (await import(task.module)) as Record<string, unknown>;
        const f = mod[task.name];
        if (typeof f !== 'function') throw new Error(`task ${task.name} is not a function exported by ${task.module}`);
        return await (f as (a: unknown) => unknown)(task.args);
      });
      chain = next.catch(() => undefined);
      return next;
    },
    close: async () => { await chain; },
  };
}
