// CSV (and tab-separated text) → one sheet of text cells.
// Encoding: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else UTF-16 when
// the text has zero bytes (its ASCII characters, e.g. Excel's "Unicode text" without a BOM); else GB18030, a superset of GBK
// and GB2312 and what Excel writes for "CSV" on a Chinese Windows. (chardet alone mistakes
// short GBK files for Shift_JIS or Big5.) The caller may force an encoding.
// Parsing follows RFC 4180: quoted fields may hold the delimiter, line breaks and "" for a
// quote; CRLF, LF and CR all end a record. The delimiter is the one of , ; tab that splits
// the first lines most consistently.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { SheetRow } from '@shared/ledger/types';

export function detectEncoding(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 'utf-8';
  } catch {
    /* not UTF-8 */
  }
  const sample = buf.subarray(0, 256 * 1024);
  // Zero bytes never occur in GBK or UTF-8 text; in UTF-16 every ASCII character has one.
  let odd = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  if (odd + even >= sample.length * 0.02) {
    if (odd >= (odd + even) * 0.7) return 'utf-16le';
    if (even >= (odd + even) * 0.7) return 'utf-16be';
  }
  const top = analyse(sample)[0];
  if (top && (top.name === 'UTF-16LE' || top.name === 'UTF-16BE')) return top.name.toLowerCase();
  return 'gb18030';
}

export function decodeText(buf: Buffer, encoding: string): string {
  if (!iconv.encodingExists(encoding)) throw new RangeError(`unknown text encoding '${encoding}'`);
  // iconv strips a BOM by default.
  return iconv.decode(buf, encoding);
}

function detectDelimiter(text: string): string {
  const sample = text
    .slice(0, 64 * 1024)
    .split(/\r\n?|\n/)
    .slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';']) {
    const counts = sample.map((line) => countOutsideQuotes(line, d)).filter((n) => n > 0);
    if (!counts.length) continue;
    // Lines that agree on the most common count, weighted by that count.
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const [n, agree] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = agree * Math.log2(n + 1);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** RFC 4180 records; `rowNo` counts records (as Excel numbers the rows of an opened CSV). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let rowNo = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    if (cells.length) rows.push({ rowNo, cells: cells.map(unguard) });
    cells = [];
    rowNo++;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}

/** Undoes the export's guard against formulas: "'=…" was written for "=…". */
function unguard(s: string): string {
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

export function readCsv(buf: Buffer, encoding?: string): { encoding: string; rows: SheetRow[] } {
  const enc = encoding ?? detectEncoding(buf);
  const text = decodeText(buf, enc).replace(/^\uFEFF/, '');
  return { encoding: enc, rows: parseCsv(text) };
}
