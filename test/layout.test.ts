/**
 * The floors of docs/layout.md, checked: no module of src/ imports one on a higher floor
 * (type imports included). A new folder must be given its floor here and in docs/layout.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Floor of each top-level entry of src/ (docs/layout.md). */
const FLOORS: Record<string, number> = {
  'errors.ts': 1,
  'exitCodes.ts': 1,
  stats: 1,
  kernels: 2,
  numeric: 2,
  eigen: 2,
  rng: 2,
  sweep: 2,
  'importCompiledOrSource.mjs': 2,
  model: 3,
  robust: 3,
  adversaries: 4,
  solver: 4,
  io: 4,
  papers: 4,
  estimatorProcess: 4,
  instance: 5,
  landscape: 5,
  report: 5,
  audit: 6,
  bench: 6,
  cli: 8,
  'index.ts': 8,
};

function floorOf(file: string): number {
  // an import names the compiled file (x.js): its source is x.ts
  const top = relative(SRC, file).split(/[\\/]/)[0].replace(/\.js$/, '.ts');
  const f = FLOORS[top];
  if (f === undefined) throw new Error(`src/${top} has no floor in test/layout.test.ts (and docs/layout.md)`);
  return f;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('layout', () => {
  it('imports run down the floors: no module of src/ imports one on a higher floor', () => {
    const upward: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]);
        if (!target.startsWith(SRC)) continue; // reproductions/ (loaded by the reproduce verb)
        if (floorOf(target) > floorOf(file)) upward.push(`${relative(SRC, file)} -> ${m[1]}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
