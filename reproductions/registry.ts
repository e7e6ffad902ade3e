import type { Reproduction } from './framework.js';
import { r1 } from './r1-error-vs-eps.js';
import { r2 } from './r2-error-vs-sigma.js';
import { r3 } from './r3-sample-complexity.js';
import { r4 } from './r4-time.js';
import { r5 } from './r5-basin.js';
import { r6 } from './r6-spectral-alignment.js';
import { r7 } from './r7-adversary-battery.js';
import { r8 } from './r8-adversary-search.js';
import { r9 } from './r9-guarantee-reach.js';
import { seed001 } from './papers/seed-001-robust-glm.js';
import { seed002 } from './papers/seed-002-relu-gate.js';
import { seed003 } from './papers/seed-003-spectral-asymptotics.js';
import { seed004 } from './papers/seed-004-prelu-gmm.js';
import { auditPower } from './audit-power.js';

/** Every reproduction, in the order `npm run reproduce` runs them. */
export const REPRODUCTIONS: readonly Reproduction[] = [r1, r2, r3, r4, r5, r6, r7, r8, r9, seed001, seed002, seed003, seed004, auditPower];
