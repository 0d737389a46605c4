// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import './setup';
import { setLanguage } from '../../../src-renderer/i18n';
import { ApiError } from '../../../src-renderer/api';
import { makeCore } from '../../helpers';
import { withWrongCheck } from '../../integration/fixtures';
import { VALID_USCC } from '../../helpers';
import type { MethodName } from '@shared/contract/methods';

// The core's refusals as the screen shows them: in the UI's language, from their message keys.

/** A refused call as the renderer's api client builds its error. */
function refusal(method: MethodName, input: unknown, role: 'staff' | 'supervisor' = 'supervisor'): ApiError {
  const body = makeCore({ role }).err(method, input);
  return new ApiError(body.code, body.message, body.details);
}

const ENGLISH = /[A-Za-z]{3,}/;

afterEach(() => setLanguage('zh-CN'));

describe('core errors on the Chinese screen', () => {
  it('a passphrase too short', () => {
    const e = refusal('sync.team.create', { name: '区科技局', passphrase: 'short' });
    expect(e.message).toBe('口令至少需要 8 个字符');
    expect(e.details.issues?.[0]?.message).toBe('口令至少需要 8 个字符');
  });

  it('a wrong USCC check character', () => {
    const e = refusal('enterprises.create', { name: '校验位企业', uscc: withWrongCheck(VALID_USCC[0]!) });
    expect(e.message).toMatch(/^校验位是“.”，应为“3”；如确认无误/);
    expect(e.message).not.toMatch(ENGLISH);
  });

  it("a staff member changing the settings, and a form's empty fields", () => {
    const forbidden = refusal('settings.set', { orgName: '局' }, 'staff');
    expect(forbidden.message).toBe('只有督办负责人可以修改设置');
    const zod = refusal('enterprises.create', { name: '' });
    expect(zod.details.issues?.map((i) => i.message)).toEqual(['必填', '不能为空']);
    expect(zod.message).toBe('必填；不能为空');
  });

  it('the same errors in English when the screen is in English', () => {
    setLanguage('en');
    const e = refusal('sync.team.create', { name: '区科技局', passphrase: 'short' });
    expect(e.message).toBe('must have at least 8 characters');
  });
});
