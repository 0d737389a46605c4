import { msg, sayZh } from '@shared/messages';
import type { Core } from '../../core';
import { nowIso } from '../../core';
import { KINDS, KIND_NAMES, allColumns, fromSql, q } from '../../store/schema';
import { updateRecord } from '../../store/records';
import { parseHlc } from '@shared/domain/hlc';
import { ApiError, notFound } from '@shared/contract/errors';
import type { CONFLICT_TYPES } from '@shared/contract/contract';
import { resolveLostToDelete, type LostToDeleteDetail } from './lostToDeletes';
import { applyTransition } from '../demands/service';
import { moveNeedsNote } from '@shared/domain/workflow';
import { eventsOf } from '../demands/replay';
import { DERIVED_DEMAND_FIELDS } from '@shared/domain/demandReplay';

type ConflictType = (typeof CONFLICT_TYPES)[number];

// Conflicts found on import: the value that lost is kept until a person decides.

interface ConflictRow {
  id: string;
  detectedAt: string;
  type: ConflictType;
  detail: string | null;
  tbl: string;
  rowId: string;
  field: string;
  winnerHlc: string;
  winnerValue: unknown;
  loserHlc: string;
  loserValue: unknown;
  resolvedAt: string | null;
  resolution: string | null;
}

const kindOfTable = (table: string) => KIND_NAMES.find((k) => KINDS[k].table === table);

function describe(core: Core, c: ConflictRow) {
  const kind = kindOfTable(c.tbl);
  const type = kind ? allColumns(kind)[c.field] : undefined;
  const value = (v: unknown) => (type ? fromSql(type, v) : v);
  const deviceName = (hlc: string) => {
    const node = parseHlc(hlc).node;
    const d = core.store.db.prepare(`SELECT "name" FROM devices WHERE "id" = ?`).get(node) as
      { name: string } | undefined;
    return { device: node, deviceName: d?.name ?? null, at: new Date(parseHlc(hlc).ms).toISOString() };
  };
  const labelColumn =
    kind && 'name' in KINDS[kind].fields ? 'name' : kind && 'title' in KINDS[kind].fields ? 'title' : null;
  const label = labelColumn
    ? ((
        core.store.db
          .prepare(`SELECT ${q(labelColumn)} AS l FROM ${q(c.tbl)} WHERE "id" = ?`)
          .get(c.rowId) as { l: string } | undefined
      )?.l ?? null)
    : null;
  return {
    id: c.id,
    detectedAt: c.detectedAt,
    type: c.type,
    kind: kind ?? c.tbl,
    recordId: c.rowId,
    recordLabel: label,
    field: c.field,
    winner: { value: value(c.winnerValue), ...deviceName(c.winnerHlc) },
    loser: { value: value(c.loserValue), ...deviceName(c.loserHlc) },
    resolvedAt: c.resolvedAt,
    resolution: c.resolution,
    detail: c.detail === null ? null : (JSON.parse(c.detail) as unknown),
  };
}

export function listConflicts(core: Core, input: { includeResolved?: boolean }) {
  const rows = core.store.db
    .prepare(
      `SELECT * FROM conflicts ${input.includeResolved ? '' : 'WHERE "resolvedAt" IS NULL'} ORDER BY "detectedAt" DESC, "id" LIMIT 1000`,
    )
    .all() as ConflictRow[];
  return { rows: rows.map((r) => describe(core, r)) };
}

/**
 * Redoes a superseded move through the workflow, from the demand's status now, as this
 * user (with the role checks and a history entry of its own), with the move's note and
 * closure: a move the workflow does not allow from there is refused with its message.
 */
function redoMove(core: Core, c: ConflictRow): void {
  const { demandId, loser } = JSON.parse(c.detail ?? '{}') as {
    demandId: string;
    loser: { eventId: string };
  };
  const move = eventsOf(core.store, [demandId])
    .get(demandId)
    ?.find((e) => e.id === loser.eventId);
  if (!move || move.from === null) {
    throw new ApiError('CONFLICT', msg('conflict.moveGone'), {
      field: 'id',
    });
  }
  applyTransition(core, {
    id: demandId,
    to: move.to,
    // A move made by a version that asked no note where one is needed now (a hold).
    note: move.note ?? (moveNeedsNote(move.from, move.to) ? sayZh(msg('note.redoneWithoutNote')) : undefined),
    closureType: move.data?.closureType ?? undefined,
    resolution: move.data?.resolution ?? undefined,
    assigneeStaffId: move.data?.assigneeStaffId ?? undefined,
  });
}

/**
 * Keeping the losing value writes it again as a new change, which syncs like any other; for a
 * workflow conflict it redoes the superseded move, and keeping the winner dismisses it.
 */
export function resolveConflict(core: Core, input: { id: string; keep: 'winner' | 'loser' }) {
  const c = core.store.db.prepare(`SELECT * FROM conflicts WHERE "id" = ?`).get(input.id) as
    ConflictRow | undefined;
  if (!c) throw notFound('kind.conflict', input.id);
  if (c.resolvedAt) throw new ApiError('CONFLICT', msg('conflict.resolved'), { field: 'id' });
  const kind = kindOfTable(c.tbl);
  if (!kind)
    throw new ApiError('INTERNAL', msg('internal', { detail: `conflict on unknown table ${c.tbl}` }));
  if (c.type === 'delete') {
    resolveLostToDelete(core, kind, c.rowId, JSON.parse(c.detail!) as LostToDeleteDetail, input.keep);
  } else if (input.keep === 'loser' && c.type === 'workflow') redoMove(core, c);
  else if (input.keep === 'loser') {
    // Conflicts recorded per field by earlier versions: these fields are the workflow's to write.
    if (kind === 'demands' && (DERIVED_DEMAND_FIELDS as readonly string[]).includes(c.field)) {
      throw new ApiError('WORKFLOW', msg('conflict.workflowField', { field: c.field }), { field: 'keep' });
    }
    const type = allColumns(kind)[c.field]!;
    updateRecord(core.store, kind, c.rowId, { [c.field]: fromSql(type, c.loserValue) });
  }
  core.store.db
    .prepare(`UPDATE conflicts SET "resolvedAt" = ?, "resolution" = ? WHERE "id" = ?`)
    .run(nowIso(core), input.keep, input.id);
  return describe(
    core,
    core.store.db.prepare(`SELECT * FROM conflicts WHERE "id" = ?`).get(input.id) as ConflictRow,
  );
}
