import { existsSync } from 'node:fs';
import { openStore, type StoreOptions } from './store/db';
import type { Core } from './core';
import { APP_VERSION } from './version';
import { DEMO_LOADED_KEY } from './features/app/service';
import { seedDemo } from '../seeds/demo';
import { dailyBackup } from './features/backups/service';
import { settlePendingSupersededFlags } from './features/demands/replay';
import { ComparisonWorker } from './features/reports/comparisons';

export interface OpenOptions extends StoreOptions {
  /** Load the demo district when the database file does not exist yet (the app's first start). */
  demoOnFirstStart?: boolean;
  /** Take the day's backup if none was taken in the last 24 hours (the app does this at start). */
  dailyBackup?: boolean;
  /**
   * The comparison worker's file (comparisonWorker.ts or its build): summaries then count their
   * comparisons on a second thread, started with the first summary. For a process that serves
   * many calls (the window, the web mode); a single CLI call would spend more starting it than
   * it saves.
   */
  reportsWorker?: string | URL;
}

export function openCore(path: string, options: OpenOptions = {}): Core {
  const isNew = path === ':memory:' || !existsSync(path);
  const store = openStore(path, options);
  settlePendingSupersededFlags(store);
  const core: Core = { store, appVersion: APP_VERSION };
  if (isNew && options.demoOnFirstStart) {
    seedDemo(core, { scale: 1 });
    store.setMeta(DEMO_LOADED_KEY, new Date(store.now()).toISOString());
  }
  if (options.dailyBackup) {
    try {
      dailyBackup(core);
    } catch (e) {
      // A failed backup must not keep people from their work; it is retried next start.
      console.error(`daily backup failed: ${(e as Error).message}`);
    }
  }
  if (options.reportsWorker && path !== ':memory:' && !store.db.readonly) {
    core.comparisons = new ComparisonWorker(options.reportsWorker, core);
  }
  return core;
}
