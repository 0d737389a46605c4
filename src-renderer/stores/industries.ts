// The bureau's own industries (settings `industries`), beside the GB/T 4754-2017 list that
// ships with the app: an industry in neither is flagged, and a supervisor adds it in one click.
import { isListedIndustry } from '@shared/domain/industries';
import { referenceListStore } from './referenceList';

export const useIndustries = referenceListStore('industries');

/** True when an industry is typed that neither the standard nor the loaded custom list holds. */
export function isUnlistedIndustry(custom: readonly string[] | null, industry: string): boolean {
  const value = industry.trim();
  return custom !== null && value !== '' && !isListedIndustry(value, custom);
}
