import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSampleCsv, readSampleCsv } from '../../src/io/readCsv.js';
import { writeSampleCsv } from '../../src/io/writeCsv.js';
import { generateInstance } from '../../src/instance/instance.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-io-'));

describe('CSV', () => {
  it('round-trips a sample bit for bit, y in any column', () => {
    const inst = generateInstance({
      d: 7,
      n: 50,
      norm: 1,
      link: 'gelu',
      noise: 'pareto',
      sigma: 1,
      eps: 0.1,
      adversary: 'leverage',
      seed: 3,
    });
    const path = join(dir, 'rt.csv');
    writeSampleCsv(path, inst.sample);
    const back = readSampleCsv(path);
    expect(Array.from(back.x)).toEqual(Array.from(inst.sample.x));
    expect(Array.from(back.y)).toEqual(Array.from(inst.sample.y));
    expect(back.columns).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    const moved = parseSampleCsv('y,a,b\n1,2,3\n4,5,6\n7,8,9.5\n');
    expect(Array.from(moved.y)).toEqual([1, 4, 7]);
    expect(Array.from(moved.x)).toEqual([2, 3, 5, 6, 8, 9.5]);
    expect(moved.columns).toEqual(['a', 'b']);
  });

  it('accepts CRLF, a BOM, quoted numbers and blank lines', () => {
    const s = parseSampleCsv('\ufeffa,y\r\n1,"2"\r\n\r\n3,4\r\n5,6\r\n');
    expect(s.n).toBe(3);
    expect(Array.from(s.y)).toEqual([2, 4, 6]);
  });

  it.each([
    ['', /empty/],
    ['a,b\n1,2\n', /no column named "y"/],
    ['y\n1\n2\n', /no covariate columns/],
    ['a,a,y\n1,2,3\n', /names column "a" twice/],
    ['a,,y\n1,2,3\n', /empty column name/],
    ['a,y\n', /no data rows/],
    ['a,y\n1,2\n3\n4,5\n', /line 3: 1 fields, the header has 2/],
    ['a,y\n1,2\n3,4,5\n', /line 3: 3 fields/],
    ['a,y\n1,2\nfoo,4\n', /line 3, column "a": "foo" is not a finite number/],
    ['a,y\n1,NaN\n2,3\n', /column "y": "NaN" is not a finite number/],
    ['a,y\n1,2\nInfinity,3\n', /"Infinity" is not a finite number/],
    ['a,y\n1e999,2\n1,2\n', /"1e999" is not a finite number/],
    ['a,y\n1,\n2,3\n', /empty field/],
    ['a,b,y\n1,2,3\n', /too few rows: n = 1/],
  ])('rejects %j', (text, message) => {
    expect(() => parseSampleCsv(text, 'f.csv')).toThrow(message);
  });

  it('reads a file in two halves on two threads exactly as in one: the same values, bit for bit, and the same errors at the same lines', () => {
    const inst = generateInstance({
      d: 5,
      n: 400,
      norm: 1,
      link: 'gelu',
      noise: 'pareto',
      sigma: 1,
      eps: 0.1,
      adversary: 'leverage',
      seed: 4,
    });
    const path = join(dir, 'two.csv');
    writeSampleCsv(path, inst.sample);
    const one = readSampleCsv(path, { parallelFrom: Infinity });
    const two = readSampleCsv(path, { parallelFrom: 0 });
    const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
    expect(two.n).toBe(400);
    expect(same(two.x, one.x) && same(two.y, one.y)).toBe(true);
    expect(two.columns).toEqual(one.columns);
    // blank lines and an error in the later half: the line counted as in one pass
    const lines = ['a,y', ...Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? '' : `${i},${i / 3}`))];
    lines[50] = '7,oops';
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const message = (from: number): string => {
      try {
        readSampleCsv(bad, { parallelFrom: from });
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(message(0)).toBe(message(Infinity));
    expect(message(0)).toMatch(/line \d+, column "y": "oops" is not a finite number/);
    // and one in the first half wins over the second's
    lines[5] = '1,2,3';
    writeFileSync(bad, `${lines.join('\n')}\n`);
    expect(message(0)).toBe(message(Infinity));
    expect(message(0)).toMatch(/fields, the header has 2/);
    // quotes, CRLF and a BOM are read in one pass whatever the size
    const crlf = join(dir, 'crlf.csv');
    writeFileSync(crlf, '\ufeffa,y\r\n1,"2"\r\n\r\n3,4\r\n5,6\r\n');
    expect(Array.from(readSampleCsv(crlf, { parallelFrom: 0 }).y)).toEqual([2, 4, 6]);
    // a blank first line: the header is the first non-empty line, as in one pass
    const blank = join(dir, 'blank.csv');
    writeFileSync(blank, '\n  \na,y\n1,2\n3,4\n5,6\n7,8\n');
    expect(Array.from(readSampleCsv(blank, { parallelFrom: 0 }).y)).toEqual([2, 4, 6, 8]);
  });

  it('names a missing file or a folder', () => {
    expect(() => readSampleCsv(join(dir, 'nope.csv'))).toThrow(/cannot read .*nope.csv: no such file/);
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect(() => readSampleCsv(join(dir, 'folder'))).toThrow(/is not a file/);
  });
});
