import { readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { InputError } from '../errors.js';

const MAGIC = '\x93NUMPY';

/**
 * The bytes of a .npy file (format version 1.0) holding little-endian float64 `data` of `shape`
 * in C order: the magic, the header length, a Python-literal header padded with spaces to a
 * multiple of 64 bytes and ended by a newline, then the raw numbers. Written by hand: the format
 * is a dozen lines, and no npm package writes it.
 */
export function npyBytes(data: Float64Array, shape: readonly number[]): Buffer {
  if (endianness() !== 'LE') throw new Error('npy: this machine is big-endian; the protocol needs little-endian float64');
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new Error(`npy: shape (${shape.join(', ')}) holds ${count} numbers, data has ${data.length}`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = MAGIC.length + 2 + 2 + header.length + 1;
  header += `${' '.repeat((64 - (unpadded % 64)) % 64)}\n`;
  const head = Buffer.alloc(MAGIC.length + 4 + header.length);
  head.write(MAGIC, 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  head.write(header, 10, 'latin1');
  return Buffer.concat([head, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

/** Write `data` of `shape` as a .npy file (see {@link npyBytes}). */
export function writeNpy(path: string, data: Float64Array, shape: readonly number[]): void {
  writeFileSync(path, npyBytes(data, shape));
}

/** Read a .npy file of little-endian float64 in C order: its numbers and shape. */
export function readNpy(path: string): { data: Float64Array; shape: number[] } {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 6).toString('latin1') !== MAGIC) throw new InputError(`${path} is not a .npy file (no \\x93NUMPY magic)`);
  const major = bytes[6];
  const headerLength = major === 1 ? bytes.readUInt16LE(8) : bytes.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = bytes.subarray(start, start + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  if (descr !== '<f8') throw new InputError(`${path}: dtype ${descr ?? '?'} is not little-endian float64 ('<f8')`);
  if (/'fortran_order':\s*True/.test(header)) throw new InputError(`${path}: Fortran order is not supported (save C order)`);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map(Number);
  const offset = start + headerLength;
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - offset !== 8 * count)
    throw new InputError(`${path}: ${bytes.length - offset} data bytes for shape (${shape.join(', ')})`);
  const data = new Float64Array(count);
  Buffer.from(data.buffer).set(bytes.subarray(offset));
  return { data, shape };
}
