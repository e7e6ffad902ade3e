import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli.js';
import { runReproductions } from '../../reproductions/runner.js';
import { r2 } from '../../reproductions/r2-error-vs-sigma.js';
import { createProgress } from '../../src/sweep/progress.js';

describe('sim-audit reproduce and merge', () => {
  it('reproduce is a verb of the one command line: --list names the reproductions, an unknown one exits 2 naming it', async () => {
    const list = await cli('reproduce', '--list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^r1\tr1-error-vs-eps\t/m);
    expect(list.out).toMatch(/^power\taudit-power\t/m);
    const bad = await cli('reproduce', 'r99');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown reproduction "r99"/);
    expect((await cli('reproduce', '--shard', '1/2', '--merge')).code).toBe(2);
  });

  it('refuses a folder without shard files, and a reproduction whose shards are incomplete, with exit 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'merge-'));
    const none = await cli('merge', '--shards', empty, '--out', empty);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no complete set of shard files/);
    const named = await cli('merge', 'r2', '--shards', empty, '--out', empty);
    expect(named.code).toBe(2);
    expect(named.err).toMatch(/no shard files for r2-error-vs-sigma/);
    expect((await cli('merge', 'r99', '--shards', empty)).err).toMatch(/unknown reproduction "r99"/);
  });

  it('writes the report and the index from the shards of two runs (1 and 2 workers)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'merge-'));
    const shardDir = join(out, 'shards');
    const progress = createProgress({ tty: false, write: () => {} });
    for (const [k, workers] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const [x] = await runReproductions([r2], { full: false, out, workers, mode: 'shard', shard: { k, of: 2 }, shardDir, progress });
      expect(x.kind).toBe('shard');
    }
    expect(existsSync(join(out, 'r2-error-vs-sigma.md'))).toBe(false);
    const merged = await cli('merge', '--shards', shardDir, '--out', out);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/merged 1 of 1 reproduction/);
    expect(readFileSync(join(out, 'r2-error-vs-sigma.md'), 'utf8')).toMatch(/R2-sigma-rate/);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/r2-error-vs-sigma\.md/);
  }, 120000);
});
