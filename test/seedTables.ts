import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Core } from '../src-main/core';
import { FILE_IDENTITY } from '../src-main/store/identity';

// Two databases compared table by table: the demo district as a bulk load against the same
// district written call by call (test/soak/seed-equivalence.test.ts, a new seed each soak run),
// the same seed parsed and handled (seed.test.ts), and the same calls with and without reading
// their results (method-writes.test.ts).

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const all = <T = Record<string, unknown>>(core: Core, sql: string, ...params: unknown[]): T[] =>
  core.store.db.prepare(sql).all(...params) as T[];

/**
 * Every table of the file as text, row by row in insertion order, each value with its storage
 * class: records, their history, the change log (stamps, prior stamps, values), the log's
 * origins. Only what differs between two files made at the same pinned time is replaced: each
 * UUID (record ids, the device id inside stamps) by the order it first appears in, the device's
 * random code by DEV, the path-bound file identity and the migrations' wall-clock times dropped.
 */
export function everyTable(core: Core): Map<string, string[]> {
  const { code } = core.store.device;
  const labels = new Map<string, string>();
  const label = (id: string) => {
    let l = labels.get(id);
    if (!l) labels.set(id, (l = `uuid#${labels.size}`));
    return l;
  };
  const tables = all<{ name: string; wr: number }>(
    core,
    `SELECT "name","wr" FROM pragma_table_list WHERE "schema" = 'main' AND "type" = 'table'
       AND "name" NOT LIKE 'sqlite_%' AND "name" <> 'schema_migrations' ORDER BY "name"`,
  );
  const out = new Map<string, string[]>();
  for (const { name: table, wr } of tables) {
    // Storage classes, as JSON shows an integer and a real alike. Insertion order; a table
    // without rowids (few rows, keyed by name or device) by its key.
    const types = all<{ name: string }>(core, `SELECT "name" FROM pragma_table_info(?)`, table)
      .map((c) => `typeof("${c.name}")`)
      .join(` || ',' || `);
    const rows = all(
      core,
      `SELECT *, ${types} AS "storedAs" FROM "${table}" ORDER BY ${wr ? '1' : 'rowid'}`,
    ).filter((row) => !(table === 'meta' && row.key === FILE_IDENTITY));
    out.set(
      table,
      rows.map((row) =>
        JSON.stringify(Object.values(row))
          .replace(UUID, label)
          .replaceAll(`-${code}-`, '-DEV-')
          .replaceAll(`"${code}"`, '"DEV"'),
      ),
    );
  }
  return out;
}

export const digest = (rows: string[]) => createHash('sha256').update(rows.join('\n')).digest('hex');

/** The same rows in every table, as everyTable shows them; returns the first's tables. */
export function expectSameTables(bulkCore: Core, callsCore: Core): Map<string, string[]> {
  const bulk = everyTable(bulkCore);
  const calls = everyTable(callsCore);
  expect([...bulk.keys()]).toEqual([...calls.keys()]);
  for (const [table, rows] of calls) {
    const mine = bulk.get(table)!;
    if (digest(mine) === digest(rows)) continue;
    const at = rows.findIndex((row, i) => mine[i] !== row);
    expect({ table, rows: mine.length, at, row: mine[at] }).toEqual({
      table,
      rows: rows.length,
      at,
      row: rows[at],
    });
  }
  return bulk;
}
