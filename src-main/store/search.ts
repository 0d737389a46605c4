// The quick search as SQL: what a grid's search box and search.global match a word against,
// read from the models' `search` and `searchInitials` flags (one definition for both).
import { MODELS, type FieldDef } from '@shared/model';
import { q, type KindName } from './schema';

/** `s` with LIKE's wildcards and escape character taken literally (with ESCAPE '\\'). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The `LIKE … ESCAPE` pattern that finds `word` anywhere in a text. */
export const containsPattern = (word: string): string => `%${likeEscape(word)}%`;

/** A word initials can match: Latin letters only (a Chinese word never matches initials). */
const INITIALS_WORD = /^[a-z]+$/i;

type Fields = Record<string, FieldDef>;

export interface SearchScope {
  /** Also through references (a visit's enterprise); false inside a reference. */
  viaRefs?: boolean;
  /** Only the fields search.global finds a record by (`findBy`). */
  findByOnly?: boolean;
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
  { viaRefs = true, findByOnly = false }: SearchScope = {},
): string {
  const fields = MODELS[kind].fields as Fields;
  const like = containsPattern(word);
  const initials = INITIALS_WORD.test(word);
  const terms: string[] = [];
  for (const [name, f] of Object.entries(fields)) {
    if (!f.search || (findByOnly && !f.findBy)) continue;
    const col = `${alias}.${q(name)}`;
    if (f.ref) {
      if (!viaRefs) continue;
      const inner = `${alias}_${f.ref}`;
      const table = q(MODELS[f.ref].table);
      terms.push(
        `${col} IN (SELECT ${inner}."id" FROM ${table} ${inner} WHERE ${searchSql(f.ref, inner, word, params, { viaRefs: false, findByOnly })})`,
      );
      continue;
    }
    if (f.sql === 'json') {
      // Each text inside the list (a contact's name and phone), never its keys or brackets.
      // The list's JSON text is matched first: a cheap test that rules out nearly every row.
      terms.push(
        `(${col} LIKE ? ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_tree(${col}) j WHERE j."type" = 'text' AND j."atom" LIKE ? ESCAPE '\\'))`,
      );
      params.push(like, like);
      if (f.searchInitials && initials) {
        terms.push(
          `(${col} <> '[]' AND EXISTS (SELECT 1 FROM json_each(${col}) j WHERE vl_initials(j."value") LIKE ?))`,
        );
        params.push(like);
      }
      continue;
    }
    terms.push(`${col} LIKE ? ESCAPE '\\'`);
    params.push(like);
    if (f.searchInitials && initials) {
      terms.push(`vl_initials(${col}) LIKE ?`);
      params.push(like);
    }
  }
  return terms.length ? `(${terms.join(' OR ')})` : '0';
}
