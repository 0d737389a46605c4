// Chinese words for every enumeration, for files the core writes (ledger exports, rejects
// reports): the same words as the screens and the report (@shared/labels).
import { ENUM_GROUPS } from '@shared/domain/enums';
import { fileLabelsOf } from '@shared/labels';

export const ENUM_VALUES = ENUM_GROUPS;
export type EnumGroup = keyof typeof ENUM_VALUES;
export type EnumValue<G extends EnumGroup> = (typeof ENUM_VALUES)[G][number];

export const ENUM_LABELS = Object.fromEntries(
  (Object.keys(ENUM_VALUES) as EnumGroup[]).map((g) => [g, fileLabelsOf(g)]),
) as { [G in EnumGroup]: Record<string, string> };

/** The Chinese word for an enum value; the value itself when it has none. */
export function enumLabel(group: EnumGroup, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return ENUM_LABELS[group][value] ?? value;
}

export const YES = '是';
export const NO = '否';
