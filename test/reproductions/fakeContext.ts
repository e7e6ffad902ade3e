import { Journal } from '../../src/sweep/journal.js';
import { Sweep } from '../../src/sweep/sweep.js';
import { createTaskRunner, type Task, type TaskRunner } from '../../src/sweep/taskRunner.js';
import type { ReproductionContext } from '../../reproductions/framework.js';

/** A deterministic number in [0, 1) from any JSON-able value (FNV-1a of its JSON). */
export function hashUnit(value: unknown): number {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(value)) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/**
 * A reproduction context whose named tasks return made-up results (`fakes`, by task function
 * name) and whose other tasks (the figures' rendering) run inline: a reproduction's whole
 * `run` (plan, analysis, rendering, the report written) in a second, on results chosen to
 * make its claims hold or fail.
 */
export function fakeContext(
  out: string,
  reproduction: { name: string; title: string },
  fakes: Record<string, (args: never) => unknown>,
): ReproductionContext {
  const inline = createTaskRunner(0);
  const runner: TaskRunner = {
    workers: 0,
    run: (t: Task, priority?: number) => {
      const fake = fakes[t.name];
      return fake ? Promise.resolve(fake(t.args as never)) : inline.run(t, priority);
    },
    onEveryWorker: (t: Task) => inline.onEveryWorker(t),
    close: () => inline.close(),
  };
  return {
    full: false,
    out,
    log: () => {},
    writes: true,
    sweep: new Sweep({ runner, journal: new Journal(null) }),
    reproduction,
    started: performance.now(),
  };
}
