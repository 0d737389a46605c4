import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFile, encodeFile, FileWriter, type WireChange } from '../../src-main/features/sync/package';
import { requireTeam } from '../../src-main/features/sync/team';
import { SCHEMA_VERSION } from '../../src-main/store/migrations';
import { formatHlc } from '@shared/domain/hlc';
import { makeCore, snapshot, type TestCore } from '../helpers';

// The compact lines of format 3: names looked up in each line's list of strings, text beyond
// ASCII written as \u escapes. Every change survives the trip whatever its text holds, and a
// line that breaks the format's rules, even sealed with the right team key, is refused as
// content not understood, with the database unchanged.

const PASS = 'correct horse battery staple';

const stamp = fc
  .record({ ms: fc.nat({ max: 10 ** 15 - 1 }), counter: fc.nat({ max: 36 ** 5 - 1 }), node: fc.uuid() })
  .map(formatHlc);
/** Any text: Chinese, emoji (surrogate pairs), lone surrogates, control and separator characters. */
const anyText = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength, maxLength }),
    fc.string({
      unit: fc.constantFrom('陈', '😀', '\ud800', '\u2028', '\u0000', '"', '\\', 'a'),
      minLength,
      maxLength,
    }),
  );
const name = fc.oneof(fc.constantFrom('experts', 'name', '企业', 'ok'), anyText(1, 64));
const change: fc.Arbitrary<WireChange> = fc.tuple(
  stamp,
  name,
  fc.option(anyText(0, 64)),
  name,
  name,
  name,
  fc.oneof(
    anyText(0, 200),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(null),
  ),
  fc.option(stamp),
);

function manifestOf(t: TestCore, changeCount: number) {
  return {
    schemaVersion: SCHEMA_VERSION,
    origin: { id: t.core.store.device.id, name: '测试笔记本' },
    exportedAt: new Date(t.clock.ms).toISOString(),
    full: true,
    changeCount,
    clockRange: {},
  };
}

describe('sync file format 3', () => {
  it('gives back every change exactly as format 2 does, whatever text it holds', () => {
    const t = makeCore();
    t.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    const team = requireTeam(t.core.store);
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        for (const formatVersion of [2, 3]) {
          const file = encodeFile(team, manifestOf(t, changes.length), changes, { formatVersion });
          const read = decodeFile(team, file);
          expect(read.manifest.formatVersion).toBe(formatVersion);
          // -0 is written as 0 by JSON in both formats.
          expect(read.changes).toEqual(changes.map((c) => c.map((v) => (Object.is(v, -0) ? 0 : v))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses lines that break its rules, sealed with the right key, and changes nothing', () => {
    const a = makeCore();
    const b = makeCore();
    const { teamCode } = a.ok('sync.team.create', { name: '高新区科技局', passphrase: PASS });
    b.ok('sync.team.join', { code: teamCode, passphrase: PASS });
    b.ok('experts.create', { name: '林研究员' });
    const team = requireTeam(a.core.store);
    const hlc = formatHlc({ ms: a.clock.ms, counter: 0, node: a.core.store.device.id });
    const strings = [a.core.store.device.id, 'experts', '0190aaaa-0000-7000-8000-0000000e0001', 'name'];
    const escaped = (json: string) =>
      json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const line = (s: unknown, flat: unknown[]) => escaped(JSON.stringify([s, flat]));
    const good = [hlc, 0, null, 1, 2, 3, '陈教授', null];
    const lines: [string, string][] = [
      ['text beyond ASCII not escaped', JSON.stringify([strings, good])],
      ['not JSON', line(strings, good).slice(0, -1)],
      ['an object', JSON.stringify({ strings, flat: good })],
      ['no list of strings', JSON.stringify([good])],
      ['a slot missing', line(strings, good.slice(0, 7))],
      ['an index past the strings', line(strings, [hlc, 9, null, 1, 2, 3, 'x', null])],
      ['an index written as text', line(strings, [hlc, '0', null, 1, 2, 3, 'x', null])],
      ['a negative index', line(strings, [hlc, -1, null, 1, 2, 3, 'x', null])],
      ['a fractional index', line(strings, [hlc, 0.5, null, 1, 2, 3, 'x', null])],
      ['a name that is a number', line([7, ...strings.slice(1)], good)],
      ['a stamp that is not one', line(strings, ['yesterday', 0, null, 1, 2, 3, 'x', null])],
      ['a value that is an object', line(strings, [hlc, 0, null, 1, 2, 3, { a: 1 }, null])],
    ];
    const sealed = (text: string) => {
      const writer = new FileWriter(team);
      writer.addLine(text, 1);
      return writer.finish(manifestOf(a, 1)).toString('base64');
    };
    const before = snapshot(b.core);
    for (const [what, text] of lines) {
      const e = b.err('sync.import', { contentBase64: sealed(text) });
      expect(e.details.reason, what).toBe('bad_content');
      expect(e.message, what).toMatch(/not understood|malformed/);
    }
    expect(snapshot(b.core)).toEqual(before);
    // The good line itself is read, so each refusal above is for the one rule it breaks.
    expect(b.ok('sync.import', { contentBase64: sealed(line(strings, good)) }).newChanges).toBe(1);
    expect(b.ok('experts.get', { id: strings[2]! }).name).toBe('陈教授');
  });
});
