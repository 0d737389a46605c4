/** The shape of a translation: every key of the default language, extra keys (plural forms) allowed. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & Record<
  string,
  unknown
>;
