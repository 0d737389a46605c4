import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Core } from '../../core';
import type { Store } from '../../store/db';
import type { Comparisons, CountElsewhere } from './quarterly';
import type { ResolvedScope } from './scope';
import type { PeriodParams } from './period';

// A summary's comparisons (the previous period, the same one a year earlier and the targets'
// year to date: some 40% of a quarter's work at ×20) counted on a second thread while the
// main one counts the period's own figures. The worker (comparisonWorker.ts) reads the same
// file on a connection of its own. Both read the same data: the summary's transaction holds
// the write lock from its start (withComparisons), so nothing is committed between the main
// connection's reads and the worker's. better-sqlite3 is synchronous, and so is this: the main
// thread waits on a shared cell, then takes the answer from the port (receiveMessageOnPort).
// Whatever goes amiss (no worker yet, an error, no answer) the main thread counts them itself.

/** What the main thread asks of the worker. */
export type Ask =
  | {
      kind: 'count';
      /** Which opening of the database to read (a restore opens a new one), and its file. */
      store: number;
      path: string;
      scope: ResolvedScope;
      period: PeriodParams;
      today: string;
    }
  | { kind: 'open'; store: number; path: string }
  | { kind: 'close' };

/** An Ask as sent: numbered, with the cell its answer is signalled in. */
export type WorkerRequest = Ask & { id: number; cell: SharedArrayBuffer };

export type WorkerAnswer = { id: number } & (
  { ok: true; value?: Comparisons } | { ok: false; message: string }
);

/** What the worker is started with. */
export interface WorkerStart {
  port: MessagePort;
  /** [0] is 1 once the worker listens. */
  state: SharedArrayBuffer;
}

/** Long enough for a year of a large district; past it, the worker is given up. */
const ANSWER_WAIT_MS = 60_000;
const CLOSE_WAIT_MS = 10_000;

export class ComparisonWorker {
  private worker: Worker | undefined;
  private readonly port: MessagePort;
  private readonly workerPort: MessagePort;
  private readonly state = new Int32Array(new SharedArrayBuffer(4));
  private dead = false;
  private nextId = 1;
  /** How many summaries' comparisons the worker has counted. */
  answered = 0;
  /** The store the worker's connection reads, and its number. */
  private served: Store | undefined;
  private servedNo = 0;

  /**
   * A worker to start from `file` (comparisonWorker.ts, or the file a build made of it) for
   * `core`'s database. It starts with the first summary (startIfIdle), not with the app: a start
   * that shows no report does not pay for it.
   */
  constructor(
    private readonly file: string | URL,
    private readonly core: Core,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.workerPort = port2;
    // Neither keeps the process alive: the worker only ever answers.
    this.port.unref();
  }

  /** Whether the worker listens: until it does, summaries count everything here. */
  get ready(): boolean {
    return !this.dead && Atomics.load(this.state, 0) === 1;
  }

  /** ready, and the worker started if it was not: the summary asking is counted here meanwhile. */
  startIfIdle(): boolean {
    if (!this.worker && !this.dead) {
      const source = String(this.file).endsWith('.ts');
      this.worker = new Worker(this.file, {
        workerData: { port: this.workerPort, state: this.state.buffer } satisfies WorkerStart,
        transferList: [this.workerPort],
        // The sources (tests, benchmarks, `npm run web` right after an edit) run through tsx.
        ...(source ? { execArgv: ['--import', 'tsx'] } : {}),
      });
      this.worker.unref();
      this.worker.on('error', (e) => this.giveUp(`failed: ${e.message}`));
      this.worker.on('exit', () => (this.dead = true));
      this.bind(this.core.store);
    }
    return this.ready;
  }

  /** Counts a summary's comparisons on the worker (see CountElsewhere). */
  readonly countElsewhere: CountElsewhere = (scope, period, today) => {
    if (!this.ready) return null;
    const store = this.bind(this.core.store);
    const ask = this.post({ kind: 'count', store, path: this.core.store.path, scope, period, today });
    return () => {
      const answer = ask(ANSWER_WAIT_MS);
      if (answer?.ok && answer.value) {
        this.answered++;
        return answer.value;
      }
      if (answer && !answer.ok) this.log(`comparison worker: ${answer.message}`);
      return null;
    };
  };

  /** Stops the worker, its connection closed first. */
  close(): void {
    if (this.dead) return;
    this.release();
    this.dead = true;
    void this.worker?.terminate();
  }

  /** Sends a request; the function returned waits for its answer (undefined: none came). */
  private post(request: Ask): (waitMs: number) => WorkerAnswer | undefined {
    const id = this.nextId++;
    const cell = new Int32Array(new SharedArrayBuffer(4));
    this.port.postMessage({ ...request, id, cell: cell.buffer } satisfies WorkerRequest);
    return (waitMs) => {
      if (Atomics.wait(cell, 0, 0, waitMs) === 'timed-out') {
        this.giveUp(`no answer in ${waitMs} ms`);
        return undefined;
      }
      // Answers to requests whose asker stopped waiting (it failed meanwhile) come first.
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const answer = m.message as WorkerAnswer;
        if (answer.id === id) return answer;
      }
      return undefined;
    };
  }

  /**
   * The number of `store`'s opening, which the worker's connection then reads. A new store
   * (after a restore) gets the next number; the worker closes its connection to a store before
   * that store closes, so the file is never held open behind the main connection's back.
   */
  private bind(store: Store): number {
    if (this.served === store) return this.servedNo;
    this.served = store;
    const no = ++this.servedNo;
    store.beforeClose.push(() => {
      if (this.served === store) this.release();
    });
    // Opened now, so that the first summary does not wait for it.
    if (!this.dead) this.post({ kind: 'open', store: no, path: store.path });
    return no;
  }

  /** Has the worker close its connection, and waits until it has. */
  private release(): void {
    if (this.dead || !this.worker || !this.served) return;
    this.served = undefined;
    const answer = this.post({ kind: 'close' })(CLOSE_WAIT_MS);
    if (answer && !answer.ok) this.log(`comparison worker: ${answer.message}`);
  }

  private giveUp(why: string): void {
    if (this.dead) return;
    this.dead = true;
    this.log(`comparison worker ${why}: summaries count their comparisons on the main thread`);
    void this.worker?.terminate();
  }
}

/**
 * Runs a summary in a transaction of its own. With the core's comparison worker ready, the
 * transaction takes the write lock from its start (BEGIN IMMEDIATE): no other connection can
 * commit until it ends, so the worker's reads, which begin inside it, see exactly what this
 * connection sees. Only a transaction that has written nothing may do so: a new one. While
 * another connection writes, the summary does not wait for it: it reads beside it, as any
 * read does, and counts everything here.
 */
export function withComparisons<T>(core: Core, run: (elsewhere?: CountElsewhere) => T): T {
  const { db } = core.store;
  const alone = db.transaction(() => run());
  const worker = !db.readonly && core.comparisons?.startIfIdle() ? core.comparisons : undefined;
  if (!worker) return alone();
  let began = false;
  const paired = db.transaction(() => {
    began = true;
    return run(worker.countElsewhere);
  });
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return paired.immediate();
  } catch (e) {
    if (began || (e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
  return alone();
}
