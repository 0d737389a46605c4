// A demand entered on its own (hotline, self-reported…) or edited.
import type { MethodInput } from '@shared/contract/contract';
import { opt } from '../format';
import { createRecordForm } from './recordForm';
import { useSession } from './session';

export interface DemandValues {
  enterpriseId: string | null;
  source: string;
  receivedAt: string;
  dueDate: string;
  title: string;
  categories: string[];
  description: string;
  complex: boolean;
  level: string;
  assigneeStaffId: string;
  responsibleUnit: string;
}

type Create = MethodInput<'demands.create'>;

export const useDemandForm = createRecordForm<'demands', DemandValues>({
  kind: 'demands',
  empty: () => ({
    enterpriseId: null,
    source: 'hotline',
    receivedAt: useSession.getState().info?.today ?? '',
    dueDate: '',
    title: '',
    categories: [],
    description: '',
    complex: false,
    level: 'district',
    assigneeStaffId: '',
    responsibleUnit: '',
  }),
  fromRecord: (d) => ({
    enterpriseId: d.enterpriseId ?? null,
    source: d.source ?? 'other',
    receivedAt: d.receivedAt ?? '',
    dueDate: d.dueDate ?? '',
    title: d.title ?? '',
    categories: d.categories ?? [],
    description: d.description ?? '',
    complex: d.complex ?? false,
    level: d.level ?? 'district',
    assigneeStaffId: d.assigneeStaffId ?? '',
    responsibleUnit: d.responsibleUnit ?? '',
  }),
  toInput: (v) => {
    const today = useSession.getState().info?.today;
    return {
      ...common(v),
      source: v.source as Create['source'],
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      // Today means now; an earlier day is entered after the fact.
      ...(v.receivedAt && v.receivedAt !== today ? { receivedAt: v.receivedAt } : {}),
    };
  },
  // Where a demand came from, when it arrived and its due date are not edited afterwards.
  toPatch: common,
});

function common(v: DemandValues) {
  return {
    enterpriseId: v.enterpriseId ?? '',
    title: v.title,
    categories: v.categories as Create['categories'],
    description: opt(v.description),
    complex: v.complex,
    level: v.level as Create['level'],
    assigneeStaffId: v.assigneeStaffId || null,
    responsibleUnit: opt(v.responsibleUnit),
  };
}
