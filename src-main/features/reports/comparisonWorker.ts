// Worker thread: counts summaries' comparisons for the main thread (comparisons.ts) on a
// read-only connection of its own, kept open between requests so that its statements and
// page cache stay warm, and closed when the main thread's store closes.
import { workerData } from 'node:worker_threads';
import { openStore, type Store } from '../../store/db';
import type { Core } from '../../core';
import { APP_VERSION } from '../../version';
import { comparisonsOf } from './quarterly';
import type { WorkerAnswer, WorkerRequest, WorkerStart } from './comparisons';

const { port, state } = workerData as WorkerStart;

let open: { no: number; store: Store; core: Core } | undefined;

/** The connection to the main thread's store numbered `no`, opened if it is not the one open. */
function coreOf(no: number, path: string): Core {
  if (open?.no !== no) {
    open?.store.close();
    open = undefined;
    const store = openStore(path, { readonly: true });
    open = { no, store, core: { store, appVersion: APP_VERSION } };
  }
  return open.core;
}

function answer(request: WorkerRequest): WorkerAnswer {
  try {
    switch (request.kind) {
      case 'open':
        coreOf(request.store, request.path);
        return { id: request.id, ok: true };
      case 'close':
        open?.store.close();
        open = undefined;
        return { id: request.id, ok: true };
      case 'count': {
        const core = coreOf(request.store, request.path);
        // One read transaction: begun now, inside the main thread's, it reads what that reads.
        const value = core.store.db.transaction(() =>
          comparisonsOf(core, request.scope, request.period, request.today),
        )();
        return { id: request.id, ok: true, value };
      }
    }
  } catch (e) {
    return { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

port.on('message', (request: WorkerRequest) => {
  port.postMessage(answer(request));
  // Posted first: the main thread, woken, finds the answer on the port.
  const cell = new Int32Array(request.cell);
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
});
Atomics.store(new Int32Array(state), 0, 1);
