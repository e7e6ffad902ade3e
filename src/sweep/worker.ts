/**
 * The worker threads' entry: run one task, `(await import(module))[name](args)`. Modules are
 * imported once per thread and cached by the runtime; a task function is a pure function of
 * its arguments (seeds included), so where it runs cannot change its result.
 */
export default async function runTask(task: { module: string; name: string; args: unknown }): Promise<unknown> {
  const mod = (await import(task.module)) as Record<string, unknown>;
  const f = mod[task.name];
  if (typeof f !== 'function') throw new Error(`task ${task.name} is not a function exported by ${task.module}`);
  const barrier = (task.args as { barrier?: Barrier } | null)?.barrier;
  if (!barrier) return await (f as (a: unknown) => unknown)(task.args);
  // a copy of a task run on every worker (TaskRunner.onEveryWorker): hold this thread until
  // every copy has started, so that no two copies share a thread
  const arrived = Atomics.add(barrier.counter, 0, 1) + 1;
  if (arrived === barrier.parties) Atomics.notify(barrier.counter, 0);
  const deadline = Date.now() + barrier.waitMs;
  for (let now = arrived; now < barrier.parties && Date.now() < deadline; now = Atomics.load(barrier.counter, 0))
    Atomics.wait(barrier.counter, 0, now, Math.max(1, deadline - Date.now()));
  return await (f as (a: unknown) => unknown)((task.args as { args: unknown }).args);
}

/** The barrier of a task run on every worker: a shared counter and how many must arrive. */
interface Barrier {
  readonly counter: Int32Array;
  readonly parties: number;
  readonly waitMs: number;
}
