// The worker threads' bootstrap (plain JavaScript, so it loads without a TypeScript loader).
// In the compiled package (dist/) the module `name.js` sits beside its caller and is imported
// as is. Running the sources (development), tsx's ESM hooks are registered in this thread
// first, since the main thread's loader does not reach worker threads on Node 20, and
// `name.ts` is imported.
import { existsSync } from 'node:fs';

/** Imports the module `name` (no extension) beside `base` (an import.meta.url). */
export async function importCompiledOrSource(base, name) {
  const compiled = new URL(`./${name}.js`, base);
  if (existsSync(compiled)) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`./${name}.ts`, base).href);
}
