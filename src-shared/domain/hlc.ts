// Hybrid logical clock (Kulkarni et al.): wall time in ms plus a counter, so stamps
// stay ordered even when wall clocks stall or jump back. A stamp is a fixed-width
// string that sorts in clock order; the node (device id) at the end breaks ties.

const MS_WIDTH = 15;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
/** A node is a device id (a UUID), at most as long as the change log's device column allows. */
const NODE_MAX = 64;

/** A node as a stamp holds it. */
const NODE_PATTERN = `[0-9A-Za-z_-]{1,${NODE_MAX}}`;

/** The exact shape formatHlc writes: anything else is no stamp of this app. */
export const HLC_SHAPE = new RegExp(`^\\d{${MS_WIDTH}}-[0-9a-z]{${COUNTER_WIDTH}}-${NODE_PATTERN}$`);
export const isHlc = (stamp: string): boolean => HLC_SHAPE.test(stamp);

const NODE_SHAPE = new RegExp(`^${NODE_PATTERN}$`);
let lastNode: { node: string; fits: boolean } | undefined;

/**
 * Whether formatHlc gives these parts a stamp of the shape (isHlc), without writing it: a bulk
 * load stores its stamps' parts as they are when they do (a node is tested once in a row).
 */
export function fitsShape({ ms, counter, node }: HlcParts): boolean {
  if (lastNode?.node !== node) lastNode = { node, fits: NODE_SHAPE.test(node) };
  return (
    lastNode.fits &&
    Number.isInteger(ms) &&
    ms >= 0 &&
    ms < 10 ** MS_WIDTH &&
    Number.isInteger(counter) &&
    counter >= 0 &&
    counter <= MAX_COUNTER
  );
}

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function formatHlc({ ms, counter, node }: HlcParts): string {
  return `${String(ms).padStart(MS_WIDTH, '0')}-${counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const parts = readHlc(stamp);
  if (!parts) throw new RangeError(`not a clock stamp: '${stamp}'`);
  return parts;
}

/** A stamp's parts, or null for text of another shape (one test of the shape, not two). */
export function readHlc(stamp: string): HlcParts | null {
  if (!isHlc(stamp)) return null;
  const ms = Number(stamp.slice(0, MS_WIDTH));
  const counter = parseInt(stamp.slice(MS_WIDTH + 1, MS_WIDTH + 1 + COUNTER_WIDTH), 36);
  const node = stamp.slice(MS_WIDTH + COUNTER_WIDTH + 2);
  return { ms, counter, node };
}

export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** A stamp for a local event. */
  tick(): string {
    return formatHlc(this.advance());
  }

  /** tick()'s stamp as its parts: a bulk load stores them as numbers, never as text. */
  advance(): HlcParts {
    const wall = this.wallClock();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.bump();
    }
    return { ms: this.ms, counter: this.counter, node: this.node };
  }

  /**
   * Moves the clock past a stamp seen from elsewhere (or stored earlier). A stamp of an
   * impossible shape (one a log took in before imports refused them) is no time to follow.
   */
  observe(stamp: string): void {
    if (!isHlc(stamp)) return;
    const remote = parseHlc(stamp);
    if (remote.ms > this.ms) {
      this.ms = remote.ms;
      this.counter = remote.counter;
    } else if (remote.ms === this.ms && remote.counter > this.counter) {
      this.counter = remote.counter;
    }
  }

  /** The newest time this clock has seen, in ms. */
  get latestMs(): number {
    return this.ms;
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      this.ms += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
