import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CHUNK, compressChunks, DamagedCompressedError, Output, type Destination } from './compressed';

// Backups of the previous version, and copies to a file the user names .gz (compressed.ts).
// The file is standard gzip, one member per chunk (RFC 1952 allows several; `gunzip` reads
// them as one stream). Each member's header carries its own length in an extra field ('VL'),
// as BGZF does, so the reader finds the members without inflating twice; each member is then
// checked by zlib against its CRC-32 and length.

/** A member longer than this was not written here (deflate grows stored data by < 0.1%). */
const MAX_MEMBER = CHUNK + (1 << 20);
const HEADER = 20; // 10 fixed bytes, XLEN (2), and one subfield: SI1 SI2, LEN (2), the length (4)
export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const FEXTRA = 0x04;

/** One member: zlib's gzip of the chunk, its header given the length subfield. */
function member(chunk: Buffer, level: number): Buffer {
  const gz = gzipSync(chunk, { level });
  if (gz[3] !== 0) throw new Error('zlib wrote gzip header flags this writer does not expect');
  const head = Buffer.alloc(HEADER);
  gz.copy(head, 0, 0, 10);
  head[3] = FEXTRA;
  head.writeUInt16LE(8, 10); // XLEN
  head.write('VL', 12, 'latin1');
  head.writeUInt16LE(4, 14);
  head.writeUInt32LE(gz.length - 10 + HEADER, 16);
  return Buffer.concat([head, gz.subarray(10)]);
}

/** Compresses `src` into a new file `dest` (written and synced to disk); the file's SHA-256. */
export function gzipFile(src: string, dest: string, level: number): string {
  return compressChunks(src, dest, (chunk) => member(chunk, level));
}

/**
 * Decompresses `src` into `to`. Throws DamagedCompressedError when a member is
 * truncated, altered (CRC-32) or not one this module writes.
 */
export function gunzipFile(src: string, to: Destination): void {
  const input = openSync(src, 'r');
  const output = new Output(to);
  try {
    const head = Buffer.alloc(HEADER);
    const body = Buffer.allocUnsafe(MAX_MEMBER);
    let members = 0;
    for (let at = 0; ; members++) {
      const got = readSync(input, head, 0, HEADER, at);
      if (got === 0) break;
      const length = got === HEADER ? memberLength(head) : null;
      if (length === null) throw new DamagedCompressedError(`no gzip member of this format at byte ${at}`);
      if (readSync(input, body, 0, length, at) !== length)
        throw new DamagedCompressedError(`truncated: the member at byte ${at} is cut short`);
      let part: Buffer;
      try {
        part = gunzipSync(body.subarray(0, length));
      } catch (e) {
        throw new DamagedCompressedError(`the member at byte ${at} is damaged (${(e as Error).message})`);
      }
      output.write(part);
      at += length;
    }
    if (members === 0) throw new DamagedCompressedError('empty');
    output.finish();
  } finally {
    closeSync(input);
    output.close();
  }
}

/** The length a member's header gives, or null when it is not a header this module writes. */
function memberLength(head: Buffer): number | null {
  const ours =
    head[0] === GZIP_MAGIC[0] &&
    head[1] === GZIP_MAGIC[1] &&
    head[2] === 8 && // deflate
    head[3] === FEXTRA &&
    head.readUInt16LE(10) === 8 &&
    head.toString('latin1', 12, 14) === 'VL' &&
    head.readUInt16LE(14) === 4;
  if (!ours) return null;
  const length = head.readUInt32LE(16);
  return length > HEADER + 8 && length <= MAX_MEMBER ? length : null;
}
