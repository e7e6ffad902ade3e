import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (the folder of package.json). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The code a task's result can depend on: the sources, the kernels, the locked dependencies. */
export const CODE_PARTS: readonly string[] = ['src', 'reproductions', 'assembly', 'package-lock.json'];

let cached: string | null = null;

function files(path: string): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return [];
  if (st.isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/**
 * A hash of the code (src/, reproductions/, assembly/ and package-lock.json, by content),
 * written at the top of every journal and shard file. Task keys name a function and its
 * arguments, not its code, so a journal from another version of the code would otherwise be
 * replayed as if it were this one's (seen: a shard run before an edit, merged after it).
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const h = createHash('sha256');
  for (const f of CODE_PARTS.flatMap((p) => files(join(REPO_ROOT, p)))) {
    h.update(relative(REPO_ROOT, f).split('\\').join('/')).update('\0').update(readFileSync(f)).update('\0');
  }
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
