// Worker-thread bootstrap (plain JavaScript, so it loads without a TypeScript loader). In the
// compiled package (dist/) worker.js sits beside this file and tasks are JavaScript. Running the
// sources (development), register tsx's ESM hooks in this thread first: the main thread's loader
// does not reach worker threads on Node 20.
import { existsSync } from 'node:fs';

const compiled = new URL('./worker.js', import.meta.url);
let runTask;
if (existsSync(compiled)) ({ default: runTask } = await import(compiled.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ default: runTask } = await import('./worker.ts'));
}
export default runTask;
