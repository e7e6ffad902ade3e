// The estimator-process worker's entry: processWorker.ts, compiled or from the sources.
import { importCompiledOrSource } from '../importCompiledOrSource.mjs';

await importCompiledOrSource(import.meta.url, 'processWorker');
