import { z } from 'zod';
import { schemaMessage } from '../messages';

/**
 * A record keyed by field names (a list's filter, a ledger's column mapping). zod leaves a
 * `__proto__` key out of a record without a word, so the caller's condition or mapping on it
 * would be silently ignored: refused here, like any other name that is no field.
 */
export function fieldRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  const record = z.record(key, value);
  return z.preprocess((input: z.input<typeof record>, ctx) => {
    if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: schemaMessage('field.protoKey'), input });
    }
    return input;
  }, record);
}
