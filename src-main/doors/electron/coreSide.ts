import { Worker } from 'node:worker_threads';
import { isMethodName } from '@shared/contract/methods';
import type { MethodOutput } from '@shared/contract/contract';
import { openCore } from '../../open';
import { callAsync, type CallResult } from '../../dispatch';
import { currentJob, gateOf } from '../../infra/jobs';
import { methodDef } from '../../registry/registry';

// Everything of the shell that needs the core, loaded with import() once the window is up
// (startup.ts): the database, the migrations and the demo district are not even read from disk
// before then. test/integration/shellBuild.test.ts holds the built main.js to it.

/** The core as the shell uses it. */
export interface DesktopCore {
  call(method: unknown, input: unknown): Promise<CallResult>;
  info(): Promise<MethodOutput<'app.info'>>;
  /** The bureau's name as set on this install (settings' orgName), or null. */
  orgName(): string | null;
  runningJob(): string | null;
  jobEnded(): Promise<void>;
  close(): void;
}

export interface OpenDesktopCoreOptions {
  dbPath: string;
  /**
   * Runs the slow part of opening (migrations, the first start's demo district, the daily
   * backup) on a connection of its own, away from the main thread: by default in prepare.ts's
   * worker. Given a path to prepare, resolves when it is done.
   */
  prepare: (dbPath: string) => Promise<void>;
  log: (message: string) => void;
  /** The comparison worker's file (comparisonWorker.js beside main.js), see OpenOptions. */
  reportsWorker?: string;
}

export async function openDesktopCore(options: OpenDesktopCoreOptions): Promise<DesktopCore> {
  const started = Date.now();
  await options.prepare(options.dbPath);
  // Migrated, seeded and backed up: what is left is opening a connection.
  const core = openCore(options.dbPath, { reportsWorker: options.reportsWorker });
  options.log(`core open in ${Date.now() - started} ms`);
  return {
    async call(method, input) {
      const job = isMethodName(method) && methodDef(method).mode === 'steps';
      const t0 = Date.now();
      const r = await callAsync(core, method, input);
      // Job outcomes and internal errors only: method names and error codes, never content.
      if (job)
        options.log(
          `job ${String(method)} ${r.ok ? 'ok' : `failed ${r.error.code}`} in ${Date.now() - t0} ms`,
        );
      else if (!r.ok && r.error.code === 'INTERNAL') options.log(`call ${String(method)} failed INTERNAL`);
      return r;
    },
    async info() {
      const r = await callAsync(core, 'app.info', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.result as MethodOutput<'app.info'>;
    },
    orgName: () => core.store.getMeta('orgName'),
    runningJob: () => currentJob(core)?.method ?? null,
    // The gate lets an exclusive turn in only when no job holds the connection.
    jobEnded: () => gateOf(core).exclusive(async () => undefined),
    close: () => core.store.close(),
  };
}

/** Migrates, loads the demo district on a first start and takes the day's backup, then closes. */
export function prepareHere(dbPath: string): void {
  openCore(dbPath, { demoOnFirstStart: true, dailyBackup: true }).store.close();
}

/**
 * Prepares the database in a worker thread (prepare.ts), so the window stays responsive. A
 * database that cannot be prepared is an error; a worker that cannot even start (a packaging
 * fault) is not the person's problem: the preparation then runs here, the window still shown.
 */
export function prepareInWorker(
  workerFile: string,
  log: (message: string) => void,
): (dbPath: string) => Promise<void> {
  return (dbPath) =>
    new Promise((resolve, reject) => {
      let answered = false;
      const worker = new Worker(workerFile, { workerData: { dbPath } });
      worker.once('message', (m: { ok: true } | { ok: false; message: string }) => {
        answered = true;
        if (m.ok) resolve();
        else reject(new Error(m.message));
      });
      const prepareHereInstead = (why: string) => {
        if (answered) return;
        answered = true;
        log(`prepare worker unavailable (${why}): preparing on the main thread`);
        try {
          prepareHere(dbPath);
          resolve();
        } catch (e) {
          reject(e as Error);
        }
      };
      worker.once('error', (e) => prepareHereInstead(e.message));
      worker.once('exit', (code) => prepareHereInstead(`exit code ${code}`));
    });
}
