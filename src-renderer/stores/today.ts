// 首页: my tasks (me.tasks) and a few figures for this quarter, counted from list totals.
import { create } from 'zustand';
import type { ListQuery, MethodOutput } from '@shared/contract/contract';
import { addDays, startOfShanghaiDay } from '@shared/domain/dates';
import { parseQuarter, quarterOf } from '@shared/domain/quarter';
import { call, toApiError, type ApiError } from '../api';
import { listRecords } from '../records';

export const FIGURES = {
  me: ['visits', 'openDemands', 'overdueDemands', 'closedDemands', 'followupsDone'],
  bureau: ['visits', 'newDemands', 'closedDemands', 'openDemands', 'overdueDemands', 'clinics'],
} as const;

export type Figures = { me: Record<string, number>; bureau: Record<string, number> };

interface TodayState {
  tasks: MethodOutput<'me.tasks'> | null;
  figures: Figures | null;
  quarter: string | null;
  error: ApiError | null;
  load(today: string, meId: string | null): Promise<void>;
}

type Count = [kind: 'visits' | 'demands' | 'followups' | 'clinics', filter: ListQuery['filter']];

/** What each figure counts, as a list filter: the figure is that list's total. */
export function figureQueries(
  today: string,
  meId: string | null,
): { me: Record<string, Count>; bureau: Record<string, Count> } {
  const q = parseQuarter(quarterOf(today));
  const from = startOfShanghaiDay(q.start);
  const to = startOfShanghaiDay(addDays(q.end, 1));
  const inQuarter = { gte: q.start, lte: q.end };
  const instantInQuarter = { gte: from, lt: to };
  const me = meId ?? '-';
  return {
    me: {
      visits: ['visits', { leadStaffId: me, date: inQuarter, status: { ne: 'draft' } }],
      openDemands: ['demands', { assigneeStaffId: me, open: true }],
      overdueDemands: ['demands', { assigneeStaffId: me, overdue: true }],
      closedDemands: ['demands', { assigneeStaffId: me, status: 'closed', closedAt: instantInQuarter }],
      followupsDone: ['followups', { ownerStaffId: me, doneAt: instantInQuarter }],
    },
    bureau: {
      visits: ['visits', { date: inQuarter, status: { ne: 'draft' } }],
      newDemands: ['demands', { receivedAt: instantInQuarter }],
      closedDemands: ['demands', { status: 'closed', closedAt: instantInQuarter }],
      openDemands: ['demands', { open: true }],
      overdueDemands: ['demands', { overdue: true }],
      clinics: ['clinics', { date: inQuarter, status: { ne: 'planned' } }],
    },
  };
}

const count = async ([kind, filter]: Count): Promise<number> => {
  const page = await listRecords(kind, { filter, limit: 1 });
  return page.total;
};

async function countAll(queries: Record<string, Count>): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(queries).map(async ([k, c]) => [k, await count(c)] as const),
  );
  return Object.fromEntries(entries);
}

export const useToday = create<TodayState>((set) => ({
  tasks: null,
  figures: null,
  quarter: null,
  error: null,
  async load(today, meId) {
    try {
      const queries = figureQueries(today, meId);
      const [tasks, me, bureau] = await Promise.all([
        call('me.tasks'),
        meId ? countAll(queries.me) : Promise.resolve({}),
        countAll(queries.bureau),
      ]);
      set({ tasks, figures: { me, bureau }, quarter: quarterOf(today), error: null });
    } catch (e) {
      set({ error: toApiError(e) });
    }
  },
}));
