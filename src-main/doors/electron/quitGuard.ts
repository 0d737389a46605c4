import type { UiLanguage } from '@shared/contract/desktop';
import type { App, Dialog, Window } from './electronApi';

// Quitting while a long job runs (a sync import holds one transaction across its steps; an
// export writes a file) asks first, then waits for the job to end before the database is
// closed: nothing is cut off half-way. Stopping a job mid-way would roll its transaction back
// as cleanly, but the person asked to quit, not to lose the import they started, so the app
// waits. So does quitting while the core is still being opened (a migration, the pre-upgrade
// backup or the demo district's first load): the database is closed once it is open. Without
// either, the database is closed and the app quits at once.

export interface QuitGuardOptions {
  app: Pick<App, 'on' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  window: () => Window | null;
  /** The running job's method, or null (none, or the core not open yet). */
  runningJob: () => string | null;
  /** Resolves when no job holds the database any more. */
  jobEnded: () => Promise<void>;
  /** While the core is being opened, resolves once it is open or has failed to; else null. */
  opening: () => Promise<void> | null;
  /** Closes the database (the core may not be open: then nothing). */
  closeCore: () => void;
  language: () => UiLanguage;
  log: (message: string) => void;
}

const JOB_WORDS: Record<string, { zh: string; en: string }> = {
  'sync.import': { zh: '导入同步文件', en: 'importing a sync file' },
  'sync.export': { zh: '导出同步文件', en: 'exporting a sync file' },
  'sync.folder': { zh: '通过共享文件夹同步', en: 'syncing through the shared folder' },
  'ledger.import': { zh: '导入台账', en: 'importing a ledger' },
};

function question(job: string, language: UiLanguage) {
  const words = JOB_WORDS[job] ?? { zh: '处理一项任务', en: 'running a job' };
  return language === 'en'
    ? {
        message: `Visit Ledger is ${words.en}.`,
        detail: 'Quitting now would leave it unfinished. Wait for it to end, then quit?',
        buttons: ['Wait, then quit', 'Keep working'],
      }
    : {
        message: `正在${words.zh}。`,
        detail: '现在退出会使它半途而止。等它完成后再退出吗？',
        buttons: ['完成后退出', '继续工作'],
      };
}

export function guardQuit(options: QuitGuardOptions): { requestQuit(): void } {
  let state: 'open' | 'asking' | 'waiting' | 'closed' = 'open';

  async function settle(): Promise<void> {
    const opening = options.opening();
    if (opening) {
      state = 'waiting';
      options.log('quit: waiting for the database to open');
      await opening;
      state = 'open';
    }
    const job = options.runningJob();
    if (job) {
      state = 'asking';
      const q = question(job, options.language());
      const box = { type: 'question' as const, ...q, defaultId: 0, cancelId: 1, noLink: true };
      const win = options.window();
      const { response } = win
        ? await options.dialog.showMessageBox(win, box)
        : await options.dialog.showMessageBox(box);
      if (response !== 0) {
        state = 'open';
        return;
      }
      state = 'waiting';
      options.log(`quit: waiting for ${job} to end`);
      await options.jobEnded();
    }
    close();
    options.app.quit();
  }

  function close(): void {
    if (state === 'closed') return;
    state = 'closed';
    options.closeCore();
    options.log('quit: database closed');
  }

  function requestQuit(): void {
    if (state === 'open') void settle();
  }

  options.app.on('before-quit', (event) => {
    if (state === 'closed') return;
    if (state === 'open' && !options.runningJob() && !options.opening()) {
      close();
      return;
    }
    event.preventDefault();
    requestQuit();
  });
  return { requestQuit };
}

/** Closing the window during a job asks the same question instead of closing. */
export function guardWindowClose(
  win: Window,
  runningJob: () => string | null,
  requestQuit: () => void,
): void {
  win.on('close', (event) => {
    if (!runningJob()) return;
    event.preventDefault();
    requestQuit();
  });
}
