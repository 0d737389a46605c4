import { v5 as uuidv5 } from 'uuid';
import type { Core } from '../../core';
import { getRow, insertRecord, updateRecord } from '../../store/records';
import { chosenPeriod, periodOf, type PeriodChoice } from './period';
import { resolveScope, type ScopeInput } from './scope';

// The narrative sections of a report (typical cases, recurring problems, next period's plan):
// free text saved per period and scope in `narratives`, a synced kind (its `quarter` field
// holds the period's key: '2026Q3' as ever, or '2026-08', '2026H1', …). The record id is
// derived from period and scope, so the same report written on two laptops is one record
// after sync (merged field by field) rather than two; a quarter's id is what it always was.

const NAMESPACE = '6f1c5a3e-9d2b-4c7a-8e41-2b7d0c9a5f13';

export const NARRATIVE_FIELDS = ['typicalCases', 'recurringProblems', 'nextQuarterPlan'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export interface Narrative {
  id: string;
  period: string;
  /** The period's key, under its name from before other periods. */
  quarter: string;
  scopeKey: string;
  typicalCases: string;
  recurringProblems: string;
  nextQuarterPlan: string;
  /** Null until something was saved. */
  updatedAt: string | null;
  updatedByStaff: string | null;
}

export type NarrativeInput = ScopeInput & PeriodChoice;

export type NarrativeSave = NarrativeInput & Partial<Record<NarrativeField, string | null>>;

export const narrativeId = (period: string, scopeKey: string): string =>
  uuidv5(`${period}|${scopeKey}`, NAMESPACE);

/** The canonical key of the input's period (a narrative may be written before it begins). */
function periodKey(input: PeriodChoice): string {
  const { key, field } = chosenPeriod(input);
  return periodOf(key, field).key;
}

export function getNarrative(core: Core, input: NarrativeInput): Narrative {
  const scope = resolveScope(core, input);
  const quarter = periodKey(input);
  const id = narrativeId(quarter, scope.key);
  const row = getRow(core.store, 'narratives', id);
  const live = row && !row.deletedAt ? row : null;
  return {
    id,
    period: quarter,
    quarter,
    scopeKey: scope.key,
    typicalCases: live?.typicalCases ?? '',
    recurringProblems: live?.recurringProblems ?? '',
    nextQuarterPlan: live?.nextQuarterPlan ?? '',
    updatedAt: live?.updatedAt ?? null,
    updatedByStaff: live?.updatedByStaff ?? null,
  };
}

/** Saves the sections given (others are kept). */
export function saveNarrative(core: Core, input: NarrativeSave): Narrative {
  const scope = resolveScope(core, input);
  const quarter = periodKey(input);
  const id = narrativeId(quarter, scope.key);
  const patch: Record<string, unknown> = {};
  for (const f of NARRATIVE_FIELDS) if (input[f] !== undefined) patch[f] = input[f] ?? '';
  const row = getRow(core.store, 'narratives', id);
  if (!row) {
    insertRecord(
      core.store,
      'narratives',
      { quarter, scopeType: scope.type, staffId: scope.staffId, town: scope.town, ...patch },
      id,
    );
  } else {
    // Saving again brings back a narrative that was deleted.
    updateRecord(core.store, 'narratives', id, { ...patch, ...(row.deletedAt ? { deletedAt: null } : {}) });
  }
  return getNarrative(core, input);
}
