// Just enough of the ZIP format to read small parts of an .xlsx synchronously (sheet names
// and merged-cell ranges, which exceljs's streaming reader does not report). Cell values are
// read by exceljs. No ZIP64: an entry this cannot read is reported as missing.
import { inflateRawSync } from 'node:zlib';

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly buf: Buffer) {
    const eocd = this.findEocd();
    if (eocd < 0) return;
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    for (let i = 0; i < count && p + 46 <= buf.length; i++) {
      if (buf.readUInt32LE(p) !== CENTRAL) break;
      const nameLen = buf.readUInt16LE(p + 28);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      this.entries.set(name.replace(/^\//, ''), {
        method: buf.readUInt16LE(p + 10),
        compressedSize: buf.readUInt32LE(p + 20),
        localOffset: buf.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  }

  private findEocd(): number {
    const min = Math.max(0, this.buf.length - 65_557);
    for (let i = this.buf.length - 22; i >= min; i--) if (this.buf.readUInt32LE(i) === EOCD) return i;
    return -1;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's content as text, or null when it is absent or cannot be read. */
  text(name: string): string | null {
    const e = this.entries.get(name);
    if (!e || e.compressedSize === 0xffffffff || e.localOffset + 30 > this.buf.length) return null;
    if (this.buf.readUInt32LE(e.localOffset) !== LOCAL) return null;
    const start =
      e.localOffset +
      30 +
      this.buf.readUInt16LE(e.localOffset + 26) +
      this.buf.readUInt16LE(e.localOffset + 28);
    const data = this.buf.subarray(start, start + e.compressedSize);
    try {
      if (e.method === 0) return data.toString('utf8');
      if (e.method === 8) return inflateRawSync(data).toString('utf8');
    } catch {
      return null;
    }
    return null;
  }
}
