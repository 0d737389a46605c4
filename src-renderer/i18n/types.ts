import type { ENUMS, EnumName } from '../enums';

/** A label for every value of every enum group: a missing one fails the type check. */
export type EnumLabels = { [E in EnumName]: Record<(typeof ENUMS)[E][number], string> };

/** The shape of a translation: every key of the default language, extra keys (plural forms) allowed. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & Record<
  string,
  unknown
>;
