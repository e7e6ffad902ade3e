import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyBytes, readNpy, writeNpy } from '../../src/io/npy.js';
import { findPython } from '../pythonFinder.js';

const dir = mkdtempSync(join(tmpdir(), 'npy-'));
const python = findPython(['numpy']);

describe('.npy files', () => {
  it('round-trip float64 data of any shape, with a 64-byte aligned header', () => {
    const data = Float64Array.from([1.5, -0, 1e-300, Math.PI, 7, 8]);
    for (const shape of [[6], [2, 3], [3, 2]]) {
      const path = join(dir, `a${shape.join('x')}.npy`);
      writeNpy(path, data, shape);
      const back = readNpy(path);
      expect(back.shape).toEqual(shape);
      expect(Array.from(back.data)).toEqual(Array.from(data));
      expect((npyBytes(data, shape).length - 48) % 64).toBe(0);
    }
    expect(() => npyBytes(data, [4])).toThrow(/holds 4 numbers/);
    writeFileSync(join(dir, 'bad.npy'), 'not numpy');
    expect(() => readNpy(join(dir, 'bad.npy'))).toThrow(/not a .npy file/);
  });

  it.skipIf(!python)('numpy reads what we write and we read what numpy writes (needs python3 with numpy)', () => {
    const x = Float64Array.from({ length: 12 }, (_, i) => i / 7 - 0.5);
    writeNpy(join(dir, 'x.npy'), x, [4, 3]);
    const script = `import numpy as np; a = np.load(${JSON.stringify(join(dir, 'x.npy'))}); assert a.shape == (4, 3) and a.dtype == np.float64; np.save(${JSON.stringify(join(dir, 'y.npy'))}, a.T.copy() * 2); print(repr(float(a[1, 2])))`;
    const r = spawnSync(python!, ['-c', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(Number(r.stdout.trim())).toBe(x[5]);
    const y = readNpy(join(dir, 'y.npy'));
    expect(y.shape).toEqual([3, 4]);
    expect(y.data[1]).toBe(2 * x[3]); // (a.T)[0][1] = a[1][0]
  });
});
