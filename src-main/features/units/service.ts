import { msg } from '@shared/messages';
import type { z } from 'zod';
import { type Core, requireLive, softDelete } from '../../core';
import { getRow, insertRecord, listRows, preparedOn, updateRecord } from '../../store/records';
import { isOpenSql } from '../../store/rulesSql';
import type { UnitFields, Unit } from '@shared/contract/schemas';
import type { ListQuery } from '@shared/contract/contract';
import { ApiError, issue } from '@shared/contract/errors';

type UnitInput = z.output<typeof UnitFields>;

export function getUnit(core: Core, id: string): Unit {
  requireLive(core, 'units', id);
  return getRow(core.store, 'units', id)!;
}

/** Names are unique among live units: demands, boards and reports split by them. */
function checkNameFree(core: Core, name: string, exceptId?: string): void {
  const taken = core.store.db
    .prepare(`SELECT "id" FROM units WHERE "name" = ? AND "deletedAt" IS NULL AND "id" IS NOT ?`)
    .get(name, exceptId ?? null) as { id: string } | undefined;
  if (taken) {
    const m = msg('unit.nameTaken', { name });
    throw new ApiError('CONFLICT', m, { field: 'name', existingId: taken.id, issues: [issue('name', m)] });
  }
}

export function createUnit(core: Core, input: UnitInput): Unit {
  checkNameFree(core, input.name);
  const id = insertRecord(core.store, 'units', {
    ...input,
    kind: input.kind ?? 'other',
    active: input.active ?? true,
  });
  return getUnit(core, id);
}

export function updateUnit(core: Core, { id, ...patch }: Partial<UnitInput> & { id: string }): Unit {
  requireLive(core, 'units', id);
  if (patch.name !== undefined) checkNameFree(core, patch.name, id);
  updateRecord(core.store, 'units', id, patch);
  return getUnit(core, id);
}

/** A unit still handling an open demand (as lead or co unit) stays: the demand would lose its handler. */
export function deleteUnit(core: Core, id: string) {
  const unit = requireLive(core, 'units', id);
  const open = core.store.db
    .prepare(
      `SELECT count(*) AS n FROM demands d WHERE d."deletedAt" IS NULL AND ${isOpenSql('d."status"')}
         AND (d."leadUnitId" = ? OR EXISTS (SELECT 1 FROM json_each(d."coUnitIds") j WHERE j."value" = ?))`,
    )
    .get(id, id) as { n: number };
  if (open.n > 0) {
    throw new ApiError('CONFLICT', msg('unit.openDemands', { name: String(unit.name), n: open.n }), {
      field: 'id',
      openDemands: open.n,
    });
  }
  return softDelete(core, 'units', id);
}

export const listUnits = (core: Core, query: ListQuery) => listRows(core.store, 'units', query);

/**
 * The names of units by id, deleted units included: a history or a change made while a unit
 * handled a record names it, whatever became of it since. Unknown ids are left out.
 */
export function unitNamesOf(core: Core, ids: Iterable<string | null | undefined>): Map<string, string> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (!wanted.length) return new Map();
  const rows = preparedOn(
    core.store.db,
    `SELECT "id", "name" FROM units WHERE "id" IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(wanted)) as { id: string; name: string | null }[];
  return new Map(rows.filter((u) => u.name).map((u) => [u.id, u.name!]));
}
