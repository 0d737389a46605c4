// The schemas of the targets methods (shared/DOMAIN.md, "Targets"). Bad input is refused naming
// the field, in the words of the other user-facing messages (Chinese first).
import { z } from 'zod';
import { TARGET_KEYS, isAmountKey, isTargetKey, type TargetKey } from '../reports/targets';

export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

const yearRange = `年份须在 ${TARGET_YEAR_MIN}–${TARGET_YEAR_MAX} 之间 (a year from ${TARGET_YEAR_MIN} to ${TARGET_YEAR_MAX})`;
const TargetYear = z
  .number({ message: `${yearRange}` })
  .int({ message: `年份须为整数 (a whole year)` })
  .min(TARGET_YEAR_MIN, { message: yearRange })
  .max(TARGET_YEAR_MAX, { message: yearRange });

const Key = z
  .string()
  .max(100)
  .refine(isTargetKey, {
    message: `不是可设目标的计数或合计指标 (not a count or sum figure: one of ${TARGET_KEYS.slice(0, 7).join(', ')}, outcome:TYPE:count, outcome:TYPE:amount)`,
  })
  .transform((k) => k as TargetKey);

/** Counts are whole numbers; an amount in yuan may have fen. */
const Value = z
  .number({ message: '目标须为数字 (a number)' })
  .finite({ message: '目标须为数字 (a number)' })
  .min(0, { message: '目标不能为负数 (a target cannot be negative)' })
  .max(1e13, { message: '目标过大 (too large)' });

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
        message: amount
          ? '金额最多保留两位小数 (an amount has at most two decimals)'
          : '计数目标须为整数 (a count target is a whole number)',
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
  /** The year's targets, in the order of TARGET_KEYS; keys without a target are absent. */
  rows: z.array(TargetSchema),
});

export const TargetDeleteSchema = z.object({ year: z.number().int(), key: z.string(), deleted: z.boolean() });

/** Progress of a year's targets at asOf (the 晾晒表), keyed by target key. */
export const TargetProgressMap = z.record(
  z.string(),
  z.object({ target: z.number(), actual: z.number().nullable(), pct: z.number().nullable() }),
);
