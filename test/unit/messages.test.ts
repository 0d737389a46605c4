import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MESSAGES, say, type MessageKey } from '@shared/messages';
import { ApiError, invalid } from '@shared/contract/errors';
import { toErrorBody } from '../../src-main/errorBody';

// Every sentence the core says, in both languages, from one table: a message the Chinese
// screen would show in English fails here.

const KEYS = Object.keys(MESSAGES) as MessageKey[];
const placeholders = (s: string) => new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));

/** Words a Chinese sentence may hold as they are: file kinds, standards, product names. */
const LATIN_ALLOWED = /\b(?:Excel|WPS|xlsx|csv|vlsync|MB|VLT1|GB|T|Q1|Q4|H1|H2|I|O|S|V|Z|A|C39)\b/g;

describe('the message table', () => {
  it.each(KEYS)('%s is said in Chinese and in English', (key) => {
    const { zh, en } = MESSAGES[key];
    expect(zh.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    const zhText = zh.replace(/\{\{\w+\}\}/g, '').replace(LATIN_ALLOWED, '');
    // Chinese words, and no English word left in them.
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
    expect(zhText).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('the Chinese says nothing the English has no parameter for, save the words said for it', () => {
    // Parameters only the Chinese uses: enum values said in words, a list said in Chinese.
    const zhOnly = new Set(['status', 'source', 'from', 'to', 'whatZh']);
    for (const key of KEYS) {
      const en = placeholders(MESSAGES[key].en);
      for (const p of placeholders(MESSAGES[key].zh)) {
        if (!zhOnly.has(p!)) expect(en.has(p), `${key}: {{${p}}}`).toBe(true);
      }
    }
  });

  it("a schema's English message maps back to one key", () => {
    const fixed = KEYS.filter((k) => !MESSAGES[k].en.includes('{{'));
    const english = fixed.map((k) => MESSAGES[k].en);
    expect(new Set(english).size).toBe(english.length);
  });

  it('says parameters, enum values and nested messages in the language asked', () => {
    const m = {
      key: 'demand.cannotReassign',
      params: { title: '设备检测', status: { group: 'demandStatus', value: 'closed' }, code: 'closed' },
    } as const;
    expect(say('zh', m)).toBe('需求“设备检测”当前为“已办结”，不能改派');
    expect(say('en', m)).toBe("demand '设备检测' is closed and cannot be reassigned");
    const nested = { key: 'role.supervisorOnly', params: { what: { key: 'act.reopen' } } } as const;
    expect(say('zh', nested)).toBe('只有督办负责人可以重新打开已办结的需求');
    expect(say('en', nested)).toBe('only a supervisor can reopen a closed demand');
  });
});

describe('errors carry their message key', () => {
  it('an ApiError keeps its English message and says its key in details', () => {
    const e = invalid('passphrase', { key: 'team.passphraseShort', params: { n: 8 } });
    expect(e.message).toBe('passphrase: must have at least 8 characters');
    expect(e.details.msg).toEqual({ key: 'team.passphraseShort', params: { n: 8 } });
    expect(e.details.issues![0]!.msg).toEqual(e.details.msg);
    expect(say('zh', e.details.msg!)).toBe('口令至少需要 8 个字符');
  });

  it("gives each zod issue a key: the schema's own words or zod's kind of problem", () => {
    const schema = z.strictObject({
      name: z.string().min(1).max(5),
      n: z.number().min(2),
      kind: z.enum(['a', 'b']),
      date: z.string().refine(() => false, { message: MESSAGES['field.date'].en }),
      items: z.array(z.string()).max(1),
      missing: z.string(),
    });
    const parsed = schema.safeParse({ name: 'toolong', n: 1, kind: 'c', date: 'x', items: ['a', 'b'] });
    const body = toErrorBody(parsed.error);
    const keys = Object.fromEntries(body.details.issues!.map((i) => [i.path, i.msg?.key]));
    expect(keys).toEqual({
      name: 'field.tooLong',
      n: 'field.tooSmall',
      kind: 'field.option',
      date: 'field.date',
      items: 'field.tooMany',
      missing: 'field.required',
    });
    for (const i of body.details.issues!) expect(say('zh', i.msg!)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an unexpected failure is said as an internal error, in Chinese too', () => {
    const body = toErrorBody(new Error('disk full'));
    expect(body.code).toBe('INTERNAL');
    expect(say('zh', body.details.msg!)).toBe('程序内部错误：disk full');
  });

  it('ApiError takes only a message key (no free text reaches a person)', () => {
    // The type refuses free text: typecheck fails if this line stops being an error.
    // @ts-expect-error a plain string is no message
    const freeText = () => new ApiError('VALIDATION', 'free text');
    expect(typeof freeText).toBe('function');
  });
});

/** The source files of a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const codeLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, at: `${file}:${i + 1}` }))
    .filter(({ text }) => !/^\s*(\/\/|\*|\/\*)/.test(text));

describe('no message is written outside the table', () => {
  it("the schemas' messages come from the table", () => {
    const offenders = ['src-shared/model', 'src-shared/contract']
      .flatMap(sources)
      .flatMap(codeLines)
      .filter(({ text }) => /message: ['`"]|\.(refine|regex|min|max|int|finite)\([^)]*,\s*['`"]/.test(text))
      .map(({ at, text }) => `${at}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('Chinese texts the core writes carry no English gloss (a reason, a note)', () => {
    const offenders = ['src-main/features/ledger', 'src-main/features/demands', 'src-main/features/followups']
      .flatMap(sources)
      .flatMap(codeLines)
      .filter(({ text }) => /[\u4e00-\u9fff][^'`\n]* \((?:[a-z]|USCC)[^()\n]*\)/.test(text))
      .map(({ at, text }) => `${at}: ${text.trim()}`);
    expect(offenders).toEqual([]);
  });
});
