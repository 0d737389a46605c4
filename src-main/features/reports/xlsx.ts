import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Core } from '../../core';
import { quarterSummary, type QuarterlyInput, type SummaryReport } from './quarterly';
import { demandLedger, type LedgerDemand } from './records';
import {
  ACTIVITY_TYPE_LABELS,
  CATEGORY_LABELS,
  CLINIC_KEYS,
  CLOSURE_LABELS,
  LABELS,
  OUTCOME_TYPE_LABELS,
  RATE_DEFINITIONS,
  SCALAR_SECTIONS,
  STATUS_LABELS,
  TIER_LABELS,
  type FigureSectionKey,
  type RateKey,
  type ScalarKey,
} from '@shared/reports/definitions';
import {
  TARGET_KEYS,
  isAmountKey,
  paceOf,
  targetLabel,
  yearElapsed,
  yearToDate,
} from '@shared/reports/targets';
import {
  chineseDate,
  orgNameOf,
  periodNoun,
  periodTitle,
  previousNoun,
  spanText,
  splitLabel,
  windowTitle,
} from './format';

// The Excel export: a summary sheet (each figure with its numerator and denominator, rates
// as Excel formulas with a percentage format, the comparison columns as formulas too), one
// sheet per breakdown, the demands behind the figures, and the definitions used. Chinese
// throughout, as the bureau files it: internal keys and ids only in hidden columns headed
// （系统）, kept so that a sheet can be matched back to the records.

export interface ExportOptions {
  /** The bureau's name for the title (default: the orgName setting, or a placeholder). */
  orgName?: string | null;
  /** The name already decided (reports.export decides it once, for the file name too). */
  org?: string;
}

export const FONT = '宋体';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const PCT = '0.0%';
const PCT_POINTS = '+0.0%;-0.0%;0.0%';
const DAYS = '0.0';
const INT = '#,##0';

/** The summary sheet's section headings, in SCALAR_SECTIONS' order. */
const SECTION_TITLES: Record<FigureSectionKey, string> = {
  visits: '一、走访服务',
  demands: '二、需求办理',
  followups: '三、跟踪回访',
  clinics: '四、专家会诊',
  activities: '五、服务活动',
};
const SECTIONS = (Object.keys(SCALAR_SECTIONS) as FigureSectionKey[]).map((key) => ({
  title: SECTION_TITLES[key],
  keys: SCALAR_SECTIONS[key],
}));

const isRate = (key: ScalarKey): key is RateKey => key in RATE_DEFINITIONS;

/** Hides a technical column (keys, ids): there for matching records, not for reading. */
function technical(ws: ExcelJS.Worksheet, col: number): void {
  ws.getColumn(col).hidden = true;
}

/** The period as titles name it (the subtitle says 截至 which day for one not over). */
const titleOf = (r: SummaryReport) => periodTitle(r.period);

const SCOPE_GROUPS: Record<string, string> = {
  visits: '走访',
  coverage: '覆盖率',
  demands: '需求',
  followups: '回访',
  clinics: '会诊',
  activities: '服务活动与成效',
};

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, lastCol: number): void {
  ws.mergeCells(1, 1, 1, lastCol);
  ws.mergeCells(2, 1, 2, lastCol);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = { name: FONT, size: 10, color: { argb: 'FF555555' } };
  s.alignment = { horizontal: 'center' };
}

function header(ws: ExcelJS.Worksheet, rowNo: number, names: string[], widths: number[]): void {
  const row = ws.getRow(rowNo);
  names.forEach((n, i) => {
    const c = row.getCell(i + 1);
    c.value = n;
    c.font = { name: FONT, bold: true, size: 11 };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row.height = 32;
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function bodyStyle(row: ExcelJS.Row, cols: number): void {
  for (let i = 1; i <= cols; i++) {
    const c = row.getCell(i);
    c.border = THIN;
    c.font = { name: FONT, size: 11, ...(c.font?.bold ? { bold: true } : {}) };
    if (!c.alignment) c.alignment = { vertical: 'middle' };
  }
}

const scopeSubtitle = (r: SummaryReport) =>
  `统计范围：${r.scope.label.zh}\u3000统计期间：${spanText(r.from, r.to)}\u3000数据截至：${chineseDate(r.asOf)}${r.partial ? '（期间未结束）' : ''}`;

function summarySheet(wb: ExcelJS.Workbook, r: SummaryReport, org: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const c = r.comparison;
  const cols = [
    '序号',
    '指标',
    '指标代码（系统）',
    periodNoun(r),
    '分子',
    '分母',
    '计算口径',
    `${previousNoun(r)}${r.partial ? '同期' : ''}\n${windowTitle(c.previous)}`,
    '环比增减',
    '环比增幅',
    `去年同期\n${windowTitle(c.lastYear)}`,
    '同比增减',
    '同比增幅',
  ];
  titleRows(ws, `${org}${titleOf(r)}走访工作汇总表`, scopeSubtitle(r), cols.length);
  header(ws, 3, cols, [6, 16, 24, 12, 10, 10, 58, 12, 11, 11, 12, 11, 11]);
  let rowNo = 4;
  let seq = 0;
  for (const section of SECTIONS) {
    ws.mergeCells(rowNo, 1, rowNo, cols.length);
    const s = ws.getCell(rowNo, 1);
    s.value = section.title;
    s.font = { name: FONT, bold: true, size: 11 };
    s.fill = SECTION_FILL;
    s.border = THIN;
    rowNo += 1;
    for (const key of section.keys) {
      seq += 1;
      const row = ws.getRow(rowNo);
      const n = rowNo;
      const change = c.figures[key];
      const rate = isRate(key);
      const fmt = key === 'avgDaysToClose' ? DAYS : rate ? PCT : INT;
      row.getCell(1).value = seq;
      row.getCell(2).value = LABELS[key].zh;
      row.getCell(3).value = key;
      if (rate) {
        const d = r.rates[key];
        row.getCell(5).value = d.numerator;
        row.getCell(6).value = d.denominator;
        row.getCell(4).value = { formula: `IF(F${n}=0,"",E${n}/F${n})`, result: d.value ?? '' };
        row.getCell(7).value = d.formula.zh;
      } else {
        const v = r.figures[key];
        row.getCell(4).value = v ?? '不适用';
        if (v === null && (CLINIC_KEYS as readonly string[]).includes(key))
          row.getCell(7).value =
            `专家会诊不归属${r.scope.type === 'unit' ? '承办单位' : '个人'}，按${r.scope.type === 'unit' ? '单位' : '人员'}统计时不适用`;
      }
      row.getCell(4).numFmt = fmt;
      row.getCell(4).font = { bold: true };
      row.getCell(8).value = change.previous;
      row.getCell(8).numFmt = fmt;
      row.getCell(11).value = change.lastYear;
      row.getCell(11).numFmt = fmt;
      for (const [diffCol, pctCol, baseCol, value, pct] of [
        [9, 10, 'H', change.changeVsPrevious, change.pctVsPrevious],
        [12, 13, 'K', change.changeVsLastYear, change.pctVsLastYear],
      ] as const) {
        row.getCell(diffCol).value = {
          formula: `IF(AND(ISNUMBER(D${n}),ISNUMBER(${baseCol}${n})),D${n}-${baseCol}${n},"")`,
          result: value ?? '',
        };
        row.getCell(diffCol).numFmt =
          rate && key !== 'avgDaysToClose'
            ? PCT_POINTS
            : key === 'avgDaysToClose'
              ? '+0.0;-0.0;0.0'
              : '+#,##0;-#,##0;0';
        if (!rate) {
          row.getCell(pctCol).value = {
            formula: `IF(AND(ISNUMBER(D${n}),ISNUMBER(${baseCol}${n}),${baseCol}${n}<>0),(D${n}-${baseCol}${n})/${baseCol}${n},"")`,
            result: pct ?? '',
          };
          row.getCell(pctCol).numFmt = PCT_POINTS;
        }
      }
      row.getCell(7).alignment = { wrapText: true, vertical: 'middle' };
      row.height = rate ? 42 : 20;
      bodyStyle(row, cols.length);
      rowNo += 1;
    }
  }
  rowNo = byTypeRows(ws, r, rowNo, cols.length);
  technical(ws, 3);
  rowNo += 1;
  ws.mergeCells(rowNo, 1, rowNo, cols.length);
  const note = ws.getCell(rowNo, 1);
  note.value =
    '注：比率的环比、同比增减以百分点计；各项口径见“口径说明”工作表。' +
    (r.partial
      ? `期间尚未结束，环比、同比按相同天数比较（${spanText(c.previous.from, c.previous.to)}；${spanText(c.lastYear.from, c.lastYear.to)}）。`
      : '');
  note.font = { name: FONT, size: 10, italic: true };
  rowNo = unitTable(ws, r, rowNo + 2);
  tierTable(ws, r, rowNo + 1);
  return ws;
}

/** A small table below the summary: its title row, header and rows; returns the next free row. */
function subTable(
  ws: ExcelJS.Worksheet,
  first: number,
  title: string,
  names: string[],
  rows: ExcelJS.CellValue[][],
  formats: string[],
): number {
  const t = ws.getCell(first, 1);
  ws.mergeCells(first, 1, first, names.length);
  t.value = title;
  t.font = { name: FONT, bold: true, size: 11 };
  t.fill = SECTION_FILL;
  t.border = THIN;
  const head = ws.getRow(first + 1);
  names.forEach((n, i) => {
    const c = head.getCell(i + 1);
    c.value = n;
    c.font = { name: FONT, bold: true, size: 11 };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(first + 2 + i);
    values.forEach((v, j) => {
      row.getCell(j + 1).value = v;
      if (formats[j]) row.getCell(j + 1).numFmt = formats[j]!;
    });
    bodyStyle(row, names.length);
  });
  return first + 2 + rows.length;
}

/** 附表: the demands per lead unit (主办单位). */
function unitTable(ws: ExcelJS.Worksheet, r: SummaryReport, first: number): number {
  const units = Object.values(r.figures.byUnit);
  return subTable(
    ws,
    first,
    `附表1 主办单位办理情况（交办件数 = 本期新增 + 上期结转，按需求当前的主办单位统计）`,
    ['序号', '主办单位', '交办件数', '办结数', '期末在办', '期末超期', '按时办结率'],
    units.length
      ? units.map((u, i) => [
          i + 1,
          u.name,
          u.assigned,
          u.closed,
          u.openAtEnd,
          u.overdueAtEnd,
          u.onTimeRate ?? '—',
        ])
      : [['', '本期无交办到单位的需求']],
    ['', '', INT, INT, INT, INT, PCT],
  );
}

/** 附表: 梯次培育, the enterprises holding each tier at the end and those certified in its year. */
function tierTable(ws: ExcelJS.Worksheet, r: SummaryReport, first: number): number {
  const { tierStock, tierNew } = r.figures;
  const tiers = Object.keys(TIER_LABELS).filter((k) => tierStock[k] || tierNew[k]);
  return subTable(
    ws,
    first,
    `附表2 梯次培育企业（截至${chineseDate(r.asOf)}，一家企业在其每项资质下各计一次）`,
    ['序号', '企业资质', '期末持有企业数', '本年新增', '代码'],
    tiers.length
      ? tiers.map((k, i) => [i + 1, TIER_LABELS[k]!, tierStock[k] ?? 0, tierNew[k] ?? 0, k])
      : [['', '无持有资质的在册企业']],
    ['', '', INT, INT, ''],
  );
}

interface SplitSpec {
  sheet: string;
  split: 'byMode' | 'byTown' | 'byIndustry' | 'byTier' | 'byStaff' | 'byMonth';
  first: string;
  overlapping?: boolean;
}

const SPLITS: SplitSpec[] = [
  { sheet: '按走访方式', split: 'byMode', first: '走访方式' },
  { sheet: '按镇街', split: 'byTown', first: '镇街' },
  { sheet: '按行业门类', split: 'byIndustry', first: '行业门类（GB/T 4754-2017）' },
  { sheet: '按企业资质', split: 'byTier', first: '企业资质', overlapping: true },
  { sheet: '按带队人员', split: 'byStaff', first: '带队人员' },
  { sheet: '按月份', split: 'byMonth', first: '月份' },
];

function splitSheet(wb: ExcelJS.Workbook, r: SummaryReport, org: string, spec: SplitSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  const cols = ['序号', spec.first, '代码（系统）', '走访家次', '占走访家次', '走访企业数', '占走访企业数'];
  titleRows(ws, `${org}${titleOf(r)}走访情况（${spec.sheet}）`, scopeSubtitle(r), cols.length);
  technical(ws, 3);
  header(ws, 3, cols, [6, 30, 40, 12, 12, 12, 14]);
  const data = spec.split === 'byMonth' ? r.details.byMonth : r.figures[spec.split];
  const entries = Object.entries(data);
  const first = 4;
  const totalRow = first + entries.length;
  entries.forEach(([key, e], i) => {
    const n = first + i;
    const row = ws.getRow(n);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = splitLabel(r, spec.split, key);
    row.getCell(3).value = key;
    row.getCell(4).value = e.visits;
    row.getCell(5).value = {
      formula: `IF($D$${totalRow}=0,"",D${n}/$D$${totalRow})`,
      result: r.figures.visits ? e.visits / r.figures.visits : '',
    };
    row.getCell(6).value = e.enterprisesVisited;
    row.getCell(7).value = {
      formula: `IF($F$${totalRow}=0,"",F${n}/$F$${totalRow})`,
      result: r.figures.enterprisesVisited ? e.enterprisesVisited / r.figures.enterprisesVisited : '',
    };
    for (const col of [4, 6]) row.getCell(col).numFmt = INT;
    for (const col of [5, 7]) row.getCell(col).numFmt = PCT;
    bodyStyle(row, cols.length);
  });
  const total = ws.getRow(totalRow);
  total.getCell(2).value = spec.overlapping ? '合计（不重复计）' : '合计';
  // Splits by mode, staff or month add up to the totals; by tier an enterprise can count twice.
  const sums =
    !spec.overlapping && spec.split !== 'byMode' && spec.split !== 'byStaff' && spec.split !== 'byMonth';
  total.getCell(4).value =
    entries.length && !spec.overlapping
      ? { formula: `SUM(D${first}:D${totalRow - 1})`, result: r.figures.visits }
      : r.figures.visits;
  total.getCell(6).value =
    sums && entries.length
      ? { formula: `SUM(F${first}:F${totalRow - 1})`, result: r.figures.enterprisesVisited }
      : r.figures.enterprisesVisited;
  total.getCell(4).numFmt = INT;
  total.getCell(6).numFmt = INT;
  total.font = { bold: true };
  bodyStyle(total, cols.length);
  const noteRow = ws.getRow(totalRow + 2);
  noteRow.getCell(1).value = spec.overlapping
    ? '注：企业在统计期间内有效的每一项资质各计一次，各项之和可能大于合计。'
    : spec.split === 'byTown' || spec.split === 'byIndustry'
      ? '注：一家企业只属于一个镇街、一个行业门类。'
      : '注：同一企业可能以多种方式、由多名人员或在多个月份被走访，各项走访企业数之和可能大于合计。';
  noteRow.getCell(1).font = { name: FONT, size: 10, italic: true };
  return ws;
}

function categorySheet(wb: ExcelJS.Workbook, r: SummaryReport, org: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('按需求类别', { views: [{ state: 'frozen', ySplit: 3 }] });
  const cols = ['序号', '需求类别', '代码（系统）', '新增需求件数', '占新增需求'];
  titleRows(ws, `${org}${titleOf(r)}新增需求类别分布`, scopeSubtitle(r), cols.length);
  technical(ws, 3);
  header(ws, 3, cols, [6, 16, 18, 14, 12]);
  const entries = Object.entries(r.figures.byCategory);
  const totalRow = 4 + entries.length;
  entries.forEach(([key, n], i) => {
    const rowNo = 4 + i;
    const row = ws.getRow(rowNo);
    row.getCell(1).value = i + 1;
    row.getCell(2).value = CATEGORY_LABELS[key] ?? key;
    row.getCell(3).value = key;
    row.getCell(4).value = n;
    row.getCell(5).value = {
      formula: `IF($D$${totalRow}=0,"",D${rowNo}/$D$${totalRow})`,
      result: r.figures.newDemands ? n / r.figures.newDemands : '',
    };
    row.getCell(5).numFmt = PCT;
    bodyStyle(row, cols.length);
  });
  const total = ws.getRow(totalRow);
  total.getCell(2).value = '新增需求（不重复计）';
  total.getCell(4).value = r.figures.newDemands;
  total.font = { bold: true };
  bodyStyle(total, cols.length);
  ws.getRow(totalRow + 2).getCell(1).value =
    '注：一件需求在其每个类别下各计一次，各类之和可能大于新增需求件数。';
  return ws;
}

/**
 * Below the summary's figures: activities per type, and outcomes per type with their count
 * and amount (yuan, and 万元 as the bureau's reports write it). Returns the next free row.
 */
function byTypeRows(ws: ExcelJS.Worksheet, r: SummaryReport, first: number, cols: number): number {
  let rowNo = first;
  const section = (title: string) => {
    ws.mergeCells(rowNo, 1, rowNo, cols);
    const c = ws.getCell(rowNo, 1);
    c.value = title;
    c.font = { name: FONT, bold: true, size: 11 };
    c.fill = SECTION_FILL;
    c.border = THIN;
    rowNo += 1;
  };
  const line = (label: string, key: string, n: number, note: string | null) => {
    const row = ws.getRow(rowNo);
    row.getCell(2).value = label;
    row.getCell(3).value = key;
    row.getCell(4).value = n;
    row.getCell(4).numFmt = INT;
    if (note) row.getCell(7).value = note;
    bodyStyle(row, cols);
    rowNo += 1;
  };
  section('服务活动（按类型，场）');
  for (const [key, n] of Object.entries(r.figures.activitiesByType))
    line(ACTIVITY_TYPE_LABELS[key] ?? key, key, n, null);
  section('服务成效（按类型，数量；不含未获批）');
  for (const [key, o] of Object.entries(r.figures.outcomesByType)) {
    const amount = o.amount
      ? `金额 ${o.amount.toFixed(2)} 元（${(o.amount / 10_000).toFixed(2)} 万元）`
      : null;
    line(OUTCOME_TYPE_LABELS[key] ?? key, key, o.count, amount);
  }
  return rowNo;
}

/** A flag cell: '是', or no cell at all (exceljs's time is per written cell). */
const yes = (b: boolean | null) => (b ? '是' : null);

function recordsSheet(
  wb: ExcelJS.Workbook,
  r: SummaryReport,
  org: string,
  rows: LedgerDemand[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('需求明细', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const cols = [
    '序号',
    '需求标题',
    '企业',
    '镇街',
    '承办人',
    '受理日期',
    '需求类别',
    '期末状态',
    '本期新增',
    '上期结转',
    '本期办结',
    '办结日期',
    '办结方式',
    '办结用时（天）',
    '按时办结',
    '期末在办',
    '期末超期',
    '期末办理期限',
    '需求ID（系统）',
  ];
  titleRows(ws, `${org}${titleOf(r)}企业需求明细`, scopeSubtitle(r), cols.length);
  technical(ws, cols.length);
  header(ws, 3, cols, [6, 36, 30, 12, 10, 12, 22, 10, 9, 9, 9, 12, 10, 10, 9, 9, 9, 13, 38]);
  rows.forEach((d, i) => {
    ws.addRow([
      i + 1,
      d.title,
      d.enterpriseName,
      d.town,
      d.assigneeName,
      d.receivedOn,
      d.categories.map((c) => CATEGORY_LABELS[c] ?? c).join('、'),
      STATUS_LABELS[d.statusAtEnd] ?? d.statusAtEnd,
      yes(d.isNew),
      yes(d.carriedOver),
      yes(d.closed),
      d.closedOn,
      d.closureType ? (CLOSURE_LABELS[d.closureType] ?? d.closureType) : null,
      d.daysToClose,
      d.closed ? (d.onTime ? '是' : '否') : null,
      yes(d.openAtEnd),
      yes(d.overdueAtEnd),
      d.dueDateAtEnd,
      d.id,
    ]);
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: cols.length } };
  return ws;
}

/** 目标任务完成情况 (the 晾晒表): each target of the year against its figure so far this year. */
function progressSheet(wb: ExcelJS.Workbook, r: SummaryReport, org: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('目标进度', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const ytd = yearToDate(r.asOf);
  const elapsed = yearElapsed(r.asOf);
  const cols = [
    '序号',
    '指标',
    '单位',
    '年度目标',
    '年累计完成',
    '完成率',
    '时间进度',
    '进度',
    '指标代码（系统）',
  ];
  titleRows(
    ws,
    `${org}${ytd.year}年目标任务完成情况`,
    `累计区间：${spanText(ytd.from, ytd.to)}\u3000时间进度：${(elapsed * 100).toFixed(1)}%\u3000完成率 = 年累计完成 ÷ 年度目标`,
    cols.length,
  );
  header(ws, 3, cols, [6, 30, 8, 16, 16, 10, 10, 8, 30]);
  technical(ws, 9);
  TARGET_KEYS.filter((k) => r.targets[k]).forEach((key, i) => {
    const p = r.targets[key]!;
    const n = 4 + i;
    const label = targetLabel(key);
    const pace = paceOf(p, r.asOf);
    const row = ws.getRow(n);
    const number = isAmountKey(key) ? '#,##0.00' : INT;
    row.values = [i + 1, label.zh, label.unit ?? '', p.target, p.actual ?? '暂未统计'];
    row.getCell(4).numFmt = number;
    row.getCell(5).numFmt = number;
    row.getCell(6).value = {
      formula: `IF(AND(ISNUMBER(E${n}),D${n}>0),E${n}/D${n},"")`,
      result: p.pct ?? '',
    };
    row.getCell(6).numFmt = PCT;
    row.getCell(7).value = elapsed;
    row.getCell(7).numFmt = PCT;
    row.getCell(8).value = pace === 'ahead' ? '超前' : pace === 'behind' ? '滞后' : '';
    row.getCell(9).value = key;
    bodyStyle(row, cols.length);
  });
  return ws;
}

function notesSheet(wb: ExcelJS.Workbook, r: SummaryReport): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('口径说明');
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 100;
  const add = (a: string, b: string, bold = false) => {
    const row = ws.addRow([a, b]);
    row.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.font = { name: FONT, size: 10, bold };
    });
  };
  add('项目', '说明', true);
  add('统计范围', r.scope.label.zh);
  add('统计期间', `${spanText(r.from, r.to)}，数据截至${chineseDate(r.asOf)}`);
  for (const rule of r.scope.rules) add(`范围·${SCOPE_GROUPS[rule.group] ?? rule.group}`, rule.zh);
  for (const [key, d] of Object.entries(r.rates)) add(LABELS[key as RateKey].zh, d.formula.zh);
  r.notes.forEach((n, i) => add(`口径说明${i + 1}`, n.zh));
  return ws;
}

/** Writes every sheet into `wb` (a streaming writer: each sheet is committed when done). */
export function writeSheets(
  core: Core,
  report: SummaryReport,
  wb: ExcelJS.Workbook,
  options: ExportOptions = {},
): void {
  const org = options.org ?? orgNameOf(core, options.orgName);
  wb.creator = 'Visit Ledger 科技服务走访台账';
  wb.created = new Date(core.store.now());
  summarySheet(wb, report, org).commit();
  // Targets are the bureau's: a summary of a narrower scope, or a year without any, has no sheet.
  if (Object.keys(report.targets).length) progressSheet(wb, report, org).commit();
  for (const spec of SPLITS) splitSheet(wb, report, org, spec).commit();
  categorySheet(wb, report, org).commit();
  const s = report.scope;
  const scope = s.staffId
    ? { staffId: s.staffId }
    : s.town
      ? { town: s.town }
      : s.unitId
        ? { unitId: s.unitId }
        : {};
  recordsSheet(wb, report, org, demandLedger(core, { period: report.period, ...scope })).commit();
  notesSheet(wb, report).commit();
}

/**
 * The summary as an .xlsx file. Written with exceljs's streaming writer, which takes about a
 * third less time than building the whole workbook in memory.
 */
export async function summaryXlsx(core: Core, report: SummaryReport, org: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  writeSheets(core, report, wb, { org });
  await wb.commit();
  return Buffer.concat(chunks);
}

/** The quarterly summary as an .xlsx file, as of today. */
export async function quarterlyXlsx(
  core: Core,
  input: QuarterlyInput,
  options: ExportOptions = {},
): Promise<Buffer> {
  return summaryXlsx(core, quarterSummary(core, input), orgNameOf(core, options.orgName));
}
