import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../store/db';
import { KINDS, KIND_NAMES, UNCAPTURED, q } from '../store/schema';
import { parseHlc } from '../domain/hlc';
import { ApiError } from '../api/errors';
import type { WireChange } from './package';

// Applies changes from elsewhere: last writer wins per field by clock stamp, ties
// impossible (a stamp ends with its device id). Applying is idempotent (a stamp is
// stored once) and order-independent (the value shown is always that of the highest
// stamp). When two changes meet that did not know of each other, the loser is kept
// in `conflicts`: a change "knew" another when its prevHlc (the newest stamp of that
// field where it was made) is at or after the other's stamp.

export interface Anomaly {
  kind: 'clock_ahead' | 'unknown_field';
  device?: string;
  message: string;
}

export interface ApplyReport {
  received: number;
  newChanges: number;
  alreadyKnown: number;
  createdRecords: number;
  updatedRecords: number;
  conflicts: number;
  deletions: Record<string, number>;
  anomalies: Anomaly[];
}

/** Changes stamped further ahead of this machine's clock than this are flagged. */
export const CLOCK_AHEAD_MS = 24 * 3600_000;
/** An import deleting more than this share of a kind's live records needs confirmation… */
export const MASS_DELETE_SHARE = 0.2;
/** …when it deletes at least this many. */
export const MASS_DELETE_MIN = 5;

interface Stamped {
  hlc: string;
  value: unknown;
  prevHlc: string | null;
  device: string;
  staff: string | null;
}

const TABLE_KIND = new Map(KIND_NAMES.map((k) => [KINDS[k].table as string, k]));

function columnsByTable(store: Store): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const table of TABLE_KIND.keys()) {
    const cols = (store.db.pragma(`table_info(${q(table)})`) as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !UNCAPTURED.has(c));
    out.set(table, new Set(cols));
  }
  return out;
}

const knew = (a: Stamped, b: Stamped) => a.prevHlc !== null && a.prevHlc >= b.hlc;

/** Runs inside the caller's transaction, with capture switched off by the caller. */
export function applyChanges(
  store: Store,
  changes: WireChange[],
  options: { confirmMassDelete?: boolean } = {},
): ApplyReport {
  const db = store.db;
  const columns = columnsByTable(store);
  const anomalies: Anomaly[] = [];
  const report: ApplyReport = {
    received: changes.length,
    newChanges: 0,
    alreadyKnown: 0,
    createdRecords: 0,
    updatedRecords: 0,
    conflicts: 0,
    deletions: {},
    anomalies,
  };

  const unknown = new Set<string>();
  const usable = changes.filter(([, , , table, , field]) => {
    if (columns.get(table)?.has(field)) return true;
    unknown.add(`${table}.${field}`);
    return false;
  });
  for (const f of unknown) {
    anomalies.push({ kind: 'unknown_field', message: `changes to unknown field ${f} were skipped` });
  }

  // Local winners before anything is written.
  const winnerStmt = db.prepare(
    `SELECT "hlc","value","prevHlc","device","staff" FROM changes WHERE "tbl" = ? AND "rowId" = ? AND "field" = ? ORDER BY "hlc" DESC LIMIT 1`,
  );
  const groups = new Map<string, WireChange[]>();
  for (const c of usable) {
    const key = `${c[3]}\u0000${c[4]}\u0000${c[5]}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const localWinner = new Map<string, Stamped | undefined>();
  for (const [key, list] of groups) {
    const c = list[0]!;
    localWinner.set(key, winnerStmt.get(c[3], c[4], c[5]) as Stamped | undefined);
  }

  const insert = db.prepare(
    `INSERT OR IGNORE INTO changes ("hlc","device","staff","tbl","rowId","field","value","prevHlc") VALUES (?,?,?,?,?,?,?,?)`,
  );
  const addConflict = db.prepare(
    `INSERT OR IGNORE INTO conflicts ("id","detectedAt","tbl","rowId","field","winnerHlc","winnerValue","loserHlc","loserValue")
     VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const detectedAt = new Date(store.now()).toISOString();
  const conflict = (table: string, rowId: string, field: string, winner: Stamped, loser: Stamped) => {
    const r = addConflict.run(uuidv7(), detectedAt, table, rowId, field, winner.hlc, winner.value, loser.hlc, loser.value);
    report.conflicts += r.changes;
  };

  // Per row: the fields whose shown value changes, and who made the newest of them.
  const rowWrites = new Map<string, { table: string; rowId: string; fields: Map<string, Stamped> }>();
  for (const [key, list] of groups) {
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let current = localWinner.get(key);
    let changed = false;
    const [, , , table, rowId, field] = list[0]!;
    for (const c of list) {
      const [hlc, device, staff, , , , value, prevHlc] = c;
      if (insert.run(hlc, device, staff, table, rowId, field, value, prevHlc).changes === 0) {
        report.alreadyKnown += 1;
        continue;
      }
      report.newChanges += 1;
      const incoming: Stamped = { hlc, value, prevHlc, device, staff };
      if (!current || incoming.hlc > current.hlc) {
        if (current && !knew(incoming, current)) conflict(table, rowId, field, incoming, current);
        current = incoming;
        changed = true;
      } else if (!knew(current, incoming)) {
        conflict(table, rowId, field, current, incoming);
      }
    }
    if (changed && current) {
      const rowKey = `${table}\u0000${rowId}`;
      const w = rowWrites.get(rowKey) ?? { table, rowId, fields: new Map<string, Stamped>() };
      w.fields.set(field, current);
      rowWrites.set(rowKey, w);
    }
  }

  const liveBefore = new Map<string, number>();
  for (const { table, rowId, fields } of rowWrites.values()) {
    const existing = db.prepare(`SELECT "deletedAt" FROM ${q(table)} WHERE "id" = ?`).get(rowId) as
      | { deletedAt: string | null }
      | undefined;
    const deleted = fields.get('deletedAt');
    if (existing && existing.deletedAt === null && deleted && deleted.value !== null) {
      report.deletions[table] = (report.deletions[table] ?? 0) + 1;
      if (!liveBefore.has(table)) {
        liveBefore.set(table, (db.prepare(`SELECT count(*) AS n FROM ${q(table)} WHERE "deletedAt" IS NULL`).get() as { n: number }).n);
      }
    }
    const newest = [...fields.values()].reduce((a, b) => (b.hlc > a.hlc ? b : a));
    const names = [...fields.keys()];
    const values = names.map((n) => fields.get(n)!.value);
    const updatedAt = new Date(Math.min(parseHlc(newest.hlc).ms, store.now())).toISOString();
    if (existing) {
      db.prepare(
        `UPDATE ${q(table)} SET ${names.map((n) => `${q(n)} = ?`).join(', ')}, "updatedAt" = ?, "updatedByDevice" = ?, "updatedByStaff" = ? WHERE "id" = ?`,
      ).run(...values, updatedAt, newest.device, newest.staff, rowId);
      report.updatedRecords += 1;
    } else {
      // The record's creation may not have arrived yet (files in any order): a placeholder
      // createdAt keeps the row valid until the real one, an older stamp, fills it in.
      if (!fields.has('createdAt')) {
        names.push('createdAt');
        values.push(updatedAt);
      }
      db.prepare(
        `INSERT INTO ${q(table)} ("id", ${names.map(q).join(', ')}, "updatedAt", "updatedByDevice", "updatedByStaff") VALUES (?, ${names.map(() => '?').join(', ')}, ?, ?, ?)`,
      ).run(rowId, ...values, updatedAt, newest.device, newest.staff);
      report.createdRecords += 1;
    }
  }

  if (!options.confirmMassDelete) {
    const heavy = Object.entries(report.deletions).filter(
      ([table, n]) => n >= MASS_DELETE_MIN && n > (liveBefore.get(table) ?? 0) * MASS_DELETE_SHARE,
    );
    if (heavy.length) {
      const what = heavy.map(([t, n]) => `${n} of ${liveBefore.get(t)} ${t}`).join(', ');
      throw new ApiError('CONFLICT', `this import would delete ${what}: confirm to import it anyway`, {
        reason: 'mass_delete',
        deletions: Object.fromEntries(heavy.map(([t, n]) => [t, { deleting: n, live: liveBefore.get(t) }])),
      });
    }
  }

  // Clocks: follow the newest plausible stamp; flag stamps far ahead of this machine.
  const limit = store.now() + CLOCK_AHEAD_MS;
  const ahead = new Map<string, string>();
  for (const c of usable) {
    const ms = parseHlc(c[0]).ms;
    if (ms > limit) {
      if ((ahead.get(c[1]) ?? '') < c[0]) ahead.set(c[1], c[0]);
    } else store.clock.observe(c[0]);
  }
  for (const [device, stamp] of ahead) {
    anomalies.push({
      kind: 'clock_ahead',
      device,
      message: `device ${device} stamped changes at ${new Date(parseHlc(stamp).ms).toISOString()}, more than 24 h ahead of this machine: its clock is probably wrong`,
    });
  }
  return report;
}
