// The schemas of the targets methods (shared/DOMAIN.md, "Targets"). Bad input is refused naming
// the field, with the messages of src-shared/messages.ts.
import { schemaMessage as m } from '../messages';
import { z } from 'zod';
import { isAmountKey, isTargetKey, type TargetKey } from '../reports/targets';

export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

const yearRange = m('target.year');
const TargetYear = z
  .number({ message: yearRange })
  .int({ message: m('target.wholeYear') })
  .min(TARGET_YEAR_MIN, { message: yearRange })
  .max(TARGET_YEAR_MAX, { message: yearRange });

const Key = z
  .string()
  .max(100)
  .refine(isTargetKey, {
    message: m('target.key'),
  })
  .transform((k) => k as TargetKey);

/** Counts are whole numbers; an amount in yuan may have fen. */
const Value = z
  .number({ message: m('target.number') })
  .finite({ message: m('target.number') })
  .min(0, { message: m('target.negative') })
  .max(1e13, { message: m('target.tooLarge') });

export const TargetSetInput = z
  .strictObject({ year: TargetYear, key: Key, value: Value })
  .superRefine((t, ctx) => {
    const amount = isAmountKey(t.key);
    const ok = amount
      ? Math.abs(t.value * 100 - Math.round(t.value * 100)) < 1e-6
      : Number.isInteger(t.value);
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: amount ? m('amount.decimals') : m('target.wholeCount'),
      });
    }
  });
export const TargetListInput = z.strictObject({ year: TargetYear });
export const TargetDeleteInput = z.strictObject({ year: TargetYear, key: Key });

export const TargetSchema = z.object({
  year: z.number().int(),
  key: z.string(),
  value: z.number(),
  updatedAt: z.string(),
  updatedByStaff: z.string().nullable(),
});
export type Target = z.output<typeof TargetSchema>;

export const TargetListSchema = z.object({
  year: z.number().int(),
  /** The year's targets, in the order of the target keys; keys without a target are absent. */
  rows: z.array(TargetSchema),
});

export const TargetDeleteSchema = z.object({ year: z.number().int(), key: z.string(), deleted: z.boolean() });

/** Progress of a year's targets at asOf (the 晾晒表), keyed by target key. */
export const TargetProgressMap = z.record(
  z.string(),
  z.object({ target: z.number(), actual: z.number().nullable(), pct: z.number().nullable() }),
);
