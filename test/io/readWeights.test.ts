import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWeights } from '../../src/io/readWeights.js';

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-io-'));

describe('weights JSON', () => {
  const write = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  it('reads an array, an object with w (fit --json) or with wstar (truth.json)', () => {
    expect(Array.from(readWeights(write('a.json', '[1, 2.5]')))).toEqual([1, 2.5]);
    expect(Array.from(readWeights(write('b.json', '{"w":[3],"method":"robust"}')))).toEqual([3]);
    expect(Array.from(readWeights(write('c.json', '{"wstar":[4,5],"settings":{}}')))).toEqual([4, 5]);
  });
  it.each([
    ['not json', /not valid JSON/],
    ['{"v":[1]}', /expected a JSON array of numbers/],
    ['[]', /expected a JSON array/],
    ['[1,"a"]', /expected a JSON array/],
    ['[1,null]', /expected a JSON array/],
  ])('rejects %j', (text, message) => {
    expect(() => readWeights(write('bad.json', text))).toThrow(message);
  });
  it('names a missing file', () => {
    expect(() => readWeights(join(dir, 'none.json'))).toThrow(/no such file/);
  });
});
