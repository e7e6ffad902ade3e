/**
 * `npm run reproduce`: every reproduction, quick defaults. Writes reports/ (markdown + JSON).
 * Today: the end-to-end demo and the property audit of the robust solver.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runDemo } from './demo.js';
import { run } from '../src/cli/main.js';

const reports = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports');
const claims = runDemo(reports);
for (const c of claims) console.log(`demo ${c.id}: ${c.verdict} (margin ${c.margin.toFixed(3)})`);
const code = await run(['audit', '--estimator', 'robust', '--report', join(reports, 'audit-robust.md')]);
console.log(`wrote ${join(reports, 'demo.md')}, demo.json and audit-robust.md`);
process.exitCode = code;
