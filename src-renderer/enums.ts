// The enumerations the UI shows as words: each group's values (from the domain) and its i18n key.
import { ENUM_GROUPS } from '@shared/domain/enums';

export const ENUMS = {
  ...ENUM_GROUPS,
  timelineType: ['visit', 'demand', 'clinic', 'followup', 'demand_event'] as const,
  followupState: ['planned', 'done'] as const,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = (typeof ENUMS)[E][number];
