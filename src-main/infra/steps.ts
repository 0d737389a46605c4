import type Database from 'better-sqlite3';
import type { JobPhase } from '@shared/contract/jobs';

// A long job written once as a generator that yields its progress now and then, driven two
// ways: to the end at once (the CLI, tests), or with a turn of the event loop at each step
// (the app's doors), so its progress can be read and the window stays responsive meanwhile.

export interface StepProgress {
  phase: JobPhase;
  done: number;
  /** 0 when the phase has no count. */
  total: number;
  /** The file being handled, when the job handles several. */
  file?: { name: string; index: number; count: number };
}

export type Steps<T> = Generator<StepProgress, T, void>;

/** Runs a job to its end without giving up the thread. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs a job, telling each step's progress and letting the event loop run between steps. */
export async function runStepsAsync<T>(steps: Steps<T>, onProgress: (p: StepProgress) => void): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress(r.value);
    await turn();
  }
}

/**
 * Runs `body` in one transaction that may span its steps: committed at the end, rolled back
 * if it throws or is abandoned. Only for jobs that hold the connection alone (CallGate).
 */
export function* transactionSteps<T>(db: Database.Database, body: () => Steps<T>): Steps<T> {
  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const result = yield* body();
    db.exec('COMMIT');
    committed = true;
    return result;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
  }
}

/** The same job's steps, each told with the file it belongs to. */
export function* stepsOfFile<T>(steps: Steps<T>, file: NonNullable<StepProgress['file']>): Steps<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { ...r.value, file };
  }
}
