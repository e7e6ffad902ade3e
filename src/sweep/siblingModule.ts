/**
 * The URL of module `stem` beside the module at `base` (pass import.meta.url), with base's own
 * extension: `.ts` when running the sources through tsx (development), `.js` in the compiled
 * package (dist/). Worker threads and child processes import modules by URL, so the URL must
 * name the file that exists.
 */
export function siblingModule(base: string, stem: string): string {
  const ext = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${stem}${ext}`, base).href;
}
