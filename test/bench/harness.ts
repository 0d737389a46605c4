import type Database from 'better-sqlite3';
import type { Core } from '../../src-main/core';

// What a benchmark module provides, and how a case is timed. A module is a file
// test/bench/*.bench.ts whose default export is a BenchModule; run.ts finds them all.

export interface BenchContext {
  core: Core;
  /** The same database, for plain better-sqlite3 baselines. */
  db: Database.Database;
}

export interface BenchCase {
  name: string;
  /** Runs the operation once and returns how many rows it produced. */
  run(): number;
  /** Comparable raw work in plain SQL, to put the operation's time in proportion. */
  baseline?: () => number;
  /** What the baseline is, when it is not plain SQL. */
  baselineName?: string;
  /** Fewer timed runs, for a case that takes seconds (at most the run's --runs). */
  runs?: number;
  /** The time one run should stay under, in ms. */
  targetMs?: number;
  /** How many times the baseline's time one run may take at most. */
  maxRatio?: number;
}

/** A size instead of a time: measured once and set against a baseline size. */
export interface SizeCase {
  name: string;
  /** The sizes, and what else the line should say once they are known. */
  size(): { bytes: number; baselineBytes: number; note?: string };
  /** What the baseline size is. */
  baselineName: string;
  /** How many times the baseline's size the size may be at most. */
  maxRatio: number;
}

export interface BenchModule {
  name: string;
  cases(ctx: BenchContext): (BenchCase | SizeCase)[];
}

export const isSizeCase = (c: BenchCase | SizeCase): c is SizeCase => 'size' in c;

export interface Timing {
  /** Median of the timed runs, in ms. */
  ms: number;
  rows: number;
}

/** Runs `fn` a few times to warm caches and JIT, then returns the median of `runs` timed runs. */
export function measure(fn: () => number, { warmup = 3, runs = 15 } = {}): Timing {
  let rows = 0;
  for (let i = 0; i < warmup; i++) rows = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const ms = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { ms, rows };
}

export interface ResultLine {
  operation: string;
  rows: number;
  ms: number;
  ratio: number | null;
  targetMs: number | null;
  maxRatio?: number | null;
  note?: string;
  /** Set when the case (or its module) failed: the line shows ERROR and this message. */
  error?: string;
  /** A size line: `rows` holds bytes, shown in MB, and there is no time. */
  size?: boolean;
}

const fmt = (n: number, digits: number) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One table for every module's results. */
export function formatTable(lines: ResultLine[]): string {
  const header = ['operation', 'size (rows)', 'time ms', 'rows/s', 'vs baseline', 'target', 'result'];
  const body = lines.map((l) =>
    l.error ? [`${l.operation} — ${l.error}`, '', '', '', '', '', 'ERROR'] : cells(l),
  );

  const widths = header.map((h, i) => Math.max(width(h), ...body.map((r) => width(r[i]!))));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(row)].join('\n');
}

/** Whether a line has a target, and whether it meets every one it has. */
export function judged(l: ResultLine): boolean | null {
  const ratioTarget = l.maxRatio ?? null;
  if (l.targetMs === null && ratioTarget === null) return null;
  return (
    (l.targetMs === null || l.ms < l.targetMs) &&
    (ratioTarget === null || (l.ratio !== null && l.ratio <= ratioTarget))
  );
}

function cells(l: ResultLine): string[] {
  const met = judged(l);
  const targets = [
    l.targetMs === null
      ? ''
      : l.targetMs >= 1000
        ? `< ${fmt(l.targetMs / 1000, l.targetMs % 1000 ? 1 : 0)} s`
        : `< ${fmt(l.targetMs, 0)} ms`,
    l.maxRatio == null ? '' : `≤ ×${fmt(l.maxRatio, l.maxRatio < 1 ? 2 : 1)}`,
  ].filter(Boolean);
  if (l.size)
    return [
      l.operation + (l.note ? ` ${l.note}` : ''),
      `${fmt(l.rows / 1e6, 1)} MB`,
      '',
      '',
      l.ratio === null ? '' : `×${fmt(l.ratio, 2)}`,
      targets.join(', '),
      met === null ? '' : met ? 'PASS' : 'MISS',
    ];
  return [
    l.operation + (l.note ? ` ${l.note}` : ''),
    fmt(l.rows, 0),
    fmt(l.ms, l.ms >= 100 ? 0 : 2),
    l.ms > 0 ? fmt((l.rows / l.ms) * 1000, 0) : '—',
    l.ratio === null ? '' : `×${fmt(l.ratio, 1)}`,
    targets.join(', '),
    met === null ? '' : met ? 'PASS' : 'MISS',
  ];
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;
