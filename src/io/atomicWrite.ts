import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write a file through a temporary sibling and a rename, so an interrupted run never leaves
 * a half-written file and never clobbers the previous version before the new one is whole.
 * `produce` receives a `write(chunk)` function (text or bytes).
 */
export function writeFileAtomic(path: string, produce: (write: (chunk: string | Uint8Array) => void) => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    produce((chunk) => {
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
    });
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Atomic write of a whole string. */
export function writeTextAtomic(path: string, text: string): void {
  writeFileAtomic(path, (write) => write(text));
}
