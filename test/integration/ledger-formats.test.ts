import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { makeCore, tempDir, VALID_USCC, type TestCore, zhOf } from '../helpers';
import {
  aerr,
  aok,
  staffNamed,
  workbookBytes,
  workbookFile,
  xlsxFile,
  type WorkbookSheet,
} from './ledgerFixtures';
import { readWorkbook, WorkbookRefused } from '../../src-main/features/ledger/sheetjsRead';
import { callAsync } from '../../src-main/dispatch';

// Excel 97–2003 (.xls), WPS (.et) and OpenDocument (.ods) ledgers, read through SheetJS into the
// same header detection and merged-cell handling as .xlsx; damaged, locked and oversized files
// refused with a message that says which.

const [U1, U2] = VALID_USCC as [string, string];

function world(): TestCore {
  const t = makeCore();
  staffNamed(t, '张三', '李四');
  return t;
}

const LEDGER: WorkbookSheet = {
  name: '走访台账',
  rows: [
    ['2026年一季度企业走访台账'],
    ['序号', '企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '走访情况'],
    [1, '福州示例科技有限公司', U1, new Date(Date.UTC(2026, 2, 5)), '实地走访', '张三', '第一次'],
    [2, null, null, new Date(Date.UTC(2026, 2, 9)), '电话', '李四', '第二次'],
    [3, '北京示例精密有限公司', U2, 46087, '电话', '李四', '询问高企申报'],
    ['合计', '3次'],
  ],
  merges: ['A1:G1', 'B3:B4', 'C3:C4'],
};

async function visits(t: TestCore) {
  const rows = t.ok('visits.list', { sort: [{ field: 'date', dir: 'asc' }], limit: 100 }).rows;
  return rows.map((v) => [v.enterpriseName, v.date, v.leadStaffName, v.summary]);
}

describe('.xls, .et and .ods ledgers', () => {
  it.each([
    ['ledger.xls', 'biff8', 'xls'],
    ['ledger.et', 'biff8', 'et'],
    ['ledger.ods', 'ods', 'ods'],
  ] as const)(
    '%s: title row, merged enterprise, date cells and serials, total row',
    async (name, book, format) => {
      const t = world();
      const path = workbookFile(LEDGER, name, book);
      const preview = await aok(t, 'ledger.preview', { path });
      expect(preview).toMatchObject({ format, sheet: '走访台账', kind: 'visits', headerRow: 2, dataRows: 3 });
      expect(preview.ignoredRows.map((r) => r.row)).toEqual([6]);
      expect(preview.errors).toEqual([]);
      const result = await aok(t, 'ledger.import', { path });
      expect(result).toMatchObject({ created: 3, rejected: 0, enterprisesCreated: 2 });
      expect(await visits(t)).toEqual([
        ['福州示例科技有限公司', '2026-03-05', '张三', '第一次'],
        ['北京示例精密有限公司', '2026-03-06', '李四', '询问高企申报'],
        ['福州示例科技有限公司', '2026-03-09', '李四', '第二次'],
      ]);
    },
  );

  it('reads a workbook sent as base64 content (the wizard) and picks the sheet that fits', async () => {
    const t = world();
    const bytes = workbookBytes([{ name: '说明', rows: [['请按模板填写']] }, LEDGER], 'biff8');
    const preview = await aok(t, 'ledger.preview', {
      contentBase64: bytes.toString('base64'),
      fileName: '台账.xls',
    });
    expect(preview).toMatchObject({
      format: 'xls',
      sheets: ['说明', '走访台账'],
      sheet: '走访台账',
      created: 3,
    });
  });

  it('no longer asks to save an .xls as .xlsx first', async () => {
    const t = world();
    const r = await aok(t, 'ledger.preview', { path: workbookFile(LEDGER, 'old.xls') });
    expect(r.created).toBe(3);
  });
});

/** The BIFF8 Workbook stream with a FILEPASS record (XOR obfuscation) after its first BOF. */
function lockedXls(): Buffer {
  const cfb = XLSX.CFB.read(workbookBytes(LEDGER, 'biff8'), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  const bofLength = stream.readUInt16LE(2);
  const filePass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  const at = 4 + bofLength;
  entry.content = Buffer.concat([stream.subarray(0, at), filePass, stream.subarray(at)]);
  entry.size = entry.content.length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** An .xlsx saved with a password: a compound document holding the encrypted package. */
function lockedXlsx(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from(
      '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
    ),
  ]);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 7));
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

describe('files that cannot be read', () => {
  it.each([
    ['an .xls with an opening password', 'locked.xls', lockedXls],
    ['an .xlsx with an opening password', 'locked.xlsx', lockedXlsx],
  ])('%s is refused with a message about the password', async (_, name, make) => {
    const t = world();
    const path = join(tempDir(), name);
    writeFileSync(path, make());
    const e = await aerr(t, 'ledger.preview', { path });
    expect(e.code).toBe('VALIDATION');
    expect(zhOf(e)).toContain('工作簿设有打开密码');
    expect(e.details).toMatchObject({ field: 'path', reason: 'password' });
  });

  it('refuses a workbook over the bounds on bytes, rows and cells, with what was exceeded', () => {
    const bytes = workbookBytes(LEDGER, 'biff8');
    const big = { bytes: 1 << 30, rows: 1_000_000, cells: 1_000_000 };
    expect(readWorkbook(bytes, big)[0]!.rows).toHaveLength(6);
    const cases = [
      [{ ...big, bytes: 1000 }, '超过 0 MB'],
      [{ ...big, rows: 5 }, '工作表 走访台账 超过 5 行'],
      [{ ...big, cells: 20 }, '超过 20 个单元格'],
    ] as const;
    for (const [limits, what] of cases) {
      let thrown: unknown;
      try {
        readWorkbook(bytes, limits);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(WorkbookRefused);
      expect((thrown as WorkbookRefused).reason).toBe('tooLarge');
      expect((thrown as Error).message).toContain(what);
    }
  });

  // A soak fuzz run found it: with its central directory broken after the first entry, jszip
  // saw a one-entry archive with good checksums, and the streaming reader, which walks the
  // local headers instead, met the damaged styles and waited forever.
  it('an .xlsx whose central directory hides a damaged part is refused, not waited on', async () => {
    const t = world();
    const good = readFileSync(await xlsxFile(LEDGER));
    const bad = Buffer.from(good);
    const dir = bad.readUInt32LE(bad.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) + 16);
    const second = bad.indexOf(Buffer.from('PK\x01\x02', 'latin1'), dir + 4);
    bad[second + 1]! ^= 0x40;
    const local = bad.indexOf(Buffer.from('xl/styles.xml')) - 30;
    expect(bad.readUInt32LE(local)).toBe(0x04034b50);
    const data = local + 30 + bad.readUInt16LE(local + 26) + bad.readUInt16LE(local + 28);
    bad[data + 20]! ^= 0x20;
    const answer = callAsync(t.core, 'ledger.preview', {
      contentBase64: bad.toString('base64'),
      fileName: 'ledger.xlsx',
    });
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([
      answer,
      new Promise<'no answer'>((done) => (timer = setTimeout(() => done('no answer'), 20_000))),
    ]).finally(() => clearTimeout(timer));
    expect(r, 'ledger.preview never answered').not.toBe('no answer');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { field: 'contentBase64' } },
    });
  });

  // Damaged files: truncated anywhere, or with bytes flipped anywhere, each read either gives
  // sheets or a refusal, never another exception and never a hang (the test's time bound).
  it.each(['xls', 'et', 'ods'] as const)(
    'truncated and bit-flipped .%s files are refused or read, never crash or hang',
    async (ext) => {
      const t = world();
      const good = workbookBytes(LEDGER, ext === 'ods' ? 'ods' : 'biff8');
      let seed = 0x9e3779b9 ^ ext.length;
      const random = () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed >>> 0) / 2 ** 32;
      };
      const damaged: Buffer[] = [];
      for (let i = 1; i <= 12; i++) damaged.push(good.subarray(0, Math.floor((good.length * i) / 13)));
      for (let i = 0; i < 60; i++) {
        const copy = Buffer.from(good);
        const flips = 1 + Math.floor(random() * 8);
        for (let f = 0; f < flips; f++)
          copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
        damaged.push(copy);
      }
      const dir = tempDir();
      const outcomes = { read: 0, refused: 0 };
      for (const [i, bytes] of damaged.entries()) {
        const path = join(dir, `damaged-${i}.${ext}`);
        writeFileSync(path, bytes);
        const r = await callAsync(t.core, 'ledger.preview', { path });
        if (r.ok) outcomes.read++;
        else {
          expect(r.error.code, r.error.message).toBe('VALIDATION');
          outcomes.refused++;
        }
      }
      expect(outcomes.read + outcomes.refused).toBe(damaged.length);
      // Every truncated file at least is refused.
      expect(outcomes.refused).toBeGreaterThanOrEqual(12);
    },
    60_000,
  );
});
