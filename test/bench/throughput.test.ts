import { describe, expect, it } from 'vitest';
import { bestTime, readBandwidth } from '../../src/bench/throughput.js';

describe('throughput', () => {
  it('bestTime is the minimum over repeats, in seconds', () => {
    let calls = 0;
    const t = bestTime(() => {
      calls++;
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += i;
      return s;
    }, 3);
    expect(calls).toBe(3);
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(5);
  });
  it('readBandwidth gives a positive, finite GB/s', () => {
    const gbs = readBandwidth(2 ** 22, 2);
    expect(Number.isFinite(gbs) && gbs > 0).toBe(true);
  });
});
