// The validators fields are built from: ids, dates, instants, names, texts and phone numbers.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { isValidDate } from '../domain/dates';

export const Id = z.string().min(1).max(64);
export const CalendarDate = z.string().refine(isValidDate, { message: m('field.date') });
/** An instant (ISO 8601 with offset) or a plain date, read as the start of that day in Shanghai. */
export const Instant = z.union([z.iso.datetime({ offset: true }), CalendarDate], {
  message: m('field.instant'),
});
/** A required name or title. */
export const Name = z.string().trim().min(1, m('field.empty')).max(200);
export const text = (max = 4000) => z.string().trim().max(max);
export const optText = (max = 4000) => text(max).nullable().optional();
export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+\-() ]*$/, m('field.phone'))
  .nullable()
  .optional();
