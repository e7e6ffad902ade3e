import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli/main.js';
import { PROFILE } from './support.js';

/**
 * P8: the suite turned on itself. fast-check generates malformed inputs for every reader and
 * verb; each must exit 2 with one line `sim-audit: ...`, never crash (exit 3), hang, print a
 * stack trace or NaN, and never write an output file. Quick: 300 inputs; deep: 10^4.
 */
const dir = mkdtempSync(join(tmpdir(), 'sim-audit-p8-'));
const RUNS = PROFILE.name === 'deep' ? 10_000 : 300;

const numberText: fc.Arbitrary<string> = fc.constantFrom('0', '1', '-2.5', '3e-3', '0.125', '7');
const badField = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-1e400', 'abc', '', '1,5', '0x1g', '--1', '1e', '"', 'null');

/** A CSV broken in one of the ways a user's file is. */
const brokenCsv = fc
  .record({
    d: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 6, max: 12 }),
    cells: fc.array(numberText, { minLength: 60, maxLength: 60 }),
    kind: fc.constantFrom(
      'ragged-short',
      'ragged-long',
      'bad-value',
      'no-y',
      'duplicate-column',
      'empty',
      'header-only',
      'too-few-rows',
      'blank-header-name',
    ),
    row: fc.nat(),
    col: fc.nat(),
    bad: badField,
  })
  .map(({ d, n, cells, kind, row, col, bad }) => {
    const header = [...Array.from({ length: d }, (_, j) => `x${j + 1}`), 'y'];
    const rows = Array.from({ length: n }, (_, i) => Array.from({ length: d + 1 }, (_, j) => cells[(i * (d + 1) + j) % cells.length]));
    const r = row % n,
      c = col % (d + 1);
    switch (kind) {
      case 'ragged-short':
        rows[r].pop();
        break;
      case 'ragged-long':
        rows[r].push('1');
        break;
      case 'bad-value':
        rows[r][c] = bad === '1,5' ? '"1,5"' : bad === '"' ? '"1' : bad;
        break;
      case 'no-y':
        header[d] = 'z';
        break;
      case 'duplicate-column':
        header[c === d ? 0 : c] = header[(c + 1) % (d + 1)] === 'y' ? (header[0] === 'y' ? 'x1' : header[0]) : header[(c + 1) % (d + 1)];
        if (new Set(header).size === header.length) header[0] = header[1];
        break;
      case 'empty':
        return '';
      case 'header-only':
        return `${header.join(',')}\n`;
      case 'too-few-rows':
        return `${[header.join(','), ...rows.slice(0, d).map((x) => x.join(','))].join('\n')}\n`;
      case 'blank-header-name':
        header[c === d ? 0 : c] = '';
        break;
    }
    return `${[header.join(','), ...rows.map((x) => x.join(','))].join('\n')}\n`;
  });

const junkName = fc.oneof(
  fc.constantFrom('elu', 'GELU', 'gelu ', 'relu6', 'cauchy', 'student-t:2', 'pareto:1', 'student-t:x', 'none2', ''),
  fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((s) => !/^(gelu|swish|relu|tanh|sigmoid|linear|abs|square|leaky-relu|gaussian|laplace)$/.test(s)),
);
const badEps = fc.constantFrom('-0.1', '0.5', '0.7', '1', 'NaN', 'abc', '', 'Infinity', '1e999');
const badInt = fc.constantFrom('0', '-3', '2.5', 'x', '', '1e400', 'NaN');
const badJson = fc.constantFrom('', '{', '[]', '[1, "a"]', '{"w": [1, null]}', '{"v": [1]}', 'null', '42', '[1e999]', '{"w": []}');

/** One malformed invocation: the argv, and files to write first. */
const invocation = fc.oneof(
  brokenCsv.map((csv) => ({ files: { 'in.csv': csv }, argv: ['fit', '--data', '@in.csv', '--link', 'gelu', '--json'] })),
  brokenCsv.map((csv) => ({
    files: { 'in.csv': csv, 'w.json': '[1,2,3,4]' },
    argv: [
      'attack',
      '--data',
      '@in.csv',
      '--wstar',
      '@w.json',
      '--link',
      'gelu',
      '--adversary',
      'leverage',
      '--eps',
      '0.1',
      '--out',
      '@out.csv',
    ],
  })),
  badJson.map((json) => ({
    files: { 'in.csv': 'x1,x2,y\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n', 'w.json': json },
    argv: [
      'attack',
      '--data',
      '@in.csv',
      '--wstar',
      '@w.json',
      '--link',
      'gelu',
      '--adversary',
      'sign-flip',
      '--eps',
      '0.1',
      '--out',
      '@out.csv',
    ],
  })),
  fc.tuple(fc.constantFrom('--link', '--noise', '--adversary'), junkName).map(([flag, name]) => ({
    files: {},
    argv: [
      'simulate',
      '--d',
      '3',
      '--n',
      '50',
      '--link',
      'gelu',
      '--eps',
      '0.1',
      '--adversary',
      'label-shift',
      flag,
      name,
      '--out',
      '@sim',
    ],
  })),
  junkName.map((name) => ({
    files: { 'in.csv': 'x1,y\n1,2\n2,3\n3,4\n' },
    argv: ['fit', '--data', '@in.csv', '--link', 'gelu', '--method', name],
  })),
  junkName.map((name) => ({ files: {}, argv: ['landscape', '--link', name, '--json'] })),
  fc.tuple(fc.constantFrom('simulate', 'attack'), badEps).map(([verb, eps]) =>
    verb === 'simulate'
      ? { files: {}, argv: ['simulate', '--d', '3', '--n', '50', '--link', 'gelu', '--eps', eps, '--out', '@sim'] }
      : {
          files: { 'in.csv': 'x1,y\n1,2\n2,3\n3,4\n', 'w.json': '[1]' },
          argv: [
            'attack',
            '--data',
            '@in.csv',
            '--wstar',
            '@w.json',
            '--link',
            'gelu',
            '--adversary',
            'leverage',
            '--eps',
            eps,
            '--out',
            '@out.csv',
          ],
        },
  ),
  fc
    .tuple(fc.constantFrom('--d', '--n', '--seed'), badInt)
    .filter(([flag, v]) => flag !== '--seed' || !['0', '-3'].includes(v))
    .map(([flag, v]) => ({ files: {}, argv: ['simulate', '--d', '3', '--n', '50', '--link', 'gelu', flag, v, '--out', '@sim'] })),
  fc
    .integer({ min: 2, max: 30 })
    .map((d) => ({ files: {}, argv: ['simulate', '--d', String(d), '--n', String(d), '--link', 'gelu', '--out', '@sim'] })),
  fc
    .constantFrom(
      ['--nope'],
      ['fit'],
      ['fit', '--data'],
      ['audit', '--estimator', 'no-such-thing'],
      ['audit', '--estimator', 'robust', '--profile', 'slow'],
      ['landscape', '--link', 'gelu', '--norm', '0'],
    )
    .map((argv) => ({ files: {}, argv })),
);

describe('P8 malformed input', () => {
  it(`every verb answers ${RUNS} malformed inputs with exit 2 and one line, no NaN, no output file`, async () => {
    let counter = 0;
    await fc.assert(
      fc
        .asyncProperty(invocation, async ({ files, argv }) => {
          const sub = join(dir, String(counter++));
          const at = (t: string): string => (t.startsWith('@') ? join(sub, t.slice(1)) : t);
          rmSync(sub, { recursive: true, force: true });
          (await import('node:fs')).mkdirSync(sub, { recursive: true });
          for (const [name, text] of Object.entries(files)) {
            writeFileSync(at(`@${name}`), text, { flag: 'w' });
          }
          let out = '',
            err = '';
          const code = await run(argv.map(at), {
            stdout: (t) => {
              out += t;
            },
            stderr: (t) => {
              err += t;
            },
          });
          const lines = err.trim().split('\n');
          expect(code, `${argv.join(' ')} -> ${err}`).toBe(2);
          expect(lines[lines.length - 1]).toMatch(/^sim-audit: \S/);
          expect(err).not.toMatch(/\n\s+at |internal error/);
          expect(out).not.toMatch(/NaN/);
          expect(existsSync(at('@out.csv'))).toBe(false);
          expect(existsSync(join(at('@sim'), 'data.csv'))).toBe(false);
        })
        .beforeEach(() => {
          /* each run uses its own folder */
        }),
      { numRuns: RUNS, seed: PROFILE.seed },
    );
  });
});
