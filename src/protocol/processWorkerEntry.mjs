// The estimator-process worker's bootstrap (plain JavaScript, so it loads without a TypeScript
// loader; see src/sweep/workerEntry.mjs for the same in the task workers): compiled, it imports
// processWorker.js; from the sources, it registers tsx in this thread first.
import { existsSync } from 'node:fs';

const compiled = new URL('./processWorker.js', import.meta.url);
if (existsSync(compiled)) await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./processWorker.ts');
}
