import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { siblingModule } from '../sweep/siblingModule.js';

/** Peak memory of one robust fit, measured in a fresh process. */
export interface PeakMemory {
  readonly n: number;
  readonly d: number;
  /** Peak resident set above the process's baseline, in bytes. */
  readonly bytes: number;
  /** bytes / (n d): 8 means the covariates are held once as 64-bit floats and nothing else counts. */
  readonly bytesPerNumber: number;
}

/**
 * Run src/bench/memoryProbe.ts in a child Node (with tsx, as the CLI runs) on a clean n x d
 * instance and read its peak resident set above the baseline.
 */
export function measurePeakMemory(n: number, d: number): PeakMemory {
  const probe = fileURLToPath(siblingModule(import.meta.url, 'memoryProbe'));
  // the sources run through tsx (development); the compiled package is plain JavaScript
  const loader = probe.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const out = execFileSync(process.execPath, ['--expose-gc', ...loader, probe, String(n), String(d)], { encoding: 'utf8' });
  const { baselineKiB, peakKiB } = JSON.parse(out.trim().split('\n').pop()!) as { baselineKiB: number; peakKiB: number };
  const bytes = (peakKiB - baselineKiB) * 1024;
  return { n, d, bytes, bytesPerNumber: bytes / (n * d) };
}
