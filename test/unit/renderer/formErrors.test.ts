import { describe, expect, it } from 'vitest';
import { bestClaimant, errorFor, fieldErrors, unclaimed } from '../../../src-renderer/components/formErrors';
import { missingForClosing } from '@shared/domain/closing';
import { calendarProblems } from '@shared/domain/workingDays';
import { say, type Msg } from '@shared/messages';

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

  it('says the closing rule and the extension refusals in Chinese', () => {
    const at = '2026-11-23T04:00:00.000Z';
    const zh = (m: Msg) => say('zh', m);
    expect(zh(missingForClosing(at, [])!)).toBe(
      '销号需企业确认：反馈后尚未回访（回访满意或基本满意后方可销号，督办负责人除外）',
    );
    expect(zh(missingForClosing(at, [{ doneAt: at, satisfaction: 'dissatisfied' }])!)).toBe(
      '销号需企业确认：反馈后的回访企业不满意',
    );
    expect(zh(missingForClosing(at, [{ doneAt: at, satisfaction: null }])!)).toBe(
      '销号需企业确认：反馈后的回访未记录满意度',
    );
  });

  it("says each of a holiday calendar's refusals in Chinese", () => {
    const problems = calendarProblems({
      year: 2025,
      holidays: ['2025-1-1', '2024-12-31', '2025-10-01', '2025-10-01'],
      workdays: ['2025-10-01'],
    });
    expect(problems.map((p) => say('zh', p.msg))).toEqual([
      '“2025-1-1”不是有效日期（格式为 年-月-日）',
      '2024-12-31 不在 2025 年内',
      '2025-10-01 重复列出',
      '2025-10-01 不能既是放假日又是调休上班日',
    ]);
  });
});
