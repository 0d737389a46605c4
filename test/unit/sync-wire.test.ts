import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWireChange, WireChange } from '../../src-main/features/sync/package';
import { formatHlc } from '@shared/domain/hlc';

// decodeFile checks each change with a hand-written test (the schema checker is too slow
// for files of 100,000 changes): it must accept exactly what the WireChange schema accepts.

const stamp = fc
  .record({ ms: fc.nat({ max: 10 ** 15 - 1 }), counter: fc.nat({ max: 36 ** 5 - 1 }), node: fc.uuid() })
  .map(formatHlc);
const text = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 1, maxLength: 70 }),
  fc.constant(''),
);
const anything = fc.oneof(
  text,
  stamp,
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.nat(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const valid = fc.tuple(
  stamp,
  fc.uuid(),
  fc.option(fc.uuid()),
  fc.constantFrom('experts', 'demands'),
  fc.uuid(),
  fc.constantFrom('name', 'status'),
  fc.oneof(text, fc.integer(), fc.constant(null)),
  fc.option(stamp),
);
/** A valid change with one position replaced, or the wrong length. */
const mutated = fc.oneof(
  fc.tuple(valid, fc.nat({ max: 7 }), anything).map(([c, i, v]) => {
    const out: unknown[] = [...c];
    out[i] = v;
    return out;
  }),
  fc.tuple(valid, anything).map(([c, v]) => [...c, v]),
  valid.map((c) => c.slice(0, 7)),
  fc.constant(null),
  fc.constant('change'),
);

describe('isWireChange', () => {
  it('agrees with the WireChange schema', () => {
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (c) => {
        expect(isWireChange(c)).toBe(WireChange.safeParse(c).success);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts what export writes and refuses malformed stamps', () => {
    const hlc = formatHlc({
      ms: Date.parse('2026-11-23T01:00:00Z'),
      counter: 3,
      node: '0190aaaa-0000-7000-8000-000000000001',
    });
    const good = [hlc, 'dev', null, 'experts', 'e1', 'name', '陈教授', null];
    expect(isWireChange(good)).toBe(true);
    expect(isWireChange([...good.slice(0, 7), hlc])).toBe(true);
    expect(isWireChange(['x'.repeat(30), ...good.slice(1)])).toBe(false);
    expect(isWireChange([...good.slice(0, 7), 'not a stamp at all, clearly'])).toBe(false);
    expect(isWireChange([...good.slice(0, 6), { a: 1 }, null])).toBe(false);
  });
});
