import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { makeCore, VALID_USCC } from '../helpers';

// The heavy file libraries (Excel, Word, charts) load when a call first makes or reads such a
// file, not when a door starts: every CLI call and the app's start would pay for them. So does
// pinyin-pro's dictionary, when a search first matches pinyin initials.
const loaded = (pattern: RegExp) =>
  Object.keys(createRequire(import.meta.url).cache).filter((p) => pattern.test(p));

describe('heavy libraries', () => {
  it('are not loaded by the doors, the registry or dispatch', async () => {
    await import('../../src-main/doors/cli/cli');
    await import('../../src-main/doors/web/server');
    await import('../../src-main/dispatch');
    expect(loaded(/node_modules\/(exceljs|docx|echarts|zrender|@resvg|pinyin-pro)\//)).toEqual([]);
  });

  it('pinyin-pro loads when a search first matches initials, not when a database opens', () => {
    const pinyin = /node_modules\/pinyin-pro\//;
    const { ok } = makeCore({ migrateOnOpen: true });
    ok('enterprises.create', { name: '华科智能装备有限公司', uscc: VALID_USCC[0]!, town: '城关街道' });
    ok('staff.list', {});
    ok('enterprises.list', { q: '华科' });
    expect(loaded(pinyin)).toEqual([]);
    expect(ok('enterprises.list', { q: 'hkzn' }).rows.map((r) => r.name)).toEqual(['华科智能装备有限公司']);
    expect(loaded(pinyin).length).toBeGreaterThan(0);
  });
});
