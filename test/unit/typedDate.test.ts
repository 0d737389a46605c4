import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '@shared/domain/typedDate';

// What people type into a date field, in one go: every usual way of writing 5 March 2026.
const TODAY = '2026-12-04';
const parse = (text: string) => parseTypedDate(text, TODAY);

describe('parseTypedDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026-3-5', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026 - 3 - 5', '2026-03-05'],
    ['  2026-03-05  ', '2026-03-05'],
    ['２０２６－３－５', '2026-03-05'], // full-width, as a Chinese input method types it
    ['2024-2-29', '2024-02-29'], // a leap day
  ])('reads %s as %s', (text, iso) => {
    expect(parse(text)).toEqual({ ok: true, date: iso });
  });

  it.each(['3.5', '3-5', '3/5', '3月5日', '03-05', '3月5'])('reads %s as 5 March of this year', (text) => {
    expect(parse(text)).toEqual({ ok: true, date: '2026-03-05' });
  });

  it('takes this year from the given day', () => {
    expect(parseTypedDate('12.31', '2027-01-02')).toEqual({ ok: true, date: '2027-12-31' });
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2025-02-29',
    '20260230',
    '2.30',
    '4月31日',
    '2026-04-00',
  ])('calls %s an impossible date', (text) => {
    expect(parse(text)).toEqual({ ok: false, reason: 'impossible' });
  });

  it.each(['tomorrow', '2026-3', '2026', '202603', '2026-03-05-01', '3.5.', '26-3-5', '1.2.3', 'abc-d-e'])(
    'does not read %s',
    (text) => {
      expect(parse(text)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it('reads an empty text as no date', () => {
    expect(parse('')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});
