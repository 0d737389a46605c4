// A large visits ledger as a bureau would keep it (title row, header, one visit per row),
// written with exceljs's streaming writer (.xlsx) or SheetJS (.xls, BIFF8). Shared by the
// ledger benchmark and the scale test.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { usccCheckChar } from '@shared/domain/uscc';

export const LEDGER_STAFF = [
  '王芳',
  '李强',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄敏',
  '周杰',
  '吴婷',
  '徐鹏',
  '孙丽',
];
const MODES = ['实地走访', '电话', '座谈', '线上', '上门'];
const TOWNS = ['城东街道', '城西街道', '南屿镇', '上街镇', '建新镇'];
const SUMMARIES = [
  '企业经营情况稳定，订单饱满，交流了研发投入和人才引进计划',
  '了解企业技术改造进展，宣讲研发费用加计扣除政策',
  '企业反映融资难，已记录并对接合作银行',
  '座谈高企认定申报准备情况，建议完善知识产权布局',
];

export function ledgerUscc(n: number): string {
  const first17 = `91350100MA${String(n).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17)!;
}

/** Row i's visit: enterprises cycle, dates spread over 2024–2025, leads cycle (no two rows alike). */
export function ledgerRow(i: number, enterprises: number): (string | number | Date)[] {
  const e = i % enterprises;
  const day = Math.floor(i / enterprises);
  const date = new Date(Date.UTC(2024, 0, 1) + (day % 680) * 86_400_000);
  return [
    i + 1,
    `福州测试${e}号科技有限公司`,
    ledgerUscc(e + 1),
    TOWNS[e % TOWNS.length]!,
    date,
    MODES[i % MODES.length]!,
    LEDGER_STAFF[(i + Math.floor(i / 680)) % LEDGER_STAFF.length]!,
    SUMMARIES[i % SUMMARIES.length]!,
  ];
}

const TITLE = '2024—2025年度企业走访台账';
const HEADER = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '所属镇街',
  '走访日期',
  '走访方式',
  '走访人员',
  '走访情况',
];

export async function writeVisitLedger(
  path: string,
  rows: number,
  enterprises = Math.min(3000, Math.max(1, Math.ceil(rows / 16))),
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('走访台账');
  ws.addRow([TITLE]);
  ws.mergeCells('A1:H1');
  ws.getRow(1).commit();
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const row = ws.addRow(ledgerRow(i, enterprises));
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The same ledger as an Excel 97–2003 workbook: dates are date-formatted serial numbers, as Excel stores them. */
export function writeVisitLedgerXls(
  path: string,
  rows: number,
  enterprises = Math.min(3000, Math.max(1, Math.ceil(rows / 16))),
): void {
  const data: XLSX.CellObject[][] = [[{ t: 's', v: TITLE }], HEADER.map((v) => ({ t: 's', v }))];
  for (let i = 0; i < rows; i++) {
    data.push(
      ledgerRow(i, enterprises).map((v): XLSX.CellObject =>
        v instanceof Date
          ? { t: 'n', v: (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000, z: 'yyyy-mm-dd' }
          : typeof v === 'number'
            ? { t: 'n', v }
            : { t: 's', v },
      ),
    );
  }
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': `A1:H${rows + 2}`,
    '!merges': [XLSX.utils.decode_range('A1:H1')],
  };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '走访台账');
  writeFileSync(
    path,
    XLSX.write(wb, { type: 'buffer', bookType: 'biff8', dense: true } as XLSX.WritingOptions) as Buffer,
  );
}
