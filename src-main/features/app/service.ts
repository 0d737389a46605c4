import { type Core, meId, myRole, requireLive, today } from '../../core';
import { getRow, listRows, preparedOn } from '../../store/records';
import { schemaVersion } from '../../store/db';
import { lastNewIdentity } from '../../store/identity';
import type { Demand } from '@shared/contract/schemas';
import type { MethodOutput } from '@shared/contract/contract';
import { decorate } from '../demands/service';
import { OPEN_DEMAND_STATUSES } from '@shared/domain/enums';
import { shanghaiDaySql } from '../../store/rulesSql';

export const DEMO_LOADED_KEY = 'demoLoadedAt';

export function appInfo(core: Core): MethodOutput<'app.info'> {
  const { store } = core;
  const me = meId(core);
  return {
    appVersion: core.appVersion,
    schemaVersion: schemaVersion(store.db),
    dbPath: store.path,
    device: store.device,
    me: me ? getRow(store, 'staff', me) : null,
    demoLoadedAt: store.getMeta(DEMO_LOADED_KEY),
    today: today(core),
    newIdentity: lastNewIdentity(store),
  };
}

/** Chooses who "me" is on this install. */
export function setMe(core: Core, staffId: string): MethodOutput<'app.info'> {
  requireLive(core, 'staff', staffId, 'staffId');
  core.store.setMeta('meStaffId', staffId);
  core.store.actor = { ...core.store.actor, staffId };
  return appInfo(core);
}

const OPEN_LIST = OPEN_DEMAND_STATUSES.map((x) => `'${x}'`).join(', ');

/**
 * My open demands a unit replied on since my last step: a `unit_reply` event recorded by
 * someone else (a reply I wrote down myself I already know) after the latest event of mine.
 */
const UNIT_REPLIES_SQL = `
  SELECT DISTINCT d."id" FROM demands d JOIN demand_history h ON h."demandId" = d."id"
  WHERE d."assigneeStaffId" = ? AND d."deletedAt" IS NULL AND d."status" IN (${OPEN_LIST})
    AND h."type" = 'unit_reply' AND h."deletedAt" IS NULL AND h."by" IS NOT ?
    AND h."at" > coalesce((SELECT max(m."at") FROM demand_history m
                           WHERE m."demandId" = d."id" AND m."by" = ? AND m."deletedAt" IS NULL), '')`;

/**
 * My open demands handed to me today: created with me as handler, or moved or reassigned to me
 * (an event naming me as assignee), on today's Shanghai date.
 */
const ASSIGNED_TODAY_SQL = `
  SELECT d."id" FROM demands d
  WHERE d."assigneeStaffId" = ? AND d."deletedAt" IS NULL AND d."status" IN (${OPEN_LIST})
    AND (${shanghaiDaySql('d."createdAt"')} = ?
      OR EXISTS (SELECT 1 FROM demand_history h
                 WHERE h."demandId" = d."id" AND h."deletedAt" IS NULL
                   AND json_extract(h."data", '$.assigneeStaffId') = ? AND ${shanghaiDaySql('h."at"')} = ?))`;

const LATEST_UNIT_REPLY_SQL = `
  SELECT h."at", u."name" AS unitName, h."note" FROM demand_history h
  LEFT JOIN units u ON u."id" = json_extract(h."data", '$.unitId')
  WHERE h."demandId" = ? AND h."type" = 'unit_reply' AND h."deletedAt" IS NULL
  ORDER BY h."at" DESC, h."id" DESC LIMIT 1`;

/** Open demands with a pending 延期申请. */
const EXTENSION_REQUESTS_SQL = `
  SELECT d."id" FROM demands d
  WHERE d."deletedAt" IS NULL AND d."status" IN (${OPEN_LIST}) AND d."extension" IS NOT NULL`;

/** The decorated demands behind `ids`, soonest due first. */
function demandsById(core: Core, ids: string[]): Demand[] {
  if (ids.length === 0) return [];
  return listRows(core.store, 'demands', {
    filter: { id: ids },
    sort: [{ field: 'dueDate', dir: 'asc' }],
    limit: 10_000,
  }).rows.map((r) => decorate(core, r));
}

/**
 * 我的待办: my follow-ups and demands due today or late, the demands handed to me today, the
 * unit replies waiting for me, and
 * for a supervisor the extension requests to decide.
 */
export function myTasks(core: Core): MethodOutput<'me.tasks'> {
  const me = meId(core);
  const day = today(core);
  if (!me)
    return {
      today: day,
      followups: [],
      demands: [],
      assignedToday: [],
      unitReplies: [],
      extensionRequests: [],
    };
  const followups = listRows(core.store, 'followups', {
    filter: { ownerStaffId: me, doneAt: null, dueDate: { lte: day } },
    sort: [{ field: 'dueDate', dir: 'asc' }],
    limit: 1000,
  }).rows;
  const demands = listRows(core.store, 'demands', {
    filter: { assigneeStaffId: me, status: [...OPEN_DEMAND_STATUSES] },
    sort: [{ field: 'dueDate', dir: 'asc' }],
    limit: 10_000,
  })
    .rows.map((r) => decorate(core, r))
    .filter((d: Demand) => d.effectiveDueDate !== null && d.effectiveDueDate <= day);
  const ids = (sql: string, ...params: unknown[]) =>
    (preparedOn(core.store.db, sql).all(...params) as { id: string }[]).map((r) => r.id);
  const unitReplies = demandsById(core, ids(UNIT_REPLIES_SQL, me, me, me)).map((d) => ({
    ...d,
    unitReply: preparedOn(core.store.db, LATEST_UNIT_REPLY_SQL).get(d.id) as {
      at: string;
      unitName: string | null;
      note: string | null;
    },
  }));
  const due = new Set(demands.map((d) => d.id));
  const assignedToday = demandsById(core, ids(ASSIGNED_TODAY_SQL, me, day, me, day)).filter(
    (d) => !due.has(d.id),
  );
  const extensionRequests =
    myRole(core) === 'supervisor' ? demandsById(core, ids(EXTENSION_REQUESTS_SQL)) : [];
  return { today: day, followups, demands, assignedToday, unitReplies, extensionRequests };
}
