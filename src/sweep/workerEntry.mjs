// The task workers' entry: the task runner (worker.ts), compiled or from the sources.
import { importCompiledOrSource } from '../importCompiledOrSource.mjs';

const { default: runTask } = await importCompiledOrSource(import.meta.url, 'worker');
export default runTask;
