// Worker-thread bootstrap (plain JavaScript, so it loads without a TypeScript loader): register
// tsx's ESM hooks in this thread, then hand every task to worker.ts. The main thread's loader
// does not reach worker threads on Node 20, hence this file.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./worker.ts');
export default runTask;
