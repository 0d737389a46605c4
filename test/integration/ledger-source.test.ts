import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { basename, dirname } from 'node:path';
import { KEEP_READ_FILE_MS, readSource } from '../../src-main/features/ledger/source';
import type { SheetRow } from '@shared/ledger/types';
import { makeCore } from '../helpers';
import { aok, csvFile, xlsxFile } from './ledgerFixtures';
import { ledgerUscc } from '../bench/ledgerFile';

// The import wizard reads one file again on every change of kind, sheet, header row or
// mapping, then imports it: the file is read once and kept (frozen) while its bytes stay the
// same, read anew as soon as they change, and forgotten after a few idle minutes.

const HEADER = ['企业名称', '走访日期', '走访方式', '走访人'];

afterEach(() => {
  vi.useRealTimers();
});

describe('reading a ledger file', () => {
  it('reads the same bytes once, from a path or as content, and keeps the file frozen', async () => {
    const path = await xlsxFile({ rows: [HEADER, ['闽江智造有限公司', '2026-03-05', '实地', '测试员']] });
    const first = await readSource({ path });
    const again = await readSource({
      contentBase64: readFileSync(path).toString('base64'),
      fileName: basename(path),
    });
    expect(again).toBe(first);
    expect(first.sheets[0]!.rows[1]!.cells[0]).toBe('闽江智造有限公司');
    // Nothing downstream can change what the next call reads.
    expect(() => {
      (first.sheets[0]!.rows as SheetRow[]).push({ rowNo: 9, cells: [] });
    }).toThrow(TypeError);
    expect(() => {
      (first.sheets[0]!.rows[1]!.cells as unknown[])[0] = '改过的名字';
    }).toThrow(TypeError);
    // Another name, or another encoding asked for, is another read.
    const renamed = await readSource({
      contentBase64: readFileSync(path).toString('base64'),
      fileName: '副本.xlsx',
    });
    expect(renamed).not.toBe(first);
    expect(renamed.fileName).toBe('副本.xlsx');
  });

  it('reads a file again when its bytes changed, though its path is the same', async () => {
    const path = csvFile([HEADER, ['闽江智造有限公司', '2026-03-05', '实地', '测试员']]);
    const before = await readSource({ path });
    csvFile(
      [HEADER, ['榕城生物医药有限公司', '2026-03-06', '电话', '测试员']],
      'gbk',
      basename(path),
      dirname(path),
    );
    const after = await readSource({ path });
    expect(after).not.toBe(before);
    expect(after.encoding).not.toBe(before.encoding);
    expect(after.sheets[0]!.rows[1]!.cells[0]).toBe('榕城生物医药有限公司');
  });

  it('forgets the file after the idle time, and each read starts that time again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const path = csvFile([HEADER, ['闽江智造有限公司', '2026-03-05', '实地', '测试员']]);
    const first = await readSource({ path });
    vi.advanceTimersByTime(KEEP_READ_FILE_MS - 1_000);
    expect(await readSource({ path })).toBe(first);
    vi.advanceTimersByTime(KEEP_READ_FILE_MS - 1_000);
    expect(await readSource({ path })).toBe(first);
    vi.advanceTimersByTime(KEEP_READ_FILE_MS + 1);
    const later = await readSource({ path });
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  });

  it('previews and imports through the kept file as through a fresh read', async () => {
    const t = makeCore(); // its user is 测试员, the ledger's visitor
    const path = await xlsxFile({
      rows: [
        ['2026年走访台账'],
        [...HEADER, '统一社会信用代码'],
        ['闽江智造有限公司', '2026-03-05', '实地', '测试员', ledgerUscc(1)],
      ],
      merges: ['A1:E1'],
    });
    const guessed = await aok(t, 'ledger.preview', { path });
    const asked = await aok(t, 'ledger.preview', { path, headerRow: 2 });
    expect(asked.headers.map((h) => h.text)).toEqual(guessed.headers.map((h) => h.text));
    const imported = await aok(t, 'ledger.import', { path });
    expect(imported.created).toBe(1);
    expect(t.ok('visits.list', {}).total).toBe(1);
  });

  it('reads an .xlsx whose workbook part comes after its sheets and shared strings', async () => {
    // Zip writers store parts in any order; exceljs's streaming reader failed on this one.
    const path = await xlsxFile({
      name: '走访',
      rows: [
        ['企业名称', '走访日期'],
        ['华科智能', '2026-03-05'],
      ],
    });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const rank = (n: string) =>
      n === 'xl/workbook.xml' ? 3 : n.startsWith('xl/worksheets/') ? 2 : n === 'xl/sharedStrings.xml' ? 1 : 0;
    const reordered = new JSZip();
    for (const n of names.sort((a, b) => rank(a) - rank(b))) {
      reordered.file(n, await zip.file(n)!.async('uint8array'));
    }
    writeFileSync(path, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const file = await readSource({ path });
    expect(file.sheets.map((s) => s.name)).toEqual(['走访']);
    expect(file.sheets[0]!.rows.map((r) => r.cells)).toEqual([
      ['企业名称', '走访日期'],
      ['华科智能', '2026-03-05'],
    ]);
  });

  it('reads a date as a date whatever order the .xlsx stores its parts in', async () => {
    // A date is a number with a date format: the format is in the styles, which some writers
    // (exceljs among them, at times) store after the sheet.
    const path = await xlsxFile({
      rows: [
        ['企业名称', '走访日期'],
        ['华科智能', new Date(Date.UTC(2026, 2, 5))],
      ],
    });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const first = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const rest = names.filter((n) => !first.includes(n) && n !== 'xl/styles.xml');
    const orders = [
      // Shared strings before the sheet: the reader takes the sheet at once, styles unread.
      [...first, ...rest, 'xl/styles.xml'],
      [...rest, ...first, 'xl/styles.xml'],
      [...names].reverse(),
    ];
    for (const order of orders) {
      const reordered = new JSZip();
      for (const n of order) reordered.file(n, await zip.file(n)!.async('uint8array'));
      writeFileSync(path, await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
      const file = await readSource({ path });
      expect(file.sheets[0]!.rows[1]!.cells, order.join(', ')).toEqual([
        '华科智能',
        new Date(Date.UTC(2026, 2, 5)),
      ]);
    }
  });

  it('reads an Excel workbook named .ods as the Excel workbook it is', async () => {
    // The OpenDocument reader (SheetJS) loops forever on some valid .xlsx files: an .xlsx
    // must never reach it, whatever its name says.
    const path = await xlsxFile({ rows: [HEADER, ['闽江智造有限公司', '2026-03-05', '实地', '测试员']] });
    const odsPath = path.replace(/\.xlsx$/, '.ods');
    writeFileSync(odsPath, readFileSync(path));
    const file = await readSource({ path: odsPath });
    expect(file.format).toBe('xlsx');
    expect(file.sheets[0]!.rows[1]!.cells[0]).toBe('闽江智造有限公司');
  });
});
