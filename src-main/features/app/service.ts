import { type Core, meId, requireLive, today } from '../../core';
import { getRow, listRows } from '../../store/records';
import { schemaVersion } from '../../store/db';
import { lastNewIdentity } from '../../store/identity';
import type { Demand } from '@shared/contract/schemas';
import type { MethodOutput } from '@shared/contract/contract';
import { decorate } from '../demands/service';
import { OPEN_DEMAND_STATUSES } from '@shared/domain/enums';

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

/** My follow-ups and demands that are due today or late. */
export function myTasks(core: Core): MethodOutput<'me.tasks'> {
  const me = meId(core);
  const day = today(core);
  if (!me) return { today: day, followups: [], demands: [] };
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
  return { today: day, followups, demands };
}
