import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/atomicWrite.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-io-'));

describe('atomic write', () => {
  it('leaves the previous file whole and no temporary behind when writing fails', () => {
    const path = join(dir, 'keep.txt');
    writeFileAtomic(path, (w) => w('first'));
    expect(() =>
      writeFileAtomic(path, (w) => {
        w('half');
        throw new Error('interrupted');
      }),
    ).toThrow(/interrupted/);
    expect(readdirSync(dir).filter((f) => f.startsWith('keep.txt'))).toEqual(['keep.txt']);
  });
});
