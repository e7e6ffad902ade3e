#!/usr/bin/env node
// The command line. The package runs its compiled JavaScript (dist/, built by `npm run build`,
// which npm ci and npm pack run); a clone without a build runs the TypeScript sources through
// tsx, a development dependency.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let run;
if (existsSync(compiled)) ({ run } = await import(compiled.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli/main.ts'));
}
process.exitCode = await run(process.argv.slice(2));
