import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

// What the compressed file formats of backups (gzipFile.ts, zstdFile.ts) share. Files are
// compressed and decompressed synchronously (backups are taken inside synchronous calls, before
// a migration too) a chunk at a time, each chunk a whole gzip member or zstd frame, so that a
// database larger than memory can be handled.

/** Uncompressed bytes per member or frame: large enough that restarting the dictionary costs nothing. */
export const CHUNK = 4 << 20;

export interface Compressed {
  /** SHA-256 of the compressed file's bytes. */
  sha256: string;
  /** SHA-256 of the bytes compressed. */
  contentSha256: string;
}

/** A file that is not compressed as written here, or whose content does not check out. */
export class DamagedCompressedError extends Error {}

/**
 * Compresses `src` into a new file `dest` (written and synced to disk), each CHUNK of it
 * encoded alone by `encode`.
 */
export function compressChunks(src: string, dest: string, encode: (chunk: Buffer) => Buffer): Compressed {
  const file = createHash('sha256');
  const content = createHash('sha256');
  const input = openSync(src, 'r');
  const output = openSync(dest, 'wx');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    for (let n; (n = readSync(input, chunk, 0, CHUNK, null)) > 0;) {
      const part = chunk.subarray(0, n);
      content.update(part);
      const encoded = encode(part);
      file.update(encoded);
      writeSync(output, encoded);
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return { sha256: file.digest('hex'), contentSha256: content.digest('hex') };
}
