import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // the suites are CPU-bound: one worker per core of the 2-core machines
    pool: 'forks',
    maxWorkers: 2,
    // a worker keeps its module graph from one test file to the next: importing the suite's
    // modules afresh for each of the 167 files took 54 s of the run's CPU (12 s shared); no
    // test mocks modules, stubs globals or sets process.env, and the modules' caches (clean
    // draws, basin radii) return the same numbers whoever filled them
    isolate: false,
    // property suites run many fits per test (P4: 30 instances up to n = 9000 plus the exact
    // basin radius of 12 link/norm pairs); the deep profile multiplies runs by 20
    testTimeout: process.env.SIM_AUDIT_PROFILE === 'deep' ? 3_600_000 : 400_000,
    hookTimeout: 120_000,
    reporters: ['default', './vitest.reporter.ts'],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});
