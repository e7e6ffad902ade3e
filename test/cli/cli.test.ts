import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-cli-'));

describe('CLI', () => {
  it('simulate -> fit -> attack -> fit: the documented contract', async () => {
    const sim = await cli(
      'simulate',
      '--d',
      '5',
      '--n',
      '400',
      '--link',
      'gelu',
      '--noise',
      'student-t:3',
      '--sigma',
      '0.2',
      '--eps',
      '0.05',
      '--adversary',
      'label-shift',
      '--norm',
      '1',
      '--seed',
      '2',
      '--out',
      dir,
    );
    expect(sim.code).toBe(0);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    expect(truth.wstar).toHaveLength(5);
    expect(truth.corrupted).toHaveLength(20);
    expect(truth.settings).toMatchObject({
      d: 5,
      n: 400,
      link: 'gelu',
      noise: 'student-t:3',
      eps: 0.05,
      adversary: 'label-shift',
      seed: 2,
    });

    const f = await cli('fit', '--data', join(dir, 'data.csv'), '--link', 'gelu', '--eps', '0.05', '--json');
    expect(f.code).toBe(0);
    const res = JSON.parse(f.out);
    expect(Object.keys(res)).toEqual(expect.arrayContaining(['w', 'method', 'iterations', 'seconds']));
    expect(res.method).toBe('robust');
    const err = Math.hypot(...res.w.map((t: number, j: number) => t - truth.wstar[j]));
    expect(err).toBeLessThan(0.3);

    writeFileSync(join(dir, 'fit.json'), f.out);
    const a = await cli(
      'attack',
      '--data',
      join(dir, 'data.csv'),
      '--wstar',
      join(dir, 'fit.json'),
      '--link',
      'gelu',
      '--adversary',
      'leverage',
      '--eps',
      '0.1',
      '--seed',
      '1',
      '--out',
      join(dir, 'attacked.csv'),
    );
    expect(a.code).toBe(0);
    const rows = JSON.parse(readFileSync(join(dir, 'attacked.rows.json'), 'utf8'));
    expect(rows.corrupted).toHaveLength(40);
    const human = await cli('fit', '--data', join(dir, 'attacked.csv'), '--link', 'gelu', '--method', 'huber');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/method huber/);
    expect(human.out).toMatch(/^x5\t/m);
  });

  it('list --json names everything the verbs accept', async () => {
    const r = await cli('list', '--json');
    const names = JSON.parse(r.out);
    expect(names.adversaries).toHaveLength(8);
    expect(names.methods).toContain('robust');
    expect(names.links).toContain('swish');
    expect((await cli('list')).out).toMatch(/covariance-shift/);
  });

  it('--help exits 0', async () => {
    const r = await cli('fit', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--data/);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['no verb', [], /missing command/],
    ['unknown verb', ['frobnicate'], /unknown command 'frobnicate'/],
    ['unknown option', ['list', '--nope'], /unknown option '--nope'/],
    ['missing --data', ['fit', '--link', 'gelu'], /required option '--data/],
    ['missing file', ['fit', '--data', '/nonexistent/x.csv', '--link', 'gelu'], /cannot read .*no such file/],
    ['unknown link', ['simulate', '--d', '2', '--n', '10', '--link', 'elu', '--out', 'x'], /unknown link "elu"/],
    ['unknown noise', ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--noise', 'cauchy', '--out', 'x'], /unknown noise/],
    [
      'unknown adversary',
      ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--eps', '0.1', '--adversary', 'zzz', '--out', 'x'],
      /unknown adversary "zzz"/,
    ],
    ['eps = 0.5', ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--eps', '0.5', '--out', 'x'], /--eps must be in \[0, 0.5\)/],
    ['eps NaN', ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--eps', 'NaN', '--out', 'x'], /--eps must be a finite number/],
    ['n < d + 1', ['simulate', '--d', '20', '--n', '10', '--link', 'gelu', '--out', 'x'], /too few rows/],
    ['d not an integer', ['simulate', '--d', '2.5', '--n', '10', '--link', 'gelu', '--out', 'x'], /--d must be an integer/],
    ['sigma negative', ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--sigma', '-1', '--out', 'x'], /sigma must be/],
    ['norm zero', ['simulate', '--d', '2', '--n', '10', '--link', 'gelu', '--norm', '0', '--out', 'x'], /norm must be/],
    ['unknown method', ['fit', '--data', 'DATA', '--link', 'gelu', '--method', 'magic'], /unknown method "magic"/],
    [
      'bad weights file',
      ['attack', '--data', 'DATA', '--wstar', 'BADW', '--link', 'gelu', '--adversary', 'leverage', '--eps', '0.1', '--out', 'OUT'],
      /not valid JSON/,
    ],
    [
      'weights of the wrong length',
      ['attack', '--data', 'DATA', '--wstar', 'SHORTW', '--link', 'gelu', '--adversary', 'leverage', '--eps', '0.1', '--out', 'OUT'],
      /has 2 numbers but .* has 5 covariate columns/,
    ],
    ['ragged csv', ['fit', '--data', 'RAGGED', '--link', 'gelu'], /fields, the header has/],
  ];
  it.each(bad)('%s: exit 2 with one line on stderr, nothing on stdout', async (_, argv, message) => {
    writeFileSync(join(dir, 'bad.json'), '{oops');
    writeFileSync(join(dir, 'short.json'), '[1,2]');
    writeFileSync(join(dir, 'ragged.csv'), 'a,y\n1,2\n3\n');
    const sub = (t: string): string =>
      (
        ({
          DATA: join(dir, 'data.csv'),
          BADW: join(dir, 'bad.json'),
          SHORTW: join(dir, 'short.json'),
          RAGGED: join(dir, 'ragged.csv'),
          OUT: join(dir, 'never.csv'),
          x: join(dir, 'never'),
        }) as Record<string, string>
      )[t] ?? t;
    const r = await cli(...argv.map(sub));
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^sim-audit: /);
    expect(lines[lines.length - 1]).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.out).not.toMatch(/NaN/);
    expect(existsSync(join(dir, 'never.csv'))).toBe(false);
  });
});
