// The quick search as SQL: what a grid's search box and search.global match a word against,
// read from the models' `search` and `searchInitials` flags (one definition for both).
import { MODELS, type FieldDef } from '@shared/model';
import { q, type KindName } from './schema';
import { driveMax, gramQuery, gramsDecide, TEXT_INDEXES } from './textIndex';

/** `s` with LIKE's wildcards and escape character taken literally (with ESCAPE '\\'). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The `LIKE … ESCAPE` pattern that finds `word` anywhere in a text. */
export const containsPattern = (word: string): string => `%${likeEscape(word)}%`;

/** A word initials can match: Latin letters only (a Chinese word never matches initials). */
const INITIALS_WORD = /^[a-z]+$/i;

type Fields = Record<string, FieldDef>;

/**
 * How a word is read through the kind's text index (store/textIndex.ts): `drive`, a word that
 * finds few records (`narrowingSql` tells), reads just those and sorts them; `filter`, a word
 * that finds many, keeps the list's ordered scan but tests each row by the index's answer.
 */
export type TextIndexUse = 'drive' | 'filter';

export interface SearchScope {
  /** Also through references (a visit's enterprise); false inside a reference. */
  viaRefs?: boolean;
  /** Only the fields search.global finds a record by (`findBy`). */
  findByOnly?: boolean;
  /** Read the kind's own texts through its text index (the kinds that have one). */
  textIndex?: TextIndexUse;
}

/** One test of a word: on the record's own field, or through a reference. */
interface Term {
  sql: string;
  params: unknown[];
  viaRef: boolean;
}

function terms(
  kind: KindName,
  alias: string,
  word: string,
  { viaRefs = true, findByOnly = false }: SearchScope,
): Term[] {
  const fields = MODELS[kind].fields as Fields;
  const like = containsPattern(word);
  const initials = INITIALS_WORD.test(word);
  const out: Term[] = [];
  const own = (sql: string, ...params: unknown[]) => out.push({ sql, params, viaRef: false });
  for (const [name, f] of Object.entries(fields)) {
    if (!f.search || (findByOnly && !f.findBy)) continue;
    const col = `${alias}.${q(name)}`;
    if (f.ref) {
      if (!viaRefs) continue;
      const inner = `${alias}_${f.ref}`;
      const table = q(MODELS[f.ref].table);
      const params: unknown[] = [];
      const where = searchSql(f.ref, inner, word, params, { viaRefs: false, findByOnly });
      out.push({
        sql: `${col} IN (SELECT ${inner}."id" FROM ${table} ${inner} WHERE ${where})`,
        params,
        viaRef: true,
      });
      continue;
    }
    if (f.sql === 'json') {
      // Each text inside the list (a contact's name and phone), never its keys or brackets.
      // The list's JSON text is matched first: a cheap test that rules out nearly every row.
      own(
        `(${col} LIKE ? ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_tree(${col}) j WHERE j."type" = 'text' AND j."atom" LIKE ? ESCAPE '\\'))`,
        like,
        like,
      );
      if (f.searchInitials && initials) {
        own(
          `(${col} <> '[]' AND EXISTS (SELECT 1 FROM json_each(${col}) j WHERE vl_initials(j."value") LIKE ?))`,
          like,
        );
      }
      continue;
    }
    own(`${col} LIKE ? ESCAPE '\\'`, like);
    if (f.searchInitials && initials) own(`vl_initials(${col}) LIKE ?`, like);
  }
  return out;
}

/** `(a OR b …)` of the terms, their params pushed; never true without any. */
function anyOf(list: Term[], params: unknown[]): string {
  for (const t of list) params.push(...t.params);
  return list.length ? `(${list.map((t) => t.sql).join(' OR ')})` : '0';
}

/**
 * The SQL that is true when the record under `alias` matches `word` (a field's text, a list's
 * entry, its initials, or the searched fields of the record it refers to); pushes the params.
 */
export function searchSql(
  kind: KindName,
  alias: string,
  word: string,
  params: unknown[],
  scope: SearchScope = {},
): string {
  const index = TEXT_INDEXES[kind];
  const use = scope.viaRefs === false ? undefined : scope.textIndex;
  if (!use || !index) return anyOf(terms(kind, alias, word, scope), params);
  const table = q(MODELS[kind].table);
  const text = q(index.table);
  // Drive: the records the index and the references find, read by rowid (the inner alias keeps
  // the tests' aliases apart from the list's). Filter: the list's own row tested.
  const row = use === 'drive' ? `${alias}_x` : alias;
  const all = terms(kind, row, word, scope);
  const own = all.filter((t) => !t.viaRef);
  const refs = all.filter((t) => t.viaRef);
  const candidates = `(SELECT "rowid" FROM ${text} WHERE ${text} MATCH ?)`;
  const parts: string[] = [];
  if (own.length) {
    params.push(gramQuery(word));
    // A word of one or two characters is one token: the index's answer is the LIKE tests'
    // (textIndex.ts). A longer word's tokens may be apart in the text: the tests decide.
    const tests = gramsDecide(word) ? '' : ` AND ${anyOf(own, params)}`;
    parts.push(
      use === 'drive'
        ? `SELECT ${row}."rowid" FROM ${table} ${row} WHERE ${row}."rowid" IN ${candidates}${tests}`
        : // Unary +: the rowid is tested, never used to drive the list's read.
          `(+${row}."rowid" IN ${candidates}${tests})`,
    );
  }
  if (refs.length) {
    const viaRefs = anyOf(refs, params);
    parts.push(use === 'drive' ? `SELECT ${row}."rowid" FROM ${table} ${row} WHERE ${viaRefs}` : viaRefs);
  }
  if (!parts.length) return '0';
  return use === 'drive' ? `${alias}."rowid" IN (${parts.join(' UNION ALL ')})` : `(${parts.join(' OR ')})`;
}

/**
 * The SQL of one number: how many records `word` may find through `kind`'s text index and its
 * references, counted up to one more than `driveMax(word)`; null when the kind has no text index.
 */
export function narrowingSql(kind: KindName, word: string): { sql: string; params: unknown[] } | null {
  const index = TEXT_INDEXES[kind];
  if (!index) return null;
  const text = q(index.table);
  const count = (from: string) => `(SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${driveMax(word) + 1}))`;
  const params: unknown[] = [gramQuery(word)];
  const refs = anyOf(
    terms(kind, 'v', word, {}).filter((t) => t.viaRef),
    params,
  );
  const sql = `SELECT ${count(`FROM ${text} WHERE ${text} MATCH ?`)} + ${count(`FROM ${q(MODELS[kind].table)} v WHERE ${refs}`)}`;
  return { sql, params };
}
