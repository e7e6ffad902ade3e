import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInstance } from '../../src/instance/instance.js';
import { writeNpy } from '../../src/io/npy.js';
import { isNpy, readSample, writeSample } from '../../src/io/sampleFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inst = generateInstance({ d: 4, n: 300, norm: 1, link: 'gelu', noise: 'pareto', sigma: 1, eps: 0.1, adversary: 'leverage', seed: 5 });
const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('samples as CSV or .npy', () => {
  it('reads back what it wrote, bit for bit, as CSV, as one .npy (response last) and as x.npy with --y y.npy', () => {
    for (const name of ['s.csv', 's.npy']) {
      const path = join(dir, name);
      writeSample(path, inst.sample);
      const back = readSample(path);
      expect(same(back.x, inst.sample.x) && same(back.y, inst.sample.y)).toBe(true);
      expect(back.columns).toEqual(['x1', 'x2', 'x3', 'x4']);
    }
    writeNpy(join(dir, 'x.npy'), inst.sample.x, [300, 4]);
    writeNpy(join(dir, 'y.npy'), inst.sample.y, [300]);
    const split = readSample(join(dir, 'x.npy'), join(dir, 'y.npy'));
    expect(same(split.x, inst.sample.x) && same(split.y, inst.sample.y)).toBe(true);
    expect(isNpy('A.NPY')).toBe(true);
  });

  it('names what is wrong: shapes, a non-finite value, too few rows, --y with CSV, a missing file', () => {
    writeNpy(join(dir, 'y2.npy'), new Float64Array(299), [299]);
    expect(() => readSample(join(dir, 'x.npy'), join(dir, 'y2.npy'))).toThrow(/must have shape \(300,\)/);
    writeNpy(join(dir, 'flat.npy'), new Float64Array(10), [10]);
    expect(() => readSample(join(dir, 'flat.npy'))).toThrow(/one \.npy holds shape \(n, d \+ 1\)/);
    const bad = Float64Array.from(inst.sample.x);
    bad[4 * 7 + 2] = Number.NaN;
    writeNpy(join(dir, 'bad.npy'), bad, [300, 4]);
    expect(() => readSample(join(dir, 'bad.npy'), join(dir, 'y.npy'))).toThrow(/covariate at row 8, column 3 is NaN/);
    writeNpy(join(dir, 'few.npy'), new Float64Array(12), [3, 4]);
    expect(() => readSample(join(dir, 'few.npy'))).toThrow(/too few rows: n = 3/);
    expect(() => readSample(join(dir, 's.csv'), join(dir, 'y.npy'))).toThrow(/--y goes with a \.npy covariate file/);
    expect(() => readSample(join(dir, 'none.npy'))).toThrow(/cannot read .*none\.npy: no such file/);
  });
});
