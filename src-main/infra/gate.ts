// Who may use the connection, for the doors that can wait (callAsync). Ordinary calls share it:
// each runs its statements without awaiting in between, or (file methods) opens its own short
// transactions between awaits. A stepped job (a large sync import) holds one transaction across
// awaits, so that progress can be read and the window stays responsive: it needs the
// connection alone, or another call's writes would join its transaction and share its fate. A
// job that holds no transaction across its steps (an export) shares the connection with calls,
// but not with another such job. First come, first served: a waiting job is not overtaken by
// calls that arrive after it.

/** How a call holds the connection: with other calls, alone, or with calls but no other such job. */
type Mode = 'shared' | 'exclusive' | 'sharedJob';

interface Waiter {
  mode: Mode;
  start: () => void;
}

export class CallGate {
  private sharing = 0;
  private held = false;
  private jobSharing = false;
  private readonly queue: Waiter[] = [];

  /** True while a stepped job holds the connection alone. */
  get busy(): boolean {
    return this.held;
  }

  shared<T>(work: () => T | Promise<T>): Promise<T> {
    return this.run('shared', work);
  }

  exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    return this.run('exclusive', work);
  }

  /** A job that holds no transaction across its steps: calls run beside it, other jobs wait. */
  sharedJob<T>(work: () => T | Promise<T>): Promise<T> {
    return this.run('sharedJob', work);
  }

  private async run<T>(mode: Mode, work: () => T | Promise<T>): Promise<T> {
    await this.acquire(mode);
    try {
      return await work();
    } finally {
      if (mode === 'exclusive') this.held = false;
      else {
        this.sharing -= 1;
        if (mode === 'sharedJob') this.jobSharing = false;
      }
      this.drain();
    }
  }

  private canStart(mode: Mode): boolean {
    if (this.held) return false;
    if (mode === 'exclusive') return this.sharing === 0;
    return mode === 'shared' || !this.jobSharing;
  }

  private take(mode: Mode): void {
    if (mode === 'exclusive') this.held = true;
    else {
      this.sharing += 1;
      if (mode === 'sharedJob') this.jobSharing = true;
    }
  }

  private acquire(mode: Mode): Promise<void> {
    if (this.queue.length === 0 && this.canStart(mode)) {
      this.take(mode);
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push({
        mode,
        start: () => {
          this.take(mode);
          resolve();
        },
      }),
    );
  }

  private drain(): void {
    while (this.queue.length && this.canStart(this.queue[0]!.mode)) this.queue.shift()!.start();
  }
}
