import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type * as SheetJS from '@e965/xlsx';
import { tempDir } from '../helpers';

// SheetJS (.xls, .et, .ods) is an ES module, which lazy-libs.test.ts's look at require's cache
// cannot see: the mock records when it is first imported.
const state = vi.hoisted(() => ({ loaded: false }));
vi.mock('@e965/xlsx', async (original) => {
  state.loaded = true;
  return original();
});

describe('SheetJS', () => {
  it('is loaded when the first old-format workbook is read, not by the doors or a CSV read', async () => {
    await import('../../src-main/doors/cli/cli');
    await import('../../src-main/doors/web/server');
    const { readSource } = await import('../../src-main/features/ledger/source');
    const dir = tempDir();
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, '企业名称,走访日期\r\nA公司,2026-03-05\r\n');
    await readSource({ path: csv });
    expect(state.loaded).toBe(false);
    const xls = join(dir, 'a.xls');
    const XLSX = await vi.importActual<typeof SheetJS>('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['企业名称'], ['A公司']]), 'S');
    writeFileSync(xls, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    expect(state.loaded).toBe(false);
    const file = await readSource({ path: xls });
    expect(file.format).toBe('xls');
    expect(state.loaded).toBe(true);
  });
});
