import { v5 as uuidv5 } from 'uuid';
import type { Core } from '../../core';
import { getRow, insertRecord, updateRecord } from '../../store/records';
import { periodParams } from './period';
import { resolveScope, type ScopeInput } from './scope';

// The narrative sections of a quarterly report (typical cases, recurring problems, next
// quarter's plan): free text saved per quarter and scope in `narratives`, a synced kind.
// The record id is derived from quarter and scope, so the same report written on two
// laptops is one record after sync (merged field by field) rather than two.

const NAMESPACE = '6f1c5a3e-9d2b-4c7a-8e41-2b7d0c9a5f13';

export const NARRATIVE_FIELDS = ['typicalCases', 'recurringProblems', 'nextQuarterPlan'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export interface Narrative {
  id: string;
  quarter: string;
  scopeKey: string;
  typicalCases: string;
  recurringProblems: string;
  nextQuarterPlan: string;
  /** Null until something was saved. */
  updatedAt: string | null;
  updatedByStaff: string | null;
}

export interface NarrativeInput extends ScopeInput {
  quarter: string;
}

export type NarrativeSave = NarrativeInput & Partial<Record<NarrativeField, string | null>>;

export const narrativeId = (quarter: string, scopeKey: string): string =>
  uuidv5(`${quarter}|${scopeKey}`, NAMESPACE);

export function getNarrative(core: Core, input: NarrativeInput): Narrative {
  const scope = resolveScope(core, input);
  const quarter = periodParams(input.quarter).quarter;
  const id = narrativeId(quarter, scope.key);
  const row = getRow(core.store, 'narratives', id);
  const live = row && !row.deletedAt ? row : null;
  return {
    id,
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
  const quarter = periodParams(input.quarter).quarter;
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
