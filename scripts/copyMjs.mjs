// tsc compiles src/**/*.ts to dist/; the plain-JavaScript worker bootstraps (src/**/*.mjs) are
// copied beside them.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

for (const entry of readdirSync('src', { recursive: true })) {
  if (String(entry).endsWith('.mjs')) copyFileSync(join('src', String(entry)), join('dist', String(entry)));
}
