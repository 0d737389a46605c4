// A follow-up (回访) of a demand, visit or clinic.
import type { MethodInput } from '@shared/contract/contract';
import { formatDay, opt } from '../format';
import { createRecordForm } from './recordForm';
import { useSession } from './session';

type Create = MethodInput<'followups.create'>;

export interface FollowupValues {
  parentType: string;
  parentId: string | null;
  ownerStaffId: string;
  dueDate: string;
  doneAt: string;
  channel: string;
  content: string;
  result: string;
  satisfaction: string;
  nextFollowupDate: string;
}

export const useFollowupForm = createRecordForm<'followups', FollowupValues>({
  kind: 'followups',
  empty: () => ({
    parentType: 'demand',
    parentId: null,
    ownerStaffId: useSession.getState().info?.me?.id ?? '',
    dueDate: '',
    doneAt: '',
    channel: 'phone',
    content: '',
    result: '',
    satisfaction: '',
    nextFollowupDate: '',
  }),
  fromRecord: (f) => ({
    parentType: f.parentType ?? 'demand',
    parentId: f.parentId ?? null,
    ownerStaffId: f.ownerStaffId ?? '',
    dueDate: f.dueDate ?? '',
    doneAt: formatDay(f.doneAt),
    channel: f.channel ?? '',
    content: f.content ?? '',
    result: f.result ?? '',
    satisfaction: f.satisfaction ?? '',
    nextFollowupDate: f.nextFollowupDate ?? '',
  }),
  // A dissatisfied follow-up of a demand reopens it.
  alsoChanges: ['demands'],
  toInput: (v) => ({
    parentType: v.parentType as Create['parentType'],
    parentId: v.parentId ?? '',
    ownerStaffId: v.ownerStaffId || undefined,
    dueDate: v.dueDate || null,
    doneAt: v.doneAt || null,
    channel: (v.channel || null) as Create['channel'],
    content: opt(v.content),
    result: opt(v.result),
    satisfaction: (v.satisfaction || null) as Create['satisfaction'],
    nextFollowupDate: v.nextFollowupDate || null,
  }),
});
