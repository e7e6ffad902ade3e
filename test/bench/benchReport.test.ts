import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_TARGETS, benchClaims, writeBenchReport } from '../../src/bench/benchReport.js';
import { BENCH_DEFAULTS, type BenchResult } from '../../src/bench/runBench.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('benchClaims turns figures into target verdicts, and the report is written', async () => {
    const fitLine = { slope: 1.02, intercept: 0, lower: 0.98, upper: 1.06, points: 3 };
    const r: BenchResult = {
      settings: BENCH_DEFAULTS,
      bandwidth: { js: 20, wasm: 25, limit: 25 },
      kernels: [
        { kernel: 'gemv', does: 'X v', passes: 1, jsGBs: 6, wasmGBs: 20, n: 100, d: 50 },
        { kernel: 'gradient', does: 'g', passes: 2, jsGBs: 4, wasmGBs: 10, n: 100, d: 50 },
      ],
      fits: {
        points: [{ n: 20000, d: 50, seconds: 1, iterations: 50, passes: 400, error: 0.03 }],
        total: { ...fitLine, slope: 0.8 },
        perIteration: fitLine,
      },
      wide: { n: 20000, d: 1000, largestArray: 20000, seconds: 3 },
      memory: { n: 1000, d: 100, bytes: 1000 * 100 * 10, bytesPerNumber: 10 },
      smallFits: [
        // 100 passes made: the bound is 150 passes of X; 120 holds
        { d: 5, n: 20000, link: 'gelu', fitMs: 12, passMs: 0.1, iterations: 20, countedPasses: 100, passesOfX: 120, nsPerRowIteration: 30 },
        // 300 passes made: 150 is impossible, the bound is 3 x 300 = 900; 1000 does not hold
        {
          d: 10,
          n: 2000,
          link: 'tanh',
          fitMs: 20,
          passMs: 0.02,
          iterations: 50,
          countedPasses: 300,
          passesOfX: 1000,
          nsPerRowIteration: 200,
        },
      ],
    };
    const claims = benchClaims(r);
    const verdict = (id: string) => claims.find((c) => c.id === id)!.verdict;
    expect(verdict('B1-gemv-d50')).toBe('holds'); // 20 / 25 = 0.8 >= 0.5
    expect(verdict('B1-gradient-d50')).toBe('does not hold'); // 0.4
    expect(verdict('B2-fit-time-exponent')).toBe('does not hold'); // |0.8 - 1| > 0.1
    expect(verdict('B2-per-iteration-exponent')).toBe('holds');
    expect(verdict('B5-passes-per-iteration')).toBe('does not hold'); // 400 / 50 = 8 > 6
    // floor: 400 passes of 8 x 1e6 bytes at gemv's 20 GB/s = 0.16 s; 1 s / 0.16 s = 6.25 > 3
    expect(claims.find((c) => c.id === 'B6-fit-over-floor')!.measured).toBeCloseTo(6.25, 10);
    expect(verdict('B3-peak-memory')).toBe(10 < BENCH_TARGETS.bytesPerNumber ? 'holds' : 'does not hold');
    expect(verdict('B4-no-dxd')).toBe('holds');
    expect(verdict('B7-small-fit-d5-n20000-gelu')).toBe('holds');
    expect(claims.find((c) => c.id === 'B7-small-fit-d10-n2000-tanh')!.bound).toBe(900);
    expect(verdict('B7-small-fit-d10-n2000-tanh')).toBe('does not hold');
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    const json = await writeBenchReport(dir, r, 1.5);
    expect(json.claims).toHaveLength(claims.length);
    const md = readFileSync(join(dir, 'bench.md'), 'utf8');
    expect(md).toContain('| gemv | X v | 50 | 1 | 6 | 20 | 0.8 | 0.24 |');
    expect(JSON.parse(readFileSync(join(dir, 'bench.json'), 'utf8')).name).toBe('bench');
  }, 30000);
});
