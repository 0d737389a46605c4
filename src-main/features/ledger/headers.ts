// Finding the header row and matching its columns to fields.
// Header row: among the first 30 rows, the one whose cells match the most known header
// words (title rows, merged banners and blank rows above it are skipped); a second header
// row directly above or below (two-level headers) lends its words to columns it names.
// Columns: every (column, field) pair is scored (exact word 1.0, a word inside the header or
// the header inside a word less, generic words × 0.85), then assigned greedily, best first,
// one field per column and one column per field. An exact word claims its column; the kind's
// own fields go before those of the records a row refers to; a column another field fits as
// well is a question for the user (columnQuestions). Two tables side by side are detected.
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
  /** The year a title row above the header names (2026年…), for dates written without one. */
  titleYear: number | null;
}

/** The year named by the rows above the header: "2026年一季度走访台账", "（2026年）". */
function titleYearOf(rows: SheetRow[]): number | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      if (typeof cell !== 'string') continue;
      const m = /((?:19|20)\d{2})\s*年/.exec(cell.normalize('NFKC'));
      if (m) return Number(m[1]);
    }
  }
  return null;
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

/** A sentence, not a value: punctuated, or a numbered or 注/※ line. */
const NOTE = /[，。；：,;:]|^\d+[.、．]\D|^[（(]\d+[)）]|^[注※*]/u;

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
      ignoredRows.push({ row: row.rowNo, reason: '重复的表头' });
      continue;
    }
    if (FOOTNOTE.test(filled[0]!) && (filled.length === 1 || /^(合计|总计|小计)/.test(filled[0]!))) {
      ignoredRows.push({ row: row.rowNo, reason: '表尾说明或合计行' });
      continue;
    }
    dataRows.push(row);
  }
  // Notes under the table: one sentence a row, after the last row of values.
  while (dataRows.length) {
    const last = dataRows.at(-1)!;
    // One text, in one cell or merged across the row.
    const texts = new Set(last.cells.map((c) => cellText(c)).filter(Boolean));
    const [text] = texts;
    if (texts.size !== 1 || !NOTE.test(text!)) break;
    dataRows.pop();
    ignoredRows.push({ row: last.rowNo, reason: '表格下方的说明' });
  }
  ignoredRows.sort((a, b) => a.row - b.row);
  const titleYear = titleYearOf(
    rows.slice(
      0,
      rows.findIndex((r) => r.rowNo === headerRows[0]),
    ),
  );
  return { headerRows, guessed, headers, dataRows, ignoredRows, titleYear };
}

/** A header fitting one of the kind's own fields outranks a referenced record's field by this much. */
const OWN_FIRST = 0.15;
/** A hidden column loses a tie with a visible one. */
const HIDDEN = 0.01;

/** Every field's own header words, folded: a header that is one of them means that field. */
const EXACT_ANYWHERE: ReadonlySet<string> = new Set(
  Object.values(FIELDS).flatMap((f) => f.words.words.map(fold)),
);

interface Candidate {
  column: number;
  field: FieldKey;
  score: number;
  /** The score, raised for the kind's own fields and lowered for hidden columns: the order of assignment. */
  rank: number;
  order: number;
}

/**
 * Every (column, field) pair that could be matched, best first. A header that is exactly a
 * field's word belongs to that field (需求类别 is the demands' categories, never a weak match
 * of 企业类别), so its weaker candidates are dropped.
 */
function candidates(headers: string[], kind: ImportKind, hidden: ReadonlySet<number>): Candidate[] {
  const def = KIND_DEFS[kind];
  const referenced = new Set(def.referenced ?? []);
  const out: Candidate[] = [];
  headers.forEach((header, column) => {
    if (!header || isIgnoredHeader(header)) return;
    const mine: Candidate[] = [];
    def.fields.forEach((field, order) => {
      const score = fieldScore(header, kind, field);
      if (score < MAP_MIN) return;
      const rank = score + (referenced.has(field) ? 0 : OWN_FIRST) - (hidden.has(column) ? HIDDEN : 0);
      mine.push({ column, field, score, rank, order });
    });
    const exact = mine.some((c) => c.score === 1);
    if (exact) out.push(...mine.filter((c) => c.score === 1));
    // Exactly a field of another kind (需求类别 in a visits ledger) is no guess at a referenced
    // record's field (the enterprise's 企业类别); the kind's own fields may still take it.
    else if (variants(header).some((v) => EXACT_ANYWHERE.has(v)))
      out.push(...mine.filter((c) => !referenced.has(c.field)));
    else out.push(...mine);
  });
  return out.sort((a, b) => b.rank - a.rank || a.order - b.order || a.column - b.column);
}

/** The automatic column → field matches of a kind. */
export function autoMapping(
  headers: string[],
  kind: ImportKind,
  hidden: ReadonlySet<number> = NO_COLUMNS,
): ColumnMatch[] {
  const usedColumns = new Set<number>();
  const usedFields = new Set<FieldKey>();
  const out: ColumnMatch[] = [];
  for (const p of candidates(headers, kind, hidden)) {
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

const NO_COLUMNS: ReadonlySet<number> = new Set();

/** A column more than one field fits well, put to the user rather than decided silently. */
export interface ColumnQuestion {
  column: number;
  header: string;
  /** The fields it could be, the chosen one first. */
  fields: { field: FieldKey; confidence: number }[];
  chosen: FieldKey | null;
}

/**
 * Columns matched automatically where another field fits as well as a header word does
 * (HEADER_HIT) and has no column of its own: the user says which it is. A column the user or a
 * saved mapping mapped is answered already.
 */
export function columnQuestions(
  headers: string[],
  kind: ImportKind,
  columns: ColumnMatch[],
): ColumnQuestion[] {
  const byColumn = new Map(columns.map((c) => [c.column, c]));
  const mappedFields = new Set(columns.map((c) => c.field));
  const rivals = new Map<number, Candidate[]>();
  for (const c of candidates(headers, kind, NO_COLUMNS)) {
    if (c.score < HEADER_HIT) continue;
    const list = rivals.get(c.column) ?? [];
    list.push(c);
    rivals.set(c.column, list);
  }
  const out: ColumnQuestion[] = [];
  for (const [column, list] of rivals) {
    const match = byColumn.get(column);
    if (match && match.source !== 'auto') continue;
    const chosen = match?.field ?? null;
    const others = list.filter((c) => c.field !== chosen && !mappedFields.has(c.field));
    if (!others.length || (!chosen && others.length < 2)) continue;
    const fields = [
      ...(match ? [{ field: match.field, confidence: match.confidence }] : []),
      ...others.map((c) => ({ field: c.field, confidence: Math.round(c.score * 100) / 100 })),
    ];
    out.push({ column, header: headers[column]!, fields, chosen });
  }
  return out.sort((a, b) => a.column - b.column);
}

/**
 * Two tables side by side on one sheet: runs of headers separated by empty header cells, two
 * of which each name at least two of the same fields (企业名称, 走访日期… twice). Returns the
 * column ranges of the first two such runs, or null.
 */
export function sideBySide(headers: string[], kind: ImportKind): [number, number][] | null {
  const runs: { from: number; to: number; fields: Set<FieldKey> }[] = [];
  headers.forEach((header, column) => {
    if (!header) return;
    const last = runs.at(-1);
    const run =
      last && last.to === column - 1 ? last : { from: column, to: column, fields: new Set<FieldKey>() };
    if (run !== last) runs.push(run);
    run.to = column;
    let best: FieldKey | null = null;
    let bestScore = HEADER_HIT;
    for (const field of KIND_DEFS[kind].fields) {
      const s = fieldScore(header, kind, field);
      if (s >= bestScore) [best, bestScore] = [field, s];
    }
    if (best) run.fields.add(best);
  });
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const shared = [...runs[i]!.fields].filter((f) => runs[j]!.fields.has(f));
      if (shared.length >= 2)
        return [
          [runs[i]!.from, runs[i]!.to],
          [runs[j]!.from, runs[j]!.to],
        ];
    }
  }
  return null;
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
