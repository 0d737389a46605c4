// What applying a row needs, and the rule for rows that meet an existing record:
// an existing record is completed, never overwritten. Empty fields are filled from the file,
// lists are merged, a demand moves on to a status it has never reached; a value that differs
// from the app's is kept as it is in the app and reported as a note. So re-importing a file
// (even an older copy, after work done in the app) changes nothing that was already there.
import type { Core } from '../../../core';
import { fieldLabel, type FieldKey } from '../fields';
import type { Lookup } from '../lookup';
import type { VisitNumbers } from '../../visits/numbers';
import type { ImportKind, RowOutcome } from '@shared/ledger/types';

export interface ImportContext {
  core: Core;
  kind: ImportKind;
  lookup: Lookup;
  numbers: VisitNumbers;
  /** The staff member running the import ("me"), used where a row names nobody. */
  me: string | null;
}

export interface Applied {
  outcome: Exclude<RowOutcome, 'reject'>;
  enterprisesCreated: number;
  notes: string[];
}

export const isEmptyValue = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const shown = (v: unknown): string =>
  Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);

/**
 * The patch that completes `current` from the file: fields the app leaves empty. Differing
 * values go to `notes` (named by the import field they came from).
 */
export function fillPatch(
  current: Record<string, unknown>,
  fromFile: { key: string; field: FieldKey; value: unknown; display?: (v: unknown) => string }[],
  notes: string[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const { key, field, value, display } of fromFile) {
    if (value === undefined) continue;
    const now = current[key];
    if (isEmptyValue(now)) patch[key] = value;
    else if (!same(now, value)) {
      const d = display ?? shown;
      notes.push(`${fieldLabel(field)}：表中为「${d(value)}」，系统中为「${d(now)}」，保留系统中的值`);
    }
  }
  return patch;
}

/** The row's remark goes after the main text, so it is not lost. */
export function withRemark(text: string | undefined, remark: string | undefined): string | undefined {
  if (!remark) return text;
  return text ? `${text}\n备注：${remark}` : `备注：${remark}`;
}
