// The visits' own searched texts (number, people met, summary) indexed by their characters and
// pairs of characters, so that a grid's search finds the few visits a word names without
// reading 100,000 summaries (issue 15). FTS5's own tokenizers cannot do it: unicode61 takes a
// run of Chinese as one word, trigram cannot index words of one or two characters, and both
// fold case beyond ASCII. Here each text is split in JS (`vl_grams`, the same code that splits
// a searched word) into its single characters and overlapping pairs, each written as the hex of
// its UTF-8 bytes: one token to any tokenizer, whatever the characters.
//
// A word of one or two characters is one token, which a text has exactly when it holds the
// word. A longer word's pairs all present in a visit's texts make it a candidate, and the
// word's usual LIKE tests decide (store/search.ts). Results, order and totals are the LIKE
// scan's (test/integration/search-text-index.test.ts compares them on the demo district).
import type Database from 'better-sqlite3';
import type { KindName } from './schema';

export interface TextIndex {
  /** The FTS5 table (contentless: it holds tokens, not texts), keyed by the record's rowid. */
  table: string;
  /** The record's searched text fields it covers: those not reached through a reference. */
  columns: readonly string[];
}

/** The kinds whose searched texts are indexed (migration 26 makes the tables and triggers). */
export const TEXT_INDEXES: Partial<Record<KindName, TextIndex>> = {
  visits: { table: 'visits_text', columns: ['visitNo', 'peopleMet', 'summary'] },
};

/**
 * The triggers that keep the text indexes (migration 26). A bulk load never sets them aside
 * (store/bulk.ts): the rows it writes are indexed as they are written.
 */
export const TEXT_INDEX_TRIGGERS: readonly string[] = Object.values(TEXT_INDEXES).flatMap((i) =>
  ['insert', 'update', 'delete'].map((write) => `${i.table}_${write}`),
);

/**
 * A searched word (store/search.ts splits the box's text on JS's whitespace) never holds a
 * whitespace character, so no gram with one is ever asked for: none is stored.
 */
const SPACE = /\s/;

/** LIKE's case folding: ASCII letters only (é and É stay apart, as LIKE keeps them). */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const hex = (gram: string) => Buffer.from(gram, 'utf8').toString('hex');

/**
 * The tokens of a text: each character and each pair of neighbouring characters (code points,
 * as SQLite's LIKE reads them), ASCII letters folded, as hex, separated by spaces.
 */
export function gramsOf(text: string): string {
  const chars = Array.from(foldAscii(text));
  const tokens = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (SPACE.test(c)) continue;
    tokens.add(hex(c));
    const next = chars[i + 1];
    if (next !== undefined && !SPACE.test(next)) tokens.add(hex(c + next));
  }
  return [...tokens].join(' ');
}

/**
 * The FTS5 query a text holding `word` matches: its pairs of characters (its character when it
 * has one), all of them, in any of the index's columns.
 */
export function gramQuery(word: string): string {
  const chars = Array.from(foldAscii(word));
  const grams = chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
  return [...new Set(grams.map(hex))].map((t) => `"${t}"`).join(' AND ');
}

/**
 * True when the index alone tells whether a text holds `word`: a word of one or two characters
 * is a single token, present exactly when the text holds the word (LIKE's case folding, the
 * same characters); a longer word's pairs may be present without being neighbours.
 */
export const gramsDecide = (word: string): boolean => Array.from(word).length <= 2;

/** `vl_grams(text)`: the index's triggers (migration 26) tokenize texts with it. */
export function installGramsFunction(db: Database.Database): void {
  db.function('vl_grams', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? gramsOf(text) : null,
  );
}

/**
 * Up to how many candidates (visits whose texts hold the word's grams, plus the visits of the
 * records it finds through references) a word's list is read through the index: those rows
 * read and sorted (about 4 µs each at ×20, page and total). More, and the list's own ordered
 * scan, which stops at a page's end, tests each row instead: cheaply for a word the index
 * decides alone, by reading every row's texts for a longer one, hence its higher bound.
 */
export const driveMax = (word: string): number => (gramsDecide(word) ? 2_000 : 20_000);
