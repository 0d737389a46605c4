import { describe, expect, it } from 'vitest';
import {
  bestClaimant,
  errorFor,
  fieldErrors,
  localizeMessage,
  unclaimed,
} from '../../../src-renderer/components/formErrors';
import { missingForClosing } from '@shared/domain/closing';
import { calendarProblems } from '@shared/domain/workingDays';

const err = (message: string, details: Record<string, unknown>) => ({ message, details });

describe('where an API error belongs in a form', () => {
  it('maps issues to their paths, and a lone details.field to its message without the prefix', () => {
    expect(
      fieldErrors(
        err('name: must not be empty; demands.0.categories: needs 1 to 4 categories', {
          field: 'name',
          issues: [
            { path: 'name', message: 'must not be empty' },
            { path: 'demands.0.categories', message: 'needs 1 to 4 categories' },
          ],
        }),
      ),
    ).toEqual({ name: 'must not be empty', 'demands.0.categories': 'needs 1 to 4 categories' });
    expect(fieldErrors(err("uscc: already belongs to 'X'", { field: 'uscc' }))).toEqual({
      uscc: "already belongs to 'X'",
    });
    expect(fieldErrors(err('boom', {}))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });

  it('shows a nested error on the most specific field', () => {
    const names = ['enterprises', 'enterprises.0.enterpriseId', 'tiers'];
    const errors = {
      'enterprises.0.enterpriseId': 'gone',
      'tiers.1.year': 'too small',
      enterprises: 'twice',
    };
    expect(bestClaimant('enterprises.0.enterpriseId', names)).toBe('enterprises.0.enterpriseId');
    expect(errorFor(errors, 'enterprises.0.enterpriseId', names)).toBe('gone');
    expect(errorFor(errors, 'enterprises', names)).toBe('twice');
    expect(errorFor({ 'enterprises.0.enterpriseId': 'gone' }, 'enterprises', names)).toBeNull();
    expect(errorFor(errors, 'tiers', names)).toBe('too small');
  });

  it('leaves what no field shows for the summary', () => {
    expect(unclaimed({ to: 'not allowed', note: 'needs a note' }, ['note'])).toEqual([['to', 'not allowed']]);
    expect(unclaimed({ 'categories.1': 'x' }, ['categories'])).toEqual([]);
  });

  it('words known messages in Chinese and leaves English as it is', () => {
    const t = (key: string, p?: Record<string, string>) => `${key}${p ? JSON.stringify(p) : ''}`;
    expect(localizeMessage('must not be empty', t, 'zh-CN')).toBe('apiMsg.empty{}');
    expect(
      localizeMessage("USCC check character is '4' but should be '3'; save with usccOverride", t, 'zh-CN'),
    ).toBe('apiMsg.usccCheck{"got":"4","want":"3"}');
    expect(localizeMessage('something new', t, 'zh-CN')).toBe('something new');
    expect(localizeMessage('must not be empty', t, 'en')).toBe('must not be empty');
  });

  it('words the closing rule and the extension refusals', () => {
    const at = '2026-11-23T04:00:00.000Z';
    const t = (key: string, p?: Record<string, string>) => `${key}${p ? JSON.stringify(p) : ''}`;
    const zh = (m: string) => localizeMessage(m, t, 'zh-CN');
    expect(zh(missingForClosing(at, [])!)).toBe('apiMsg.closingNoFollowup{}');
    expect(zh(missingForClosing(at, [{ doneAt: at, satisfaction: 'dissatisfied' }])!)).toBe(
      'apiMsg.closingDissatisfied{}',
    );
    expect(zh(missingForClosing(at, [{ doneAt: at, satisfaction: null }])!)).toBe(
      'apiMsg.closingNoSatisfaction{}',
    );
    expect(zh('must be after the current due date (2026-11-30)')).toBe(
      'apiMsg.extensionNotLater{"date":"2026-11-30"}',
    );
  });

  it("words each of a holiday calendar's refusals", () => {
    const t = (key: string, p?: Record<string, string>) => `${key}${p ? JSON.stringify(p) : ''}`;
    const problems = calendarProblems({
      year: 2025,
      holidays: ['2025-1-1', '2024-12-31', '2025-10-01', '2025-10-01'],
      workdays: ['2025-10-01'],
    });
    expect(problems.map((p) => localizeMessage(p.message, t, 'zh-CN'))).toEqual([
      'apiMsg.calendarDate{"date":"2025-1-1"}',
      'apiMsg.calendarYear{"date":"2024-12-31","year":"2025"}',
      'apiMsg.calendarTwice{"date":"2025-10-01"}',
      'apiMsg.calendarBoth{"date":"2025-10-01"}',
    ]);
  });
});
