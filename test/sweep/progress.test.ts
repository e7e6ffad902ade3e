import { describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/sweep/progress.js';
import { summarize } from '../../src/stats/summary.js';

describe('sweeps', () => {
  it('the ETA follows the recent pace of computed tasks, printed or not', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const lines: string[] = [];
      const p = createProgress({ tty: false, write: (t) => lines.push(t), every: 3600 });
      for (let done = 1; done <= 5; done++) {
        vi.advanceTimersByTime(2000); // a task every 2 s
        p.update('a', { requested: 10, replayed: 0, computed: done, elsewhere: 0 });
      }
      expect(lines.at(-1)).toMatch(/^progress: 5\/10 tasks \(0 replayed\), 10s elapsed, ETA 10s\n$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('plain progress lines count tasks, replays and other shards', () => {
    const lines: string[] = [];
    const p = createProgress({ tty: false, write: (t) => lines.push(t), every: 0 });
    p.update('a', { requested: 10, replayed: 2, computed: 0, elsewhere: 0 });
    p.update('a', { requested: 10, replayed: 2, computed: 8, elsewhere: 0 });
    p.log('hello');
    expect(lines.at(-2)).toMatch(/^progress: 10\/10 tasks \(2 replayed\), \d+s elapsed, ETA 0s\n$/);
    expect(lines.at(-1)).toBe('hello\n');
    expect(summarize([1]).median).toBe(1);
  });
});
