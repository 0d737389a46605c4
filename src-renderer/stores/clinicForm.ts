// The clinic form: experts, the enterprises diagnosed (problems, advice) and the outcomes.
import type { MethodInput } from '@shared/contract/contract';
import { opt } from '../format';
import { createRecordForm } from './recordForm';
import { useSession } from './session';

type Create = MethodInput<'clinics.create'>;

export interface DiagnosedRow {
  key: string;
  enterpriseId: string | null;
  problems: string;
  advice: string;
}

export interface ClinicValues {
  date: string;
  topic: string;
  place: string;
  field: string;
  status: string;
  expertIds: string[];
  enterprises: DiagnosedRow[];
  cooperationIntentions: string;
  signedProjects: string;
}

let seq = 0;
export const diagnosedRow = (
  enterpriseId: string | null = null,
  problems = '',
  advice = '',
): DiagnosedRow => ({
  key: `r${++seq}`,
  enterpriseId,
  problems,
  advice,
});

const count = (s: string) => (s.trim() === '' ? 0 : Number(s));

export const useClinicForm = createRecordForm<'clinics', ClinicValues>({
  kind: 'clinics',
  empty: () => ({
    date: useSession.getState().info?.today ?? '',
    topic: '',
    place: '',
    field: '',
    status: 'planned',
    expertIds: [],
    enterprises: [],
    cooperationIntentions: '0',
    signedProjects: '0',
  }),
  fromRecord: (c) => ({
    date: c.date ?? '',
    topic: c.topic ?? '',
    place: c.place ?? '',
    field: c.field ?? '',
    status: c.status ?? 'planned',
    expertIds: c.expertIds ?? [],
    enterprises: (c.enterprises ?? []).map((e) =>
      diagnosedRow(e.enterpriseId, e.problems ?? '', e.advice ?? ''),
    ),
    cooperationIntentions: String(c.cooperationIntentions ?? 0),
    signedProjects: String(c.signedProjects ?? 0),
  }),
  toInput: (v) => ({
    date: v.date,
    topic: v.topic,
    place: opt(v.place),
    field: opt(v.field),
    status: v.status as Create['status'],
    expertIds: v.expertIds,
    enterprises: v.enterprises.map((e) => ({
      enterpriseId: e.enterpriseId ?? '',
      problems: opt(e.problems),
      advice: opt(e.advice),
    })),
    cooperationIntentions: count(v.cooperationIntentions),
    signedProjects: count(v.signedProjects),
  }),
});
