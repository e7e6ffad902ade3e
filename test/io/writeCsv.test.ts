import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleHeader, writeSampleCsv } from '../../src/io/writeCsv.js';
import { readSampleCsv } from '../../src/io/readCsv.js';

describe('writeSampleCsv', () => {
  it('header x1..xd,y; reading the file back gives the same doubles bit for bit', () => {
    expect(sampleHeader(3)).toEqual(['x1', 'x2', 'x3', 'y']);
    const n = 5,
      d = 2;
    const x = Float64Array.from([0.1, -2e-300, 1 / 3, 5e300, -0, 7, 0.30000000000000004, 1e-7, 123456789.123, -1]);
    const y = Float64Array.from([1, 2 / 3, -0.5, 1e-320, 9]);
    const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 's.csv');
    writeSampleCsv(path, { n, d, x, y });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('x1,x2,y');
    const back = readSampleCsv(path);
    expect(back.n).toBe(n);
    expect(Array.from(back.x, (v) => v + 0)).toEqual(Array.from(x, (v) => v + 0));
    expect(Array.from(back.y)).toEqual(Array.from(y));
  });
});
