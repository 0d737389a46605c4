// The visits' own searched texts (number, people met, summary) indexed by their characters and
// pairs of characters, so that a grid's search finds the few visits a word names without
// reading 100,000 summaries (issue 15). FTS5's own tokenizers cannot do it: unicode61 takes a
// run of Chinese as one word (and folds case beyond ASCII, which LIKE does not), trigram
// cannot index words of one or two characters. Here each text is split in JS (`vl_grams`, the same code that splits
// a searched word) into its single characters and overlapping pairs, each written as the hex of
// its UTF-8 bytes: one token to any tokenizer, whatever the characters.
//
// A word of one or two characters is one token, which a text has exactly when it holds the
// word. A longer word's pairs all present in a visit's texts make it a candidate, and the
// word's usual LIKE tests decide (store/search.ts). Results, order and totals are the LIKE
// scan's (test/integration/search-text-index.test.ts compares them on the demo district).
import type Database from 'better-sqlite3';
import { KINDS, q, type KindName } from './schema';

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

// Each character's token by code point, '' for whitespace. Texts repeat few thousand characters: a
// lookup is much cheaper than encoding (writing a visit's grams is most of what the index costs).
const MAX_CACHED = 50_000;
const tokenCache = new Map<number, string>();

/**
 * The token of the character at code point `cp`, ASCII letters folded as LIKE folds them (é and
 * É stay apart, as LIKE keeps them): the hex of its UTF-8 bytes, '' for whitespace.
 */
function tokenOf(cp: number): string {
  let t = tokenCache.get(cp);
  if (t === undefined) {
    const c = String.fromCodePoint(cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp);
    t = SPACE.test(c) ? '' : Buffer.from(c, 'utf8').toString('hex');
    if (tokenCache.size >= MAX_CACHED) tokenCache.clear();
    tokenCache.set(cp, t);
  }
  return t;
}

/**
 * The tokens of a text's characters, in order: its code points as SQLite's LIKE reads them (a
 * lone surrogate is one). Read by index, not a string iterator: the demo district's first
 * start indexes some 400,000 characters.
 */
function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    // A pair of surrogates is one code point (two code units); a lone one is itself.
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    out.push(tokenOf(cp));
  }
  return out;
}

/**
 * The tokens of a text: each character and each pair of neighbouring characters (tokenOf),
 * separated by spaces (repeats left to FTS5, which keeps one of each per record).
 */
export function gramsOf(text: string): string {
  const tokens = tokensOf(text);
  const out: string[] = [];
  let previous = '';
  for (const t of tokens) {
    if (t) {
      out.push(t);
      if (previous) out.push(previous + t);
    }
    previous = t;
  }
  return out.join(' ');
}

/**
 * The FTS5 query a text holding `word` matches: its pairs of characters (its character when it
 * has one), all of them, in any of the index's columns.
 */
export function gramQuery(word: string): string {
  const tokens = tokensOf(word);
  const grams = tokens.length === 1 ? tokens : tokens.slice(1).map((t, i) => tokens[i]! + t);
  return [...new Set(grams)].map((t) => `"${t}"`).join(' AND ');
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
 * scan, which stops at a page's end, tests each row instead: by the index for a word it
 * decides alone, cheaply; by reading the row's texts for a longer one, hence its higher bound.
 */
export const driveMax = (word: string): number => (gramsDecide(word) ? 2_000 : 20_000);

/**
 * For a load that writes many records in one transaction (store/bulkCapture.ts: the demo
 * district, a ledger import): the text indexes' triggers swapped for ones that only note the
 * rows written, indexed together by `finish` (each write through the triggers costs FTS5 a
 * flush of its pending tokens at every savepoint, the services' calls). Notes are in a temp
 * table, so a savepoint rolled back takes its notes with its rows. Returns `finish`, which
 * indexes what the notes name as it now is and puts the triggers back.
 */
export function deferTextIndexes(db: Database.Database): () => void {
  const saved = db
    .prepare(
      `SELECT "name","sql" FROM sqlite_master WHERE "type" = 'trigger' AND "name" IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(TEXT_INDEX_TRIGGERS)) as { name: string; sql: string }[];
  const indexes = (Object.entries(TEXT_INDEXES) as [KindName, TextIndex][])
    .filter(([, i]) => saved.some((s) => s.name === `${i.table}_insert`))
    .map(([kind, i]) => ({ ...i, records: q(KINDS[kind].table) }));
  for (const name of TEXT_INDEX_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${q(name)}`);
  for (const { table, columns, records } of indexes) {
    const notes = q(`bulk_${table}`);
    const changed = columns.map((c) => `NEW.${q(c)} IS NOT OLD.${q(c)}`).join(' OR ');
    // `indexed`: the row may be in the index already (an update or delete came first).
    db.exec(`
      CREATE TEMP TABLE ${notes} ("rid" INTEGER PRIMARY KEY, "indexed" INTEGER NOT NULL);
      CREATE TEMP TRIGGER ${q(`bulk_${table}_insert`)} AFTER INSERT ON main.${records} BEGIN
        INSERT OR IGNORE INTO ${notes} VALUES (NEW."rowid", 0);
      END;
      CREATE TEMP TRIGGER ${q(`bulk_${table}_update`)} AFTER UPDATE ON main.${records} WHEN ${changed} BEGIN
        INSERT OR IGNORE INTO ${notes} VALUES (OLD."rowid", 1);
      END;
      CREATE TEMP TRIGGER ${q(`bulk_${table}_delete`)} AFTER DELETE ON main.${records} BEGIN
        INSERT OR IGNORE INTO ${notes} VALUES (OLD."rowid", 1);
      END;`);
  }
  return () => {
    for (const { table, columns, records } of indexes) {
      const notes = `temp.${q(`bulk_${table}`)}`;
      const cols = columns.map(q).join(', ');
      db.exec(`
        DROP TRIGGER temp.${q(`bulk_${table}_insert`)};
        DROP TRIGGER temp.${q(`bulk_${table}_update`)};
        DROP TRIGGER temp.${q(`bulk_${table}_delete`)};
        DELETE FROM ${q(table)} WHERE "rowid" IN (SELECT "rid" FROM ${notes} WHERE "indexed");
        INSERT INTO ${q(table)} ("rowid", ${cols})
          SELECT "rowid", ${columns.map((c) => `vl_grams(${q(c)})`).join(', ')} FROM main.${records}
          WHERE "rowid" IN (SELECT "rid" FROM ${notes});
        DROP TABLE ${notes};`);
    }
    for (const { sql } of saved) db.exec(sql);
  };
}
