import type { Sample } from '../model/sample.js';
import { writeFileAtomic } from './atomicWrite.js';

/** Column names of a sample: x1..xd then y. */
export function sampleHeader(d: number): string[] {
  return [...Array.from({ length: d }, (_, j) => `x${j + 1}`), 'y'];
}

/**
 * Write a sample as CSV (header `x1,...,xd,y`), numbers in JavaScript's shortest round-trip
 * form so reading the file back gives the same doubles bit for bit. Atomic (temp + rename).
 */
export function writeSampleCsv(path: string, s: Sample): void {
  const { n, d, x, y } = s;
  writeFileAtomic(path, (write) => {
    write(`${sampleHeader(d).join(',')}\n`);
    const rowsPerChunk = Math.max(1, Math.floor(200_000 / (d + 1)));
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const row = new Array<string>(d + 1);
      for (let j = 0; j < d; j++) row[j] = String(x[i * d + j]);
      row[d] = String(y[i]);
      parts.push(row.join(','));
      if (parts.length === rowsPerChunk || i === n - 1) {
        write(`${parts.join('\n')}\n`);
        parts.length = 0;
      }
    }
  });
}
