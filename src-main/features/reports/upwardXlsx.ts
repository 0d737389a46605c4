import ExcelJS from 'exceljs';
import type { UpwardReport } from '@shared/contract/upward';
import { FONT, HEADER_FILL, THIN } from './xlsx';

// The 主要指标 sheet a district sends up (上级报送), in a layout fixed so that a city office can
// read the same cells from every district's file: the heading cells below, then one row per
// target key from UPWARD_FIRST_ROW in the order of TARGET_KEYS, columns in UPWARD_COLUMNS'
// order. Change it only with the city's template: their collection reads these positions.

export const UPWARD_SHEET = '主要指标';

/** Where the heading values are. */
export const UPWARD_CELLS = {
  orgName: 'B2',
  periodTitle: 'F2',
  period: 'B3',
  from: 'D3',
  asOf: 'F3',
  year: 'H3',
} as const;

export const UPWARD_COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'key', header: '指标代码', width: 34 },
  { key: 'label', header: '指标名称', width: 30 },
  { key: 'unit', header: '计量单位', width: 10 },
  { key: 'value', header: '本期完成', width: 16 },
  { key: 'target', header: '年度目标', width: 16 },
  { key: 'actual', header: '年累计完成', width: 16 },
  { key: 'pct', header: '完成率', width: 10 },
] as const;

export const UPWARD_HEADER_ROW = 4;
export const UPWARD_FIRST_ROW = 5;

const col = (key: (typeof UPWARD_COLUMNS)[number]['key']) =>
  UPWARD_COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: (typeof UPWARD_COLUMNS)[number]['key']) => String.fromCharCode(64 + col(key));

function labelled(ws: ExcelJS.Worksheet, labelAt: string, label: string, at: string, value: string | number) {
  ws.getCell(labelAt).value = label;
  ws.getCell(labelAt).font = { name: FONT, bold: true, size: 11 };
  ws.getCell(at).value = value;
  ws.getCell(at).font = { name: FONT, size: 11 };
}

export async function upwardXlsx(r: UpwardReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.orgName;
  const last = UPWARD_COLUMNS.length;
  const ws = wb.addWorksheet(UPWARD_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = '科技服务主要指标报送表';
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;

  ws.mergeCells('B2:D2');
  ws.mergeCells('F2:H2');
  labelled(ws, 'A2', '填报单位', UPWARD_CELLS.orgName, r.orgName);
  labelled(ws, 'E2', '报送期间', UPWARD_CELLS.periodTitle, r.periodTitle);
  labelled(ws, 'A3', '期间代码', UPWARD_CELLS.period, r.period);
  labelled(ws, 'C3', '统计起日', UPWARD_CELLS.from, r.from);
  labelled(ws, 'E3', '数据截至', UPWARD_CELLS.asOf, r.asOf);
  labelled(ws, 'G3', '目标年度', UPWARD_CELLS.year, r.year);

  const head = ws.getRow(UPWARD_HEADER_ROW);
  UPWARD_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getColumn(i + 1).width = c.width;
  });

  r.rows.forEach((row, i) => {
    const n = UPWARD_FIRST_ROW + i;
    const line = ws.getRow(n);
    const amount = row.key.endsWith(':amount');
    const number = amount ? '#,##0.00' : '#,##0';
    line.getCell(col('seq')).value = i + 1;
    line.getCell(col('key')).value = row.key;
    line.getCell(col('label')).value = row.label;
    line.getCell(col('unit')).value = row.unit;
    for (const k of ['value', 'target', 'actual'] as const) {
      const cell = line.getCell(col(k));
      cell.value = row[k];
      cell.numFmt = number;
    }
    const [a, t] = [letter('actual'), letter('target')];
    line.getCell(col('pct')).value = {
      formula: `IF(AND(ISNUMBER(${a}${n}),ISNUMBER(${t}${n}),${t}${n}>0),${a}${n}/${t}${n},"")`,
      result: row.pct ?? '',
    };
    line.getCell(col('pct')).numFmt = '0.0%';
    for (let c = 1; c <= last; c++) {
      const cell = line.getCell(c);
      cell.border = THIN;
      cell.font = { name: FONT, size: 11 };
    }
  });

  const notesAt = UPWARD_FIRST_ROW + r.rows.length + 1;
  ws.mergeCells(notesAt, 1, notesAt, last);
  const notes = ws.getCell(notesAt, 1);
  notes.value =
    '说明：本期完成为报送期间首日至数据截至日的数；年累计完成为目标年度1月1日至数据截至日的数；完成率 = 年累计完成 ÷ 年度目标。' +
    '金额单位为元。空白表示未设目标或暂未统计。指标代码供汇总使用，请勿修改本表格式。';
  notes.font = { name: FONT, size: 10, italic: true };
  notes.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(notesAt).height = 45;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
