// The enumerations the UI shows as words: every group of @shared/labels.
import { LABEL_GROUPS, type LabelGroup, type LabelValue } from '@shared/labels';

export const ENUMS = LABEL_GROUPS;
export type EnumName = LabelGroup;
export type EnumValue<E extends EnumName> = LabelValue<E>;
