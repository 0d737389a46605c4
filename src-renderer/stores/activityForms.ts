// Form stores of service activities (服务活动) and outcomes (服务成效).
import type { MethodInput } from '@shared/contract/contract';
import { opt } from '../format';
import { createRecordForm } from './recordForm';
import { useSession } from './session';

type ActivityCreate = MethodInput<'activities.create'>;
type OutcomeCreate = MethodInput<'outcomes.create'>;

/** A number typed in a form: empty is "not given" (null), anything else goes to the API as typed. */
const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s));

export interface ActivityValues {
  type: string;
  date: string;
  title: string;
  place: string;
  status: string;
  organizerStaffIds: string[];
  expertIds: string[];
  enterpriseIds: string[];
  attendees: string;
  summary: string;
}

export const useActivityForm = createRecordForm<'activities', ActivityValues>({
  kind: 'activities',
  empty: () => {
    const me = useSession.getState().info?.me?.id;
    return {
      type: 'policy_briefing',
      date: useSession.getState().info?.today ?? '',
      title: '',
      place: '',
      status: 'held',
      organizerStaffIds: me ? [me] : [],
      expertIds: [],
      enterpriseIds: [],
      attendees: '',
      summary: '',
    };
  },
  fromRecord: (a) => ({
    type: a.type ?? 'other',
    date: a.date ?? '',
    title: a.title ?? '',
    place: a.place ?? '',
    status: a.status ?? 'held',
    organizerStaffIds: a.organizerStaffIds ?? [],
    expertIds: a.expertIds ?? [],
    enterpriseIds: a.enterpriseIds ?? [],
    attendees: a.attendees === null || a.attendees === undefined ? '' : String(a.attendees),
    summary: a.summary ?? '',
  }),
  toInput: (v) => ({
    type: v.type as ActivityCreate['type'],
    date: v.date,
    title: v.title,
    place: opt(v.place),
    status: v.status as ActivityCreate['status'],
    organizerStaffIds: v.organizerStaffIds,
    expertIds: v.expertIds,
    enterpriseIds: v.enterpriseIds,
    attendees: numberOrNull(v.attendees),
    summary: opt(v.summary),
  }),
});

export interface OutcomeValues {
  enterpriseId: string | null;
  type: string;
  date: string;
  amount: string;
  count: string;
  status: string;
  description: string;
  demandId: string | null;
}

export const useOutcomeForm = createRecordForm<'outcomes', OutcomeValues>({
  kind: 'outcomes',
  empty: () => ({
    enterpriseId: null,
    type: 'high_tech_application',
    date: useSession.getState().info?.today ?? '',
    amount: '',
    count: '1',
    status: 'done',
    description: '',
    demandId: null,
  }),
  fromRecord: (o) => ({
    enterpriseId: o.enterpriseId ?? null,
    type: o.type ?? 'other',
    date: o.date ?? '',
    amount: o.amount === null || o.amount === undefined ? '' : String(o.amount),
    count: String(o.count ?? 1),
    status: o.status ?? 'done',
    description: o.description ?? '',
    demandId: o.demandId ?? null,
  }),
  toInput: (v) => ({
    enterpriseId: v.enterpriseId ?? '',
    type: v.type as OutcomeCreate['type'],
    date: v.date,
    amount: numberOrNull(v.amount),
    count: numberOrNull(v.count) ?? 1,
    status: v.status as OutcomeCreate['status'],
    description: opt(v.description),
    demandId: v.demandId,
  }),
});
