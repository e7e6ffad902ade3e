import { describe, expect, it } from 'vitest';
import { createTaskRunner } from '../../src/sweep/taskRunner.js';
import { task } from '../../reproductions/framework.js';
import { seededMean } from './toyTasks.js';

const TOY = new URL('./toyTasks.ts', import.meta.url).href;

describe('sweeps', () => {
  it('starts waiting tasks by priority, then cost, then arrival', async () => {
    const runner = createTaskRunner(1);
    const done: string[] = [];
    const go = (label: string, cost: number | undefined, priority = 0) =>
      runner
        .run(
          {
            ...task(TOY, seededMean, { seed: label.charCodeAt(0), n: label === 'A' ? 3e6 : 1000 }),
            ...(cost === undefined ? {} : { cost }),
          },
          priority,
        )
        .then(() => done.push(label));
    // A occupies the only worker; the rest wait and start in the scheduler's order
    const all = [go('A', 0), go('B', 1), go('C', 5), go('D', undefined, 1), go('E', 5)];
    await Promise.all(all);
    await runner.close();
    expect(done).toEqual(['A', 'D', 'C', 'E', 'B']);
  }, 60000);
});
