// The schemas of the settings and calendar methods (shared/DOMAIN.md, "settings", "Working days").
import { z } from 'zod';
import { SlaSchema } from '../model/settings';

const Year = z.number().int().min(1990).max(2100);
// Checked as dates by the service, which names the entry and why (calendarProblems).
const DateList = z.array(z.string().max(40)).max(366);

export const SettingsSchema = z.object({
  orgName: z.string().nullable(),
  /** The limits in force: the defaults (calendar days, 7 / 30, first reply 3) until set. */
  sla: SlaSchema,
  /** The bureau's towns (镇街); until a supervisor sets them, the towns live enterprises use. */
  towns: z.array(z.string()),
  /** The bureau's own industries, beside the GB/T 4754-2017 sections and divisions. */
  industries: z.array(z.string()),
  /** Null until something was set. */
  updatedAt: z.string().nullable(),
  updatedByStaff: z.string().nullable(),
});
export type Settings = z.output<typeof SettingsSchema>;

export const SettingsSetInput = z.strictObject({
  orgName: z.string().trim().max(100).nullable().optional(),
  /** Limits given in part keep the others. */
  sla: SlaSchema.partial().optional(),
  /** The whole list, replacing the one in force; checked for blanks and duplicates by the service. */
  towns: z.array(z.string().max(50)).max(1000).optional(),
  /** The whole list of the bureau's own industries, replacing the one in force. */
  industries: z.array(z.string().max(100)).max(1000).optional(),
});

export const CalendarGetInput = z.strictObject({ year: Year });
export const CalendarSetInput = z.strictObject({ year: Year, holidays: DateList, workdays: DateList });

export const CalendarYearSchema = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  /** Null while the year's list was never set (weekdays are its working days). */
  updatedAt: z.string().nullable(),
});
export type CalendarYearView = z.output<typeof CalendarYearSchema>;
