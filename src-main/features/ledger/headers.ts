// Finding the header row and matching its columns to fields.
// Header row: among the first 30 rows, the one whose cells match the most known header
// words (title rows, merged banners and blank rows above it are skipped); a second header
// row directly above or below (two-level headers) lends its words to columns it names.
// Columns: every (column, field) pair is scored (exact word 1.0, a word inside the header or
// the header inside a word less, generic words × 0.85), then assigned greedily, best first,
// one field per column and one column per field.
import { createHash } from 'node:crypto';
import { FIELDS, KIND_DEFS, type FieldKey } from './fields';
import { IGNORED_HEADERS } from './ignoredHeaders';
import { cellText, fold } from './text';
import { IMPORT_KINDS, type CellValue, type ImportKind, type SheetRow } from '@shared/ledger/types';

const SCAN_ROWS = 30;
/** A cell counts as a header when it matches some word at least this well. */
const HEADER_HIT = 0.75;
/** A column is mapped to a field from this score up. */
const MAP_MIN = 0.6;
const WEAK = 0.85;

export interface ColumnMatch {
  field: FieldKey;
  column: number;
  header: string;
  confidence: number;
  source: 'auto' | 'saved' | 'user';
}

export interface Layout {
  /** The header row(s), as Excel numbers them. */
  headerRows: number[];
  /** No row had known headers: the first row of texts was taken (the user maps its columns). */
  guessed: boolean;
  headers: string[];
  dataRows: SheetRow[];
  ignoredRows: { row: number; reason: string }[];
}

/** Header text variants to compare: whole, and without bracketed notes ("(必填)", "（万元）"). */
function variants(header: string): string[] {
  const whole = fold(header);
  const bare = fold(header.normalize('NFKC').replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ''));
  return bare && bare !== whole ? [whole, bare] : [whole];
}

function wordScore(h: string, w: string): number {
  if (!h || !w) return 0;
  if (h === w) return 1;
  const hl = [...h].length;
  const wl = [...w].length;
  if (wl >= 2 && h.includes(w)) return 0.6 + 0.3 * (wl / hl);
  if (hl >= 2 && w.includes(h)) return 0.5 + 0.3 * (hl / wl);
  return 0;
}

interface WordList {
  strong: string[];
  weak: string[];
}

const wordCache = new Map<string, WordList>();

function wordsOf(kind: ImportKind, field: FieldKey): WordList {
  const key = `${kind}.${field}`;
  let w = wordCache.get(key);
  if (!w) {
    const def = FIELDS[field].words;
    w = {
      strong: [...def.words, ...(KIND_DEFS[kind].aliases[field] ?? [])].map(fold),
      weak: (def.weak ?? []).map(fold),
    };
    wordCache.set(key, w);
  }
  return w;
}

export function fieldScore(header: string, kind: ImportKind, field: FieldKey): number {
  const { strong, weak } = wordsOf(kind, field);
  let best = 0;
  for (const h of variants(header)) {
    for (const w of strong) best = Math.max(best, wordScore(h, w));
    for (const w of weak) best = Math.max(best, wordScore(h, w) * WEAK);
  }
  return best;
}

const IGNORED = new Set(IGNORED_HEADERS.map(fold));

function isIgnoredHeader(header: string): boolean {
  return variants(header).some((v) => IGNORED.has(v));
}

/**
 * How many cells of a row read as headers of the given kinds (each field counted once), or
 * are one of `extra` (the headers of saved mappings and of the user's mapping).
 */
function headerHits(
  cells: CellValue[],
  kinds: readonly ImportKind[],
  extra: ReadonlySet<string> = NONE,
): { hits: number; sum: number } {
  const seen = new Set<string>();
  let sum = 0;
  let hits = 0;
  const texts = new Set<string>();
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const text = cell.trim();
    if (!text || texts.has(text) || text.length > 40) continue;
    texts.add(text);
    if (isIgnoredHeader(text) || extra.has(fold(text))) {
      hits++;
      sum += 1;
      continue;
    }
    let best = 0;
    let bestField = '';
    for (const kind of kinds) {
      for (const field of KIND_DEFS[kind].fields) {
        const s = fieldScore(text, kind, field);
        if (s > best) [best, bestField] = [s, field];
      }
    }
    if (best >= HEADER_HIT && !seen.has(bestField)) {
      seen.add(bestField);
      hits++;
      sum += best;
    }
  }
  return { hits, sum };
}

const NONE: ReadonlySet<string> = new Set();

const FOOTNOTE = /^(填表人|制表人|填报人|审核人|负责人|统计人|注[:：]|说明[:：]|备注[:：]|合计|总计|小计)/;

/** A second header row: short texts only, most of them header words (a data row has a few at most). */
function looksLikeHeaderRow(cells: CellValue[], kinds: readonly ImportKind[]): boolean {
  if (!cells.every((c) => c === null || (typeof c === 'string' && c.trim().length <= 20))) return false;
  const distinct = new Set(cells.map((c) => cellText(c)).filter(Boolean)).size;
  return distinct > 0 && headerHits(cells, kinds).hits >= Math.ceil(distinct * 0.6);
}

/** Finds the header row (or uses the one the user chose) and the data rows below it. */
export function findLayout(
  rows: SheetRow[],
  kind: ImportKind | null,
  headerRowNo?: number,
  extraWords: string[] = [],
): Layout | null {
  const kinds = kind ? [kind] : IMPORT_KINDS;
  const extra = new Set(extraWords.map(fold).filter(Boolean));
  let h = -1;
  let guessed = false;
  if (headerRowNo !== undefined) {
    h = rows.findIndex((r) => r.rowNo === headerRowNo);
    if (h < 0) return null;
  } else {
    let best = { hits: 1, sum: 0 };
    for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++) {
      const s = headerHits(rows[i]!.cells, kinds, extra);
      if (s.hits > best.hits || (s.hits === best.hits && s.sum > best.sum + 1e-9 && h >= 0)) {
        best = s;
        h = i;
      }
    }
    if (h < 0) {
      // Nothing known: the first row of two or more texts is the header the user will map.
      h = rows
        .slice(0, SCAN_ROWS)
        .findIndex(
          (r) =>
            r.cells.every((c) => c === null || typeof c === 'string') &&
            r.cells.filter((c) => cellText(c)).length >= 2,
        );
      if (h < 0) return null;
      guessed = true;
    }
  }
  const main = rows[h]!;
  const headers = main.cells.map((c) => cellText(c));
  const headerRows = [main.rowNo];
  let first = h + 1;
  // Two-level headers: the row above or below names columns this row leaves blank or groups.
  const lend = (other: SheetRow) => {
    other.cells.forEach((c, i) => {
      const text = cellText(c);
      if (!text) return;
      const mine = headers[i] ?? '';
      const specific = kinds.some((k) =>
        KIND_DEFS[k].fields.some((f) => fieldScore(text, k, f) >= HEADER_HIT),
      );
      const mineKnown =
        mine && kinds.some((k) => KIND_DEFS[k].fields.some((f) => fieldScore(mine, k, f) >= HEADER_HIT));
      if (!mine || (specific && !mineKnown) || (specific && other.rowNo > main.rowNo && mine !== text)) {
        while (headers.length <= i) headers.push('');
        headers[i] = text;
      }
    });
  };
  const below = rows[h + 1];
  if (
    headerRowNo === undefined &&
    !guessed &&
    below &&
    below.rowNo === main.rowNo + 1 &&
    looksLikeHeaderRow(below.cells, kinds)
  ) {
    lend(below);
    headerRows.push(below.rowNo);
    first = h + 2;
  }
  const above = rows[h - 1];
  if (
    headerRowNo === undefined &&
    !guessed &&
    above &&
    above.rowNo === main.rowNo - 1 &&
    looksLikeHeaderRow(above.cells, kinds)
  ) {
    const before = headers.filter(Boolean).length;
    lend(above);
    if (headers.filter(Boolean).length > before) headerRows.unshift(above.rowNo);
  }

  const headerFolds = headers.map((t) => fold(t));
  const dataRows: SheetRow[] = [];
  const ignoredRows: Layout['ignoredRows'] = [];
  for (const row of rows.slice(first)) {
    const texts = row.cells.map((c) => cellText(c));
    const filled = texts.filter(Boolean);
    if (!filled.length) continue;
    const repeats = texts.filter((t, i) => t && fold(t) === headerFolds[i]).length;
    if (repeats >= Math.max(2, Math.ceil(filled.length * 0.6))) {
      ignoredRows.push({ row: row.rowNo, reason: '重复的表头 (repeated header)' });
      continue;
    }
    if (FOOTNOTE.test(filled[0]!) && (filled.length === 1 || /^(合计|总计|小计)/.test(filled[0]!))) {
      ignoredRows.push({ row: row.rowNo, reason: '表尾说明或合计行 (footnote or total row)' });
      continue;
    }
    dataRows.push(row);
  }
  return { headerRows, guessed, headers, dataRows, ignoredRows };
}

/** The automatic column → field matches of a kind. */
export function autoMapping(headers: string[], kind: ImportKind): ColumnMatch[] {
  const fields = KIND_DEFS[kind].fields;
  const pairs: { column: number; field: FieldKey; score: number; order: number }[] = [];
  headers.forEach((header, column) => {
    if (!header || isIgnoredHeader(header)) return;
    fields.forEach((field, order) => {
      const score = fieldScore(header, kind, field);
      if (score >= MAP_MIN) pairs.push({ column, field, score, order });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order || a.column - b.column);
  const usedColumns = new Set<number>();
  const usedFields = new Set<FieldKey>();
  const out: ColumnMatch[] = [];
  for (const p of pairs) {
    if (usedColumns.has(p.column) || usedFields.has(p.field)) continue;
    usedColumns.add(p.column);
    usedFields.add(p.field);
    out.push({
      field: p.field,
      column: p.column,
      header: headers[p.column]!,
      confidence: Math.round(p.score * 100) / 100,
      source: 'auto',
    });
  }
  return out.sort((a, b) => a.column - b.column);
}

/** How well a kind explains the headers: matched confidence, plus a bonus when its required fields are all there. */
export function kindScore(headers: string[], kind: ImportKind): number {
  const mapping = autoMapping(headers, kind);
  const def = KIND_DEFS[kind];
  const mapped = new Set(mapping.map((m) => m.field));
  if (def.requiredColumns.some((f) => !mapped.has(f))) return 0;
  const sum = mapping.reduce((s, m) => s + m.confidence, 0);
  const complete = def.required.every((group) => group.some((f) => mapped.has(f)));
  return Math.round((sum + (complete ? 3 : 0)) * 100) / 100;
}

/** Preferred when scores tie: the more specific kinds first. */
const KIND_PREFERENCE: ImportKind[] = [
  'visits_with_demands',
  'demands',
  'followups',
  'outcomes',
  'activities',
  'visits',
  'enterprises',
  'staff',
];

export function detectKind(headers: string[]): { kind: ImportKind; scores: Record<ImportKind, number> } {
  const scores = Object.fromEntries(IMPORT_KINDS.map((k) => [k, kindScore(headers, k)])) as Record<
    ImportKind,
    number
  >;
  // Nothing recognised: most ledgers are visit ledgers.
  const kind = Object.values(scores).some((v) => v > 0)
    ? [...KIND_PREFERENCE].sort((a, b) => scores[b] - scores[a])[0]!
    : 'visits';
  return { kind, scores };
}

/** Order-insensitive fingerprint of a header row: files of the same shape share it. */
export function headerSignature(headers: string[]): string {
  const names = [...new Set(headers.map((h) => fold(h)).filter(Boolean))].sort();
  return createHash('sha256').update(names.join('\u0001')).digest('hex').slice(0, 20);
}

export function sameHeader(a: string, b: string): boolean {
  return fold(a) === fold(b) && fold(a) !== '';
}
