// Demands: created pending (so the SLA clock and the history start at 受理), then brought to
// the file's status by legal workflow moves, each dated from the row:
//   assigned, in_progress, on_hold  at 交办时间, else 受理时间
//   answered                        at 反馈时间, else 办结时间, else 交办时间, else 受理时间
//   closed                          at 办结时间 (required), closure type from 办结方式 or
//                                   'substantive', resolution from 办理结果 or '台账导入'
//   rejected                        at 办结时间, else 反馈时间, else 受理时间; note from 办理结果,
//                                   备注 or '台账导入'
// Moves that need an assignee use 承办人, else the visit's lead (走访及需求), else "me".
// An existing demand (same enterprise, title and received day) is completed: empty fields
// filled, and moved on to the file's status only along forward moves and only to a status it
// has never had (a demand reopened in the app is not closed again by an old file); those
// moves are dated no earlier than its last step.
import { applyTransition, demandHistory, insertDemand, updateDemand } from '../../demands/service';
import { DemandFields, DemandPatch, type Demand } from '@shared/contract/schemas';
import { shanghaiDate } from '@shared/domain/dates';
import { MOVES } from '@shared/domain/workflow';
import type { ClosureType, DemandCategory, DemandStatus } from '@shared/domain/enums';
import type { ApiError } from '@shared/contract/errors';
import { RowFailure, isRowProblem, toRowFailure } from '../failures';
import type { FieldKey } from '../fields';
import { enumLabel } from '../labels';
import { fillPatch, type ImportContext } from './context';
import { staffName } from './enterprise';

export const IMPORT_NOTE = '台账导入';

export interface DemandSpec {
  enterpriseId: string;
  title: string;
  description?: string | undefined;
  categories: DemandCategory[];
  /** ISO instant */
  receivedAt: string;
  source: 'visit' | 'clinic' | 'hotline' | 'self_reported' | 'other';
  sourceVisitId?: string | undefined;
  level?: string | undefined;
  assignee?: string | undefined;
  /** Unit ids: the lead unit (主办) and co-handling units (协办). */
  leadUnitId?: string | undefined;
  coUnitIds?: string[] | undefined;
  dueDate?: string | undefined;
  complex?: boolean | undefined;
  status?: DemandStatus | undefined;
  assignedAt?: string | undefined;
  answeredAt?: string | undefined;
  closedAt?: string | undefined;
  closureType?: ClosureType | undefined;
  resolution?: string | undefined;
  remark?: string | undefined;
  /** Who takes a move that needs an assignee when the row names nobody. */
  defaultAssignee: string | null;
  /** Where errors about the demand's own text land (demandTitle, or the visit's demands cell). */
  titleField: FieldKey;
}

export interface DemandApplied {
  outcome: 'create' | 'update' | 'skip';
  notes: string[];
}

/** Forward moves only: the import never takes a demand back. */
const FORWARD: Record<DemandStatus, DemandStatus[]> = {
  pending: ['assigned', 'rejected'],
  assigned: ['in_progress'],
  in_progress: ['answered', 'on_hold'],
  on_hold: ['in_progress'],
  answered: ['closed'],
  closed: [],
  rejected: [],
};

/** The shortest chain of forward moves from one status to another (null: none). */
export function forwardPath(from: DemandStatus, to: DemandStatus): DemandStatus[] | null {
  if (from === to) return [];
  const queue: { at: DemandStatus; path: DemandStatus[] }[] = [{ at: from, path: [] }];
  const seen = new Set<DemandStatus>([from]);
  while (queue.length) {
    const { at, path } = queue.shift()!;
    for (const next of FORWARD[at]) {
      if (!MOVES[at][next] || seen.has(next)) continue;
      const p = [...path, next];
      if (next === to) return p;
      seen.add(next);
      queue.push({ at: next, path: p });
    }
  }
  return null;
}

function stepTime(to: DemandStatus, s: DemandSpec): { at: string; field: FieldKey } {
  const pick = (...c: [string | undefined, FieldKey][]) => {
    const hit = c.find(([v]) => v !== undefined);
    return hit ? { at: hit[0]!, field: hit[1] } : { at: s.receivedAt, field: 'receivedAt' as FieldKey };
  };
  switch (to) {
    case 'answered':
      return pick([s.answeredAt, 'answeredAt'], [s.closedAt, 'closedAt'], [s.assignedAt, 'assignedAt']);
    case 'closed':
      if (!s.closedAt) throw new RowFailure('closedAt', '已办结的需求需要办结时间');
      return { at: s.closedAt, field: 'closedAt' };
    case 'rejected':
      return pick([s.closedAt, 'closedAt'], [s.answeredAt, 'answeredAt']);
    default:
      return pick([s.assignedAt, 'assignedAt']);
  }
}

const DEMAND_FIELDS = (s: DemandSpec): Record<string, FieldKey> => ({
  title: s.titleField,
  description: s.titleField === 'demandTitle' ? 'description' : s.titleField,
  categories: s.titleField === 'demandTitle' ? 'categories' : s.titleField,
  level: 'level',
  assigneeStaffId: 'assignee',
  leadUnitId: 'leadUnit',
  coUnitIds: 'coUnits',
  receivedAt: 'receivedAt',
  dueDate: 'dueDate',
  complex: 'complex',
  sourceVisitId: 'visitDate',
  closureType: 'closureType',
  resolution: 'resolution',
  note: 'resolution',
});

function unitName(ctx: ImportContext, id: unknown): string {
  const row = ctx.core.store.db.prepare(`SELECT "name" FROM units WHERE "id" = ?`).get(id) as
    { name: string } | undefined;
  return row?.name ?? String(id);
}

function rethrow(e: unknown, s: DemandSpec, prefix: string, atField?: FieldKey): never {
  if (!isRowProblem(e)) throw e;
  const map = DEMAND_FIELDS(s);
  if (atField) map.at = atField;
  throw toRowFailure(e as ApiError, map, s.titleField, prefix);
}

/** Moves the demand along `path`, each step dated from the row (never before `floor`). */
function move(
  ctx: ImportContext,
  id: string,
  path: DemandStatus[],
  s: DemandSpec,
  floor: string | null,
  prefix: string,
): void {
  for (const to of path) {
    const { at: wanted, field } = stepTime(to, s);
    const at = floor && Date.parse(wanted) < Date.parse(floor) ? floor : wanted;
    try {
      applyTransition(
        ctx.core,
        {
          id,
          to,
          at,
          note: to === 'rejected' ? (s.resolution ?? s.remark ?? IMPORT_NOTE) : IMPORT_NOTE,
          assigneeStaffId: to === 'assigned' ? (s.assignee ?? s.defaultAssignee ?? undefined) : undefined,
          // Handing it over names the units; none in the row keeps the demand's own.
          leadUnitId: to === 'assigned' ? s.leadUnitId : undefined,
          coUnitIds: to === 'assigned' ? s.coUnitIds : undefined,
          closureType: to === 'closed' ? (s.closureType ?? 'substantive') : undefined,
          resolution: to === 'closed' ? (s.resolution ?? IMPORT_NOTE) : undefined,
        },
        'ledger',
      );
    } catch (e) {
      rethrow(e, s, prefix, field);
    }
  }
}

export function findDemand(
  ctx: ImportContext,
  s: Pick<DemandSpec, 'enterpriseId' | 'title' | 'receivedAt'>,
): Demand | null {
  return (
    (ctx.lookup.demandsTitled(s.enterpriseId, s.title, shanghaiDate(s.receivedAt))[0] as
      Demand | undefined) ?? null
  );
}

export function applyDemand(ctx: ImportContext, s: DemandSpec, prefix = ''): DemandApplied {
  const existing = findDemand(ctx, s);
  if (!existing) {
    let id: string;
    try {
      const input = DemandFields.parse({
        enterpriseId: s.enterpriseId,
        source: s.source,
        sourceVisitId: s.sourceVisitId,
        categories: s.categories,
        title: s.title,
        description: s.description,
        level: s.level,
        assigneeStaffId: s.assignee,
        leadUnitId: s.leadUnitId,
        coUnitIds: s.coUnitIds,
        receivedAt: s.receivedAt,
        complex: s.complex,
        dueDate: s.dueDate,
      });
      id = insertDemand(ctx.core, input);
    } catch (e) {
      rethrow(e, s, prefix);
    }
    if (s.status && s.status !== 'pending') move(ctx, id, forwardPath('pending', s.status)!, s, null, prefix);
    return { outcome: 'create', notes: [] };
  }
  return completeDemand(ctx, existing, s, prefix);
}

function completeDemand(ctx: ImportContext, current: Demand, s: DemandSpec, prefix: string): DemandApplied {
  const notes: string[] = [];
  const patch = fillPatch(
    current,
    [
      { key: 'description', field: 'description', value: s.description },
      { key: 'level', field: 'level', value: s.level, display: (v) => enumLabel('demandLevel', String(v)) },
      { key: 'assigneeStaffId', field: 'assignee', value: s.assignee, display: (v) => staffName(ctx, v) },
      { key: 'leadUnitId', field: 'leadUnit', value: s.leadUnitId, display: (v) => unitName(ctx, v) },
      {
        key: 'coUnitIds',
        field: 'coUnits',
        value: s.coUnitIds?.length ? s.coUnitIds : undefined,
        display: (v) => (v as string[]).map((id) => unitName(ctx, id)).join('、'),
      },
    ],
    notes,
  );
  let changed = false;
  if (Object.keys(patch).length) {
    try {
      updateDemand(ctx.core, { id: current.id, ...DemandPatch.parse(patch) });
    } catch (e) {
      rethrow(e, s, prefix);
    }
    changed = true;
  }
  const status = s.status;
  // A demand still waiting for its status by sync keeps waiting: a file row does not set it.
  if (status && current.status && status !== current.status) {
    const history = demandHistory(ctx.core, current.id);
    const path = forwardPath(current.status, status);
    if (path && !history.some((h) => h.to === status)) {
      move(ctx, current.id, path, s, history[history.length - 1]?.at ?? current.receivedAt ?? null, prefix);
      changed = true;
    } else {
      notes.push(
        `办理状态：表中为「${enumLabel('demandStatus', status)}」，系统中为「${enumLabel('demandStatus', current.status)}」，保留系统中的状态`,
      );
    }
  }
  return { outcome: changed ? 'update' : 'skip', notes: notes.map((n) => `${prefix}${n}`) };
}
