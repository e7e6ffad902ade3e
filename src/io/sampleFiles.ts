import { statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { allocMatrix } from '../kernels/wasmKernels.js';
import { markValidated, requireRows, type Sample } from '../model/sample.js';
import { writeFileAtomic } from './atomicWrite.js';
import { describeFsError } from './describeFsError.js';
import { npyBytes, readNpy } from './npy.js';
import { type CsvSample, readSampleCsv } from './readCsv.js';
import { writeSampleCsv } from './writeCsv.js';

/** Whether `path` names a .npy file (by its extension). */
export function isNpy(path: string): boolean {
  return /\.npy$/i.test(path);
}

/**
 * Read a sample from CSV (column `y` is the response) or from .npy: `x.npy` of shape (n, d)
 * with `yPath` a `y.npy` of shape (n,), or one array of shape (n, d + 1) whose last column is
 * the response. .npy is little-endian float64 in C order, read without parsing text (what
 * numpy's `np.save` writes). Every value is checked finite (named by row and column), and
 * n >= d + 1. Covariate columns are named x1..xd for .npy.
 */
export function readSample(path: string, yPath?: string): CsvSample {
  if (!isNpy(path)) {
    if (yPath !== undefined) throw new InputError(`--y goes with a .npy covariate file; ${path} is CSV (its column y is the response)`);
    return readSampleCsv(path);
  }
  const xs = readNpyChecked(path);
  let n: number, d: number, yAt: (i: number) => number, xAt: (i: number, j: number) => number;
  if (yPath !== undefined) {
    if (!isNpy(yPath)) throw new InputError(`--y must be a .npy file, got ${yPath}`);
    const ys = readNpyChecked(yPath);
    if (xs.shape.length !== 2) throw new InputError(`${path}: covariates must have shape (n, d), got (${xs.shape.join(', ')})`);
    if (ys.shape.length !== 1 || ys.shape[0] !== xs.shape[0])
      throw new InputError(`${yPath}: responses must have shape (${xs.shape[0]},) to match ${path}, got (${ys.shape.join(', ')})`);
    [n, d] = xs.shape;
    yAt = (i) => ys.data[i];
    xAt = (i, j) => xs.data[i * d + j];
  } else {
    if (xs.shape.length !== 2 || xs.shape[1] < 2)
      throw new InputError(`${path}: one .npy holds shape (n, d + 1), the response last (or give --y y.npy), got (${xs.shape.join(', ')})`);
    n = xs.shape[0];
    d = xs.shape[1] - 1;
    yAt = (i) => xs.data[i * (d + 1) + d];
    xAt = (i, j) => xs.data[i * (d + 1) + j];
  }
  requireRows(n, d, path);
  const x = allocMatrix(n, d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = xAt(i, j);
      if (!Number.isFinite(v)) throw new InputError(`${path}: covariate at row ${i + 1}, column ${j + 1} is ${v}`);
      x[i * d + j] = v;
    }
    const v = yAt(i);
    if (!Number.isFinite(v)) throw new InputError(`${yPath ?? path}: response at row ${i + 1} is ${v}`);
    y[i] = v;
  }
  const columns = Array.from({ length: d }, (_, j) => `x${j + 1}`);
  return markValidated({ n, d, x, y, columns });
}

/** readNpy with a missing or unreadable file named as such. */
function readNpyChecked(path: string): { data: Float64Array; shape: number[] } {
  try {
    if (!statSync(path).isFile()) throw new InputError(`${path} is not a file`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read ${path}: ${describeFsError(err)}`);
  }
  return readNpy(path);
}

/** Write a sample as CSV (header x1..xd,y) or, for a `.npy` path, as one (n, d + 1) float64
 *  array with the response last; atomically either way. */
export function writeSample(path: string, s: Sample): void {
  if (!isNpy(path)) {
    writeSampleCsv(path, s);
    return;
  }
  const { n, d, x, y } = s;
  const out = new Float64Array(n * (d + 1));
  for (let i = 0; i < n; i++) {
    out.set(x.subarray(i * d, i * d + d), i * (d + 1));
    out[i * (d + 1) + d] = y[i];
  }
  const bytes = npyBytes(out, [n, d + 1]);
  writeFileAtomic(path, (write) => write(bytes));
}
