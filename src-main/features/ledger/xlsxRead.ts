// .xlsx → sheets of cells. Values come from exceljs's streaming reader (it keeps memory flat
// for 50,000-row ledgers and turns date-formatted numbers into dates); sheet names and merged
// ranges come from the file's XML, read with jszip (the streaming reader does not report them).
// jszip also checks every entry's CRC first: the streaming reader can wait forever on a
// damaged archive, so a damaged file must be refused before it gets there.
// A value merged over several rows (an enterprise's name over its three demands) is copied
// into every row of the range, as the user sees it.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnIndex, type CellValue, type SheetData, type SheetRow } from '@shared/ledger/types';

interface SheetMeta {
  name: string;
  order: number;
  merges: Range[];
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
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

/** Sheet file → its tab name, tab order and merged ranges. Throws on a damaged archive. */
async function readMeta(buf: Buffer): Promise<Map<string, SheetMeta>> {
  const archive = await JSZip.loadAsync(buf, { checkCRC32: true });
  // Every entry is inflated once here, which is what runs the CRC checks.
  const texts = new Map<string, string>();
  await Promise.all(
    Object.values(archive.files).map(async (f) => {
      const data = await f.async('nodebuffer');
      if (f.name.endsWith('.xml') || f.name.endsWith('.rels'))
        texts.set(f.name.replace(/^\//, ''), data.toString('utf8'));
    }),
  );
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
    const merges: Range[] = [];
    for (const mc of xml.matchAll(/<(?:\w+:)?mergeCell\s+ref="([^"]+)"/g)) {
      const [a1, b1] = mc[1]!.split(':');
      const from = cellRef(a1 ?? '');
      const to = cellRef(b1 ?? a1 ?? '');
      if (from && to) merges.push({ r1: from.row, c1: from.col, r2: to.row, c2: to.col });
    }
    out.set(path, { name: a.name, order: order++, merges });
  }
  return out;
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

function nonEmpty(c: CellValue): boolean {
  return c !== null && !(typeof c === 'string' && c.trim() === '');
}

function fillMerges(rows: SheetRow[], merges: Range[]): void {
  if (!merges.length) return;
  const byNo = new Map(rows.map((r) => [r.rowNo, r]));
  for (const m of merges) {
    const top = byNo.get(m.r1)?.cells[m.c1] ?? null;
    if (top === null) continue;
    for (let r = m.r1; r <= m.r2; r++) {
      const row = byNo.get(r);
      if (!row) continue;
      for (let c = m.c1; c <= m.c2; c++) {
        if (!nonEmpty(row.cells[c] ?? null)) {
          while (row.cells.length <= c) row.cells.push(null);
          row.cells[c] = top;
        }
      }
    }
  }
}

export async function readXlsx(buf: Buffer): Promise<SheetData[]> {
  const meta = await readMeta(buf);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
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
    sheets.push({ name: m?.name ?? `Sheet${id}`, order: m?.order ?? 1000 + Number(id), rows });
  }
  return sheets.sort((a, b) => a.order - b.order).map(({ name, rows }) => ({ name, rows }));
}
