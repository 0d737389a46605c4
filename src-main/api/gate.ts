// Who may use the connection, for the doors that can wait (callAsync). Ordinary calls share it:
// each runs its statements without awaiting in between, or (file methods) opens its own short
// transactions between awaits. A stepped job (a large sync import) holds one transaction across
// awaits, so that progress can be read and the window stays responsive: it needs the
// connection alone, or another call's writes would join its transaction and share its fate.
// First come, first served: a waiting job is not overtaken by calls that arrive after it.

interface Waiter {
  exclusive: boolean;
  start: () => void;
}

export class CallGate {
  private sharing = 0;
  private held = false;
  private readonly queue: Waiter[] = [];

  /** True while a stepped job holds the connection. */
  get busy(): boolean {
    return this.held;
  }

  shared<T>(work: () => T | Promise<T>): Promise<T> {
    return this.run(false, work);
  }

  exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    return this.run(true, work);
  }

  private async run<T>(exclusive: boolean, work: () => T | Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await work();
    } finally {
      if (exclusive) this.held = false;
      else this.sharing -= 1;
      this.drain();
    }
  }

  private canStart(exclusive: boolean): boolean {
    return exclusive ? !this.held && this.sharing === 0 : !this.held;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.held = true;
    else this.sharing += 1;
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.queue.length === 0 && this.canStart(exclusive)) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push({
        exclusive,
        start: () => {
          this.take(exclusive);
          resolve();
        },
      }),
    );
  }

  private drain(): void {
    while (this.queue.length && this.canStart(this.queue[0]!.exclusive)) this.queue.shift()!.start();
  }
}
