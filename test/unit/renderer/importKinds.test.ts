import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src-renderer/i18n/resources';
import { IMPORT_KINDS } from '@shared/ledger/types';

// The wizard offers every kind of import by name, in both languages.

describe('the import wizard kinds', () => {
  it('have a name in Chinese and in English', () => {
    const zh = zhCN.import.kind as Record<string, string>;
    const english = en.import.kind as Record<string, string>;
    for (const kind of IMPORT_KINDS) {
      expect(zh[kind], kind).toBeTruthy();
      expect(english[kind], kind).toBeTruthy();
    }
    expect([zh.staff, english.staff]).toEqual(['人员名单', 'Staff list']);
  });
});
