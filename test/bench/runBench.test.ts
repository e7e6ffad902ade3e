import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('sim-audit bench --smoke', () => {
  it('runs every step at tiny sizes and writes a report marked as a smoke run', async () => {
    const { run } = await import('../../src/cli/main.js');
    const out = mkdtempSync(join(tmpdir(), 'bench-cli-'));
    let stdout = '',
      stderr = '';
    const code = await run(['bench', '--smoke', '--json', '--out', out], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.name).toBe('bench');
    expect(json.claims.map((c: { id: string }) => c.id)).toContain('B4-no-dxd');
    expect(json.settings.wide.largestArray).toBeLessThan(600 * 600);
    expect(readFileSync(join(out, 'bench.md'), 'utf8')).toMatch(/SMOKE RUN/);
    expect(stderr).toMatch(/bench: read bandwidth/);
  }, 120000);
});
