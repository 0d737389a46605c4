// .xlsx → sheets of cells. Values come from exceljs's streaming reader (it keeps memory flat
// for 50,000-row ledgers and turns date-formatted numbers into dates); sheet names and merged
// ranges come from the file's XML, read with jszip (the streaming reader does not report them).
// The streaming reader can wait forever on damaged data, so it never reads the file itself: jszip
// inflates every part listed in the central directory and checks its CRC, and the streaming
// reader gets an archive written again from those parts alone. (A central directory broken
// after its first entry once hid a damaged part from jszip, while the streaming reader, which
// walks the local headers, met it and hung.) The new archive also puts the parts in the order the
// streaming reader needs: the workbook before the sheets and shared strings, which some tools,
// and exceljs itself at times, do not.
// Merged values are copied into every cell of their range (merges.ts); hidden columns are
// reported so that a visible column wins over a hidden one of the same meaning.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillMerges, nonEmpty, type MergeRange } from './merges';
import { columnIndex, type CellValue, type SheetData, type SheetRow } from '@shared/ledger/types';

interface SheetMeta {
  name: string;
  order: number;
  merges: MergeRange[];
  hiddenColumns: number[];
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[k]!;
  });

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
    const key = m[1]!;
    out[key] = decode(m[2]!);
    // r:id may come with another namespace prefix
    if (key.endsWith(':id')) out['r:id'] = decode(m[2]!);
  }
  return out;
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  const col = columnIndex(m[1]!);
  return col === null ? null : { row: Number(m[2]), col };
}

/**
 * Parts the streaming reader must meet before any sheet, in this order: the workbook (else it
 * fails), the shared strings and the styles (else a date-formatted cell reads as its serial).
 */
const LEADING_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The checked parts as a new archive, its leading parts first. */
function streamable(archive: JSZip, parts: Map<string, Buffer>): Promise<Buffer> {
  const rank = (n: string) => {
    const i = LEADING_PARTS.indexOf(n);
    return i < 0 ? LEADING_PARTS.length : i;
  };
  const ordered = new JSZip();
  for (const name of Object.keys(archive.files).sort((a, b) => rank(a) - rank(b)))
    if (!archive.files[name]!.dir) ordered.file(name, parts.get(name)!);
  // Deflated at the fastest level: the streaming reader holds a stored part whole in memory
  // (~700 MB for the 50,000-row bench ledger, against ~200 MB), and reads it slower.
  return ordered.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
  });
}

/**
 * Sheet file → its tab name, tab order and merged ranges, and the archive the streaming reader
 * may read. Throws on a damaged archive.
 */
async function readMeta(buf: Buffer): Promise<{ meta: Map<string, SheetMeta>; checked: Buffer }> {
  const archive = await JSZip.loadAsync(buf, { checkCRC32: true });
  if (!archive.files['xl/workbook.xml']) throw new Error('xl/workbook.xml is missing');
  // Every entry is inflated once here, which is what runs the CRC checks.
  const parts = new Map<string, Buffer>();
  await Promise.all(
    Object.values(archive.files).map(async (f) => {
      parts.set(f.name, await f.async('nodebuffer'));
    }),
  );
  const texts = new Map<string, string>();
  for (const [name, data] of parts)
    if (name.endsWith('.xml') || name.endsWith('.rels'))
      texts.set(name.replace(/^\//, ''), data.toString('utf8'));
  const zip = { text: (name: string) => texts.get(name) ?? null };
  const out = new Map<string, SheetMeta>();
  const targets = new Map<string, string>();
  for (const m of (zip.text('xl/_rels/workbook.xml.rels') ?? '').matchAll(
    /<(?:\w+:)?Relationship\b[^>]*>/g,
  )) {
    const a = attrs(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  let order = 0;
  for (const m of (zip.text('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const path = a['r:id'] ? targets.get(a['r:id']) : undefined;
    if (!path || a.name === undefined) continue;
    const xml = zip.text(path) ?? '';
    const merges: MergeRange[] = [];
    for (const mc of xml.matchAll(/<(?:\w+:)?mergeCell\s+ref="([^"]+)"/g)) {
      const [a1, b1] = mc[1]!.split(':');
      const from = cellRef(a1 ?? '');
      const to = cellRef(b1 ?? a1 ?? '');
      if (from && to) merges.push({ r1: from.row, c1: from.col, r2: to.row, c2: to.col });
    }
    const hiddenColumns: number[] = [];
    for (const col of xml.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
      const c = attrs(col[0]);
      if (c.hidden !== '1' && c.hidden !== 'true') continue;
      // A hidden range over the whole row (up to XFD) would be 16,384 columns: cap it.
      for (let i = Number(c.min); i <= Math.min(Number(c.max), 1024); i++) hiddenColumns.push(i - 1);
    }
    out.set(path, { name: a.name, order: order++, merges, hiddenColumns });
  }
  return { meta: out, checked: await streamable(archive, parts) };
}

type ExcelValue = ExcelJS.CellValue | undefined;

function toCell(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return toCell(v.result as ExcelValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

export async function readXlsx(buf: Buffer): Promise<SheetData[]> {
  const { meta, checked } = await readMeta(buf);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([checked]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: (SheetData & { order: number })[] = [];
  for await (const ws of reader) {
    const rows: SheetRow[] = [];
    for await (const row of ws) {
      const values = row.values as ExcelValue[];
      const cells: CellValue[] = [];
      for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
      while (cells.length && !nonEmpty(cells[cells.length - 1]!)) cells.pop();
      if (cells.length) rows.push({ rowNo: row.number, cells });
    }
    const id = (ws as unknown as { id: string | number }).id;
    const m = meta.get(`xl/worksheets/sheet${id}.xml`);
    if (m) fillMerges(rows, m.merges);
    sheets.push({
      name: m?.name ?? `Sheet${id}`,
      order: m?.order ?? 1000 + Number(id),
      rows,
      ...(m?.hiddenColumns.length ? { hiddenColumns: m.hiddenColumns } : {}),
    });
  }
  return sheets.sort((a, b) => a.order - b.order).map(({ order: _, ...sheet }) => sheet);
}
