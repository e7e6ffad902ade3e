/**
 * The worker threads' entry: run one task, `(await import(module))[name](args)`. Modules are
 * imported once per thread and cached by the runtime; a task function is a pure function of
 * its arguments (seeds included), so where it runs cannot change its result.
 */
export default async function runTask(task: { module: string; name: string; args: unknown }): Promise<unknown> {
  const mod = (await import(task.module)) as Record<string, unknown>;
  const f = mod[task.name];
  if (typeof f !== 'function') throw new Error(`task ${task.name} is not a function exported by ${task.module}`);
  return await (f as (a: unknown) => unknown)(task.args);
}
