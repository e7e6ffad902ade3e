import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/sweep/journal.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'sweep-'));

describe('sweeps', () => {
  it('a journal replays finished tasks, drops a torn last line and refuses a damaged one', () => {
    const dir = tmp();
    const file = join(dir, 'j.jsonl');
    const j = new Journal(file);
    j.record('a', { x: NaN });
    j.record('b', Float64Array.of(1, -0));
    j.close();
    appendFileSync(file, '{"k":"c","r":[1,2'); // killed mid-line
    const again = new Journal(file);
    expect(again.size).toBe(2);
    expect(again.get<{ x: number }>('a')!.x).toBeNaN();
    expect(Object.is(again.get<Float64Array>('b')![1], -0)).toBe(true);
    again.record('c', 3);
    again.close();
    expect(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).k),
    ).toEqual(['a', 'b', 'c']);
    writeFileSync(file, 'garbage\n{"k":"a","r":1}\n');
    expect(() => new Journal(file)).toThrow(/line 1 is not a JSON line/);
    // a file written by other code is refused, to resume and to merge
    const headed = join(dir, 'h.jsonl');
    new Journal(headed, [], 'code-a').close();
    expect(readFileSync(headed, 'utf8')).toBe('{"code":"code-a"}\n');
    expect(new Journal(headed, [], 'code-a').size).toBe(0);
    expect(() => new Journal(headed, [], 'code-b')).toThrow(/written by another version of the code.*--fresh/);
    expect(() => new Journal(null, [headed], 'code-b')).toThrow(/run every shard from the same version/);
    const other = join(dir, 'o.jsonl');
    writeFileSync(other, '{"k":"a","r":2}\n');
    writeFileSync(file, '{"k":"a","r":1}\n');
    expect(() => new Journal(null, [file, other])).toThrow(/task a has a different result/);
  });
});
