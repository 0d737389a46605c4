import { closeSync, openSync, readSync } from 'node:fs';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { CHUNK, compressChunks, DamagedCompressedError, Output, type Destination } from './compressed';

// Backups as taken now (compressed.ts; Node ≥ 22.15). The file is standard zstd (RFC 8878),
// one frame per chunk: `zstd -d`, like Node's zstdDecompressSync, reads the frames as one
// stream. Each frame states its content size and ends with a checksum of it (XXH64). The
// reader finds where each frame ends from its block headers, without decompressing twice,
// then decompresses the frame alone, so memory stays at a few MiB whatever the file's size.
// Node's decoder gives back what it could of a frame cut short, without an error: the reader
// checks that each frame is whole, and gives back exactly the size it states.

export const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
/** A frame longer than this was not written here (zstd grows incompressible data by < 0.1%). */
const MAX_FRAME = CHUNK + (1 << 20);
/** The largest block (RFC 8878 3.1.1.2.3). */
const MAX_BLOCK = 128 << 10;

/** How hard to look for matches: a level, and the size of its hash table (zstd's own when unset). */
export interface ZstdSettings {
  level: number;
  /** log2 of the hash table's entries. */
  hashLog?: number;
}

/** Compresses `src` into a new file `dest` (written and synced to disk); the file's SHA-256. */
export function zstdFile(src: string, dest: string, settings: ZstdSettings): string {
  const params = {
    [constants.ZSTD_c_compressionLevel]: settings.level,
    ...(settings.hashLog === undefined ? {} : { [constants.ZSTD_c_hashLog]: settings.hashLog }),
    [constants.ZSTD_c_checksumFlag]: 1,
    [constants.ZSTD_c_contentSizeFlag]: 1,
  };
  // An output buffer larger than any frame: given one that its frame fills exactly, Node's
  // encoder asks for more and appends an empty frame.
  return compressChunks(src, dest, (chunk) =>
    zstdCompressSync(chunk, { params, chunkSize: chunk.length + MAX_FRAME - CHUNK }),
  );
}

/**
 * Decompresses `src` into `to`. Throws DamagedCompressedError when a frame is
 * truncated, altered (its checksum) or not one this module writes.
 */
export function unzstdFile(src: string, to: Destination): void {
  const input = openSync(src, 'r');
  const output = new Output(to);
  try {
    // The file's bytes from `at` are buf[start, end); the rest is read when a frame runs past.
    const buf = Buffer.allocUnsafe(MAX_FRAME);
    let start = 0;
    let end = 0;
    let eof = false;
    let frames = 0;
    for (let at = 0; ; frames++) {
      let frame = frameAt(buf, start, end, at);
      if (frame === null && !eof) {
        // What is left to the front, then a full buffer: any frame this module writes fits.
        buf.copy(buf, 0, start, end);
        end -= start;
        start = 0;
        for (let n; end < buf.length && (n = readSync(input, buf, end, buf.length - end, null)) > 0;)
          end += n;
        eof = end < buf.length;
        frame = frameAt(buf, start, end, at);
      }
      if (frame === null) {
        if (start === end) break;
        throw new DamagedCompressedError(
          eof
            ? `truncated: the frame at byte ${at} is cut short`
            : `no zstd frame of this format at byte ${at}`,
        );
      }
      let part: Buffer;
      try {
        // An empty frame is valid zstd (and earlier files can hold one); 0 is no valid limit.
        part = zstdDecompressSync(buf.subarray(start, start + frame.length), {
          maxOutputLength: Math.max(frame.size, 1),
        });
      } catch (e) {
        throw new DamagedCompressedError(`the frame at byte ${at} is damaged (${(e as Error).message})`);
      }
      if (part.length !== frame.size)
        throw new DamagedCompressedError(
          `the frame at byte ${at} gives back ${part.length} bytes, not ${frame.size}`,
        );
      output.write(part);
      start += frame.length;
      at += frame.length;
    }
    if (frames === 0) throw new DamagedCompressedError('empty');
    output.finish();
  } finally {
    closeSync(input);
    output.close();
  }
}

/**
 * The frame that starts at buf[start] (the file's byte `at`): its length and the content
 * size its header states; null when it runs past `end` (or nothing is there). Throws when
 * it is not a frame this module writes: one with its content size and checksum, no
 * dictionary, at most CHUNK bytes.
 */
function frameAt(
  buf: Buffer,
  start: number,
  end: number,
  at: number,
): { length: number; size: number } | null {
  const notOurs = () => new DamagedCompressedError(`no zstd frame of this format at byte ${at}`);
  if (end - start < 6) return null;
  if (!buf.subarray(start, start + 4).equals(ZSTD_MAGIC)) throw notOurs();
  const descriptor = buf[start + 4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const sizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6]!;
  const checksum = (descriptor >> 2) & 1;
  const reserved = (descriptor >> 3) & 1;
  const dictionary = descriptor & 3;
  if (sizeBytes === 0 || checksum !== 1 || reserved !== 0 || dictionary !== 0) throw notOurs();
  let p = start + 5 + (singleSegment ? 0 : 1);
  if (p + sizeBytes > end) return null;
  const size =
    sizeBytes === 1
      ? buf[p]!
      : sizeBytes === 2
        ? buf.readUInt16LE(p) + 256
        : sizeBytes === 4
          ? buf.readUInt32LE(p)
          : Number(buf.readBigUInt64LE(p));
  if (size > CHUNK) throw notOurs();
  p += sizeBytes;
  for (let last = 0; !last;) {
    if (p + 3 > end) return null;
    const header = buf.readUIntLE(p, 3);
    last = header & 1;
    const type = (header >> 1) & 3;
    const blockSize = header >>> 3;
    if (type === 3 || blockSize > MAX_BLOCK)
      throw new DamagedCompressedError(
        `the frame at byte ${at} is damaged (a block header at byte ${at + p - start})`,
      );
    p += 3 + (type === 1 ? 1 : blockSize); // an RLE block is its one byte
  }
  p += 4; // the checksum
  return p > end ? null : { length: p - start, size };
}
