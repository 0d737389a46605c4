// The bureau's list of towns (settings `towns`), for the town fields: suggestions while typing,
// a warning for a town not in it, and the one-click add (supervisors).
import { referenceListStore } from './referenceList';

export const useTowns = referenceListStore('towns');

/** True when a town is typed and the loaded list does not hold it. */
export function isUnlistedTown(list: readonly string[] | null, town: string): boolean {
  const value = town.trim();
  return list !== null && value !== '' && !list.includes(value);
}
