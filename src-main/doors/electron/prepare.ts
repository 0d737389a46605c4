// Worker thread: opens the database once on a connection of its own to migrate it, load the
// demo district on the first start and take the day's backup, then closes it. The main thread
// meanwhile shows the window's 正在准备… (coreSide.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { prepareHere } from './coreSide';

const { dbPath } = workerData as { dbPath: string };
try {
  prepareHere(dbPath);
  parentPort!.postMessage({ ok: true });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
