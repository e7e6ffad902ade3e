const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  EMFILE: 'too many open files',
};

/** A few words for a file-system error (its errno code in words when known). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code) return WORDS[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}
