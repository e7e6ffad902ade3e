// The CSV reader's worker thread (plain JavaScript, so it loads without a TypeScript loader):
// parse the later piece of a file (csvRows.ts, compiled or from the sources), post the rows on
// the port it was given, then raise the flag the reading thread waits on. Any failure, loading
// included, is posted as { error } so the reader never waits for a message that cannot come.
import { workerData } from 'node:worker_threads';
import { importCompiledOrSource } from '../importCompiledOrSource.mjs';

const { port, flag, piece } = workerData;
try {
  const { parsePiece } = await importCompiledOrSource(import.meta.url, 'csvRows');
  const { message, transfer } = parsePiece(piece);
  port.postMessage(message, transfer);
} catch (err) {
  port.postMessage({ error: String(err?.message ?? err) });
}
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);
