// 上级报送: the one-page table of main figures (主要指标) a district sends to the city office,
// as JSON and as an Excel sheet of fixed layout, so the city can add districts up: one row per
// target key, always all of them and in the same order (count and sum figures only, which add
// up across districts; rates do not).
import { z } from 'zod';

export const UpwardInput = z.strictObject({ period: z.string().max(40) });

export const UpwardRowSchema = z.object({
  /** The target key (visits, outcome:tech_contract:amount…): the row's code in the sheet. */
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  /** The figure over the period (its first day to asOf); null where not counted (yet). */
  value: z.number().nullable(),
  /** The year's target; null where none is set. */
  target: z.number().nullable(),
  /** The figure from 1 January of asOf's year to asOf. */
  actual: z.number().nullable(),
  /** actual ÷ target. */
  pct: z.number().nullable(),
});

export const UpwardReportSchema = z.object({
  orgName: z.string(),
  period: z.string(),
  /** The period as a title names it (2026年第三季度, 2026年1-8月…). */
  periodTitle: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** The year the targets and the year-to-date figures are of (asOf's). */
  year: z.number().int(),
  rows: z.array(UpwardRowSchema),
});
export type UpwardReport = z.output<typeof UpwardReportSchema>;

export const UpwardExportInput = z.strictObject({
  period: z.string().max(40),
  /** Where to write the .xlsx (else it comes back as base64). */
  path: z.string().min(1).max(1000).optional(),
});
