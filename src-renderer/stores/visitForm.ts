// The visit form: a visit and the demands raised in it, saved in one visits.create call.
// A new visit's entry is kept as a draft in localStorage until it is saved.
import type { Demand } from '@shared/contract/schemas';
import type { MethodInput } from '@shared/contract/contract';
import { ApiError, call, toApiError } from '../api';
import { opt } from '../format';
import { createRecordForm } from './recordForm';
import { draftKey, dropDraft, readDraft, writeDraft } from './drafts';
import { useSession } from './session';

export interface DemandDraft {
  /** A local key for React lists; not sent. */
  key: string;
  title: string;
  categories: string[];
  description: string;
  complex: boolean;
  level: string;
  assigneeStaffId: string;
  responsibleUnit: string;
}

export interface VisitValues {
  enterpriseId: string | null;
  date: string;
  mode: string;
  leadStaffId: string;
  staffIds: string[];
  peopleMet: string;
  summary: string;
  policiesExplained: string;
  solvedOnSite: boolean;
  enterpriseConfirmed: boolean;
  status: string;
  /** Demands to create with this save. */
  demands: DemandDraft[];
  /** Demands already raised in this visit (editing): shown, not sent. */
  raised: Demand[];
}

/** A new visit's draft: VisitForm keeps it itself (not the form store), to leave out the
 *  demands already raised and to start from an enterprise picked elsewhere. */
const VISIT_DRAFT = 'visit';
export const DRAFT_KEY = draftKey(VISIT_DRAFT);

let keySeq = 0;
export function newDemandDraft(): DemandDraft {
  keySeq += 1;
  return {
    key: `d${Date.now().toString(36)}${keySeq}`,
    title: '',
    categories: [],
    description: '',
    complex: false,
    level: 'district',
    assigneeStaffId: '',
    responsibleUnit: '',
  };
}

export function emptyVisit(): VisitValues {
  const info = useSession.getState().info;
  return {
    enterpriseId: null,
    date: info?.today ?? new Date().toISOString().slice(0, 10),
    mode: 'onsite',
    leadStaffId: info?.me?.id ?? '',
    staffIds: [],
    peopleMet: '',
    summary: '',
    policiesExplained: '',
    solvedOnSite: false,
    enterpriseConfirmed: false,
    status: 'submitted',
    demands: [],
    raised: [],
  };
}

function demandInput(d: DemandDraft) {
  return {
    title: d.title,
    categories: d.categories as MethodInput<'demands.create'>['categories'],
    description: opt(d.description),
    complex: d.complex,
    level: d.level as MethodInput<'demands.create'>['level'],
    assigneeStaffId: d.assigneeStaffId || null,
    responsibleUnit: opt(d.responsibleUnit),
  };
}

/** Moves a nested record's field errors under its place in the form ("demands.0.title"). */
function prefixed(e: unknown, prefix: string): ApiError {
  const err = toApiError(e);
  const field = typeof err.details.field === 'string' ? `${prefix}.${err.details.field}` : undefined;
  return new ApiError(err.code, err.message, {
    ...err.details,
    ...(field ? { field } : {}),
    issues: (err.details.issues ?? []).map((i) => ({ ...i, path: `${prefix}.${i.path}` })),
  });
}

type Create = MethodInput<'visits.create'>;

function visitInput(v: VisitValues) {
  return {
    enterpriseId: v.enterpriseId ?? '',
    date: v.date,
    mode: v.mode as Create['mode'],
    leadStaffId: v.leadStaffId || undefined,
    staffIds: v.staffIds,
    peopleMet: opt(v.peopleMet),
    summary: opt(v.summary),
    policiesExplained: opt(v.policiesExplained),
    solvedOnSite: v.solvedOnSite,
    enterpriseConfirmed: v.enterpriseConfirmed,
    status: v.status as Create['status'],
  };
}

export const useVisitForm = createRecordForm<'visits', VisitValues>({
  kind: 'visits',
  drafts: false,
  empty: emptyVisit,
  fromRecord: (v) => ({
    enterpriseId: v.enterpriseId ?? null,
    date: v.date ?? '',
    mode: v.mode ?? 'onsite',
    leadStaffId: v.leadStaffId ?? '',
    staffIds: (v.staffIds ?? []).filter((s) => s !== v.leadStaffId),
    peopleMet: v.peopleMet ?? '',
    summary: v.summary ?? '',
    policiesExplained: v.policiesExplained ?? '',
    solvedOnSite: v.solvedOnSite ?? false,
    enterpriseConfirmed: v.enterpriseConfirmed ?? false,
    status: v.status ?? 'submitted',
    demands: [],
    raised: v.demands ?? [],
  }),
  toInput: (v) => ({ ...visitInput(v), demands: v.demands.map(demandInput) }),
  toPatch: visitInput,
  alsoChanges: ['demands'],
  // Demands added while editing a saved visit: created one by one, pointing back to it.
  afterSave: async (saved, values, isNew) => {
    if (isNew) return;
    for (const [i, d] of values.demands.entries()) {
      try {
        await call('demands.create', {
          ...demandInput(d),
          enterpriseId: saved.enterpriseId ?? '',
          source: 'visit',
          sourceVisitId: saved.id,
          receivedAt: saved.date ?? undefined,
        });
      } catch (e) {
        throw prefixed(e, `demands.${i}`);
      }
    }
  },
});

// --- the draft of a new visit ---------------------------------------------------------

export function loadDraft(): VisitValues | null {
  const parsed = readDraft<VisitValues>(VISIT_DRAFT);
  return parsed ? { ...emptyVisit(), ...parsed, raised: [] } : null;
}

export function saveDraft(values: VisitValues): void {
  writeDraft(VISIT_DRAFT, { ...values, raised: undefined });
}

export function clearDraft(): void {
  dropDraft(VISIT_DRAFT);
}

/** A draft worth keeping: the user has typed or picked something. */
export function isDirty(v: VisitValues): boolean {
  const blank = emptyVisit();
  return Boolean(
    v.enterpriseId ||
    v.summary.trim() ||
    v.peopleMet.trim() ||
    v.policiesExplained.trim() ||
    v.demands.length ||
    v.mode !== blank.mode ||
    v.solvedOnSite ||
    v.enterpriseConfirmed,
  );
}
