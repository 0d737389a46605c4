import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

// What the compressed file formats of backups (gzipFile.ts, zstdFile.ts) share. Files are
// compressed and decompressed synchronously (backups are taken inside synchronous calls, before
// a migration too) a chunk at a time, each chunk a whole gzip member or zstd frame, so that a
// database larger than memory can be handled.

/** Uncompressed bytes per member or frame: large enough that restarting the dictionary costs nothing. */
export const CHUNK = 4 << 20;

/** A file that is not compressed as written here, or whose content does not check out. */
export class DamagedCompressedError extends Error {}

/**
 * Compresses `src` into a new file `dest` (written and synced to disk), each CHUNK of it
 * encoded alone by `encode`; returns the SHA-256 of the compressed file.
 */
export function compressChunks(src: string, dest: string, encode: (chunk: Buffer) => Buffer): string {
  const file = createHash('sha256');
  const input = openSync(src, 'r');
  const output = openSync(dest, 'wx');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (let n; (n = readSync(input, chunk, 0, CHUNK, null)) > 0;) {
      const encoded = encode(chunk.subarray(0, n));
      file.update(encoded);
      writeSync(output, encoded);
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return file.digest('hex');
}

/**
 * Where decompressed bytes go: a new file (synced to disk once whole), a comparison with the
 * file they were compressed from (a byte comparison costs a tenth of hashing both), or
 * nowhere (the file is only checked).
 */
export type Destination = { file: string } | { sameAs: string } | null;

/** A Destination opened; closed by its user whatever happens. */
export class Output {
  private readonly fd: number | null;
  private readonly compare: boolean;
  private expected = Buffer.alloc(0);

  constructor(to: Destination) {
    this.compare = to !== null && 'sameAs' in to;
    this.fd = to === null ? null : 'file' in to ? openSync(to.file, 'wx') : openSync(to.sameAs, 'r');
  }

  write(part: Buffer): void {
    if (this.fd === null) return;
    if (!this.compare) {
      writeSync(this.fd, part);
      return;
    }
    if (this.expected.length < part.length) this.expected = Buffer.allocUnsafe(part.length);
    const got = readSync(this.fd, this.expected, 0, part.length, null);
    if (got !== part.length || !this.expected.subarray(0, got).equals(part)) throw new MismatchError();
  }

  /** Syncs the file written, or checks that the file compared with has no more bytes. */
  finish(): void {
    if (this.fd === null) return;
    if (!this.compare) fsyncSync(this.fd);
    else if (readSync(this.fd, Buffer.alloc(1), 0, 1, null) !== 0) throw new MismatchError();
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
  }
}

class MismatchError extends Error {
  constructor() {
    super('the compressed file does not give back the file it was made from');
  }
}
