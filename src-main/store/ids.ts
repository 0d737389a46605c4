import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// Record ids: UUID v7, each after the previous one (a counter within a millisecond), as uuid's
// own v7() makes them. That asks Web Crypto for 16 bytes per id, which took longer than the rest
// of a small insert (the demo's bulk load makes some 14,000 ids a scale); here the random bytes
// come from a pool filled a few kilobytes at a time.

const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let taken = pool.length;
/** The last id's time and counter (uuid's v7 state). */
const last = { msecs: -Infinity, seq: 0 };

/** A new UUID v7, greater than every one made before it in this process (as uuid's v7()). */
export function newId(): string {
  if (taken === pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  const random = pool.subarray(taken, (taken += 16));
  const now = Date.now();
  if (now > last.msecs) {
    last.msecs = now;
    // uuid's start of a millisecond's counter: 31 random bits.
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs++;
  }
  return v7({ random, msecs: last.msecs, seq: last.seq });
}
