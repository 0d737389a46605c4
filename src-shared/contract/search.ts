import { z } from 'zod';
import { Id } from '../model/validators';

// search.global: one box that finds records of every kind a person looks for by name.

/** The kinds search.global looks in, in the order its groups are shown. */
export const SEARCH_KINDS = ['enterprises', 'visits', 'demands', 'experts', 'units'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchInput = z.strictObject({
  q: z.string().max(200),
  /** The most records each group shows (default 5). */
  limit: z.number().int().min(1).max(50).optional(),
});

export const SearchHit = z.object({
  id: Id,
  /** What names the record (an enterprise's name, a visit's number). */
  title: z.string(),
  /** What tells it apart (the USCC and town, the visit's enterprise and date). */
  detail: z.string(),
});

export const SearchResult = z.object({
  /** Only the kinds with a match, in SEARCH_KINDS order. */
  groups: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      items: z.array(SearchHit),
      /** More records match than `items` shows (the grid's search lists them all). */
      more: z.boolean(),
    }),
  ),
});
export type SearchResult = z.infer<typeof SearchResult>;
