import { spawnSync } from 'node:child_process';

/** A Python 3 that imports `modules` (python3 on the PATH, then Debian's /usr/bin/python3), or
 *  undefined: tests that need it skip, saying why. */
export function findPython(modules: readonly string[]): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(candidate, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}
