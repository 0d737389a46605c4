import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Core } from '../../core';
import { quarterSummary, type QuarterlyInput, type SummaryReport } from './quarterly';
import { getNarrative, type Narrative } from './narrative';
import { reportCharts, type Chart } from './charts';
import {
  LABELS,
  SCALAR_KEYS,
  TIER_LABELS,
  type RateKey,
  type ScalarKey,
  type SplitKey,
} from '@shared/reports/definitions';
import {
  CHINESE_NUMERALS,
  chineseDate,
  num,
  orgNameOf,
  percent,
  periodTitle,
  periodNoun,
  previousNoun,
  windowTitle,
  asOfNote,
  spanText,
  splitLabel,
} from './format';
import {
  activitiesText,
  clinicsText,
  demandsText,
  followupsText,
  outcomesText,
  overviewText,
  visitsText,
} from './summaryText';
import { hadWork } from '@shared/reports/comparison';
import type { ExportOptions } from './xlsx';
import { progressRows, progressText, textBar, valueText } from './progressText';
import { targetLabel, paceOf } from '@shared/reports/targets';

// The Word export in the usual layout of a government work summary (GB/T 9704): A4 with
// 37/35/28/26 mm margins, a title in 小标宋 二号, body in 仿宋 三号 with a fixed 28 pt line,
// first-level headings 一、二、… in 黑体, second-level （一）（二）… in 楷体, tables and
// charts numbered, the narrative the user wrote, and page numbers "— 1 —" at the foot.

const MM = 56.7; // twips per millimetre
const FONTS = {
  title: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  h1: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  h2: { eastAsia: '楷体_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  table: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
const BODY_SIZE = 32; // half-points: 三号 16 pt
const TABLE_SIZE = 21; // 五号 10.5 pt
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // fixed 28 pt
const INDENT = { firstLine: 640 }; // two characters of 16 pt
const TEXT_WIDTH_PX = 560; // ≈ 148 mm of the 156 mm text width

const run = (text: string, font: IRunOptions['font'], size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font, size, ...extra });

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 200 },
    children: [run(text, FONTS.title, 44, { bold: true })],
  });
}

function centered(text: string, font = FONTS.h2, size = BODY_SIZE): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(text, font, size)] });
}

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: INDENT,
    children: [run(text, FONTS.body, BODY_SIZE)],
  });
}

function h1(n: number, text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: INDENT,
    keepNext: true,
    children: [run(`${CHINESE_NUMERALS[n - 1]}、${text}`, FONTS.h1, BODY_SIZE, { bold: true })],
  });
}

function h2(n: number, text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: INDENT,
    keepNext: true,
    children: [run(`（${CHINESE_NUMERALS[n - 1]}）${text}`, FONTS.h2, BODY_SIZE, { bold: true })],
  });
}

/** Table titles go above their table (and keep with it), figure titles below their figure. */
function caption(text: string, above: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: above ? { before: 160, after: 80 } : { before: 40, after: 200 },
    keepNext: above,
    children: [run(text, FONTS.h1, 24, { bold: true })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(
  text: string,
  opts: {
    bold?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    width: number;
    shade?: boolean;
  },
): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(opts.shade ? { shading: { fill: 'E7ECF5', color: 'auto', type: 'clear' as const } } : {}),
    children: [
      new Paragraph({
        alignment: opts.align ?? AlignmentType.CENTER,
        children: [run(text, FONTS.table, TABLE_SIZE, { bold: opts.bold ?? false })],
      }),
    ],
  });
}

/** A table: header row, then rows; `widths` in percent, `left` marks left-aligned columns. */
function table(headers: string[], rows: string[][], widths: number[], left: number[] = [0]): Table {
  const align = (i: number) => (left.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, { bold: true, width: widths[i]!, shade: true })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((t, i) => cell(t, { width: widths[i]!, align: align(i) })),
          }),
      ),
    ],
  });
}

function image(chart: Chart): Paragraph {
  const height = Math.round((TEXT_WIDTH_PX * chart.height) / chart.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({ type: 'png', data: chart.png, transformation: { width: TEXT_WIDTH_PX, height } }),
    ],
  });
}

class Numbering {
  table = 0;
  figures = 0;
  nextTable = (name: string) => caption(`表${++this.table}\u3000${name}`, true);
  /** The chart, then its title below it. */
  figure = (chart: Chart) => [image(chart), caption(`图${++this.figures}\u3000${chart.title}`, false)];
}

function splitTable(r: SummaryReport, split: SplitKey | 'byMonth', first: string, limit = 12): Table {
  const data = split === 'byMonth' ? r.details.byMonth : r.figures[split];
  const entries = Object.entries(data);
  const shown = entries.slice(0, limit);
  const rest = entries.slice(limit);
  const rows = shown.map(([k, e]) => [
    splitLabel(r, split, k),
    num(e.visits),
    percent(r.figures.visits ? e.visits / r.figures.visits : null),
    num(e.enterprisesVisited),
  ]);
  if (rest.length) {
    const v = rest.reduce((a, [, e]) => a + e.visits, 0);
    rows.push([
      `其他（${rest.length}项）`,
      num(v),
      percent(r.figures.visits ? v / r.figures.visits : null),
      '—',
    ]);
  }
  if (!rows.length) rows.push([`${periodNoun(r)}无走访`, '0', '—', '0']);
  return table([first, '走访家次', '占比', '走访企业数'], rows, [40, 20, 20, 20]);
}

const RATE_ROWS: RateKey[] = [
  'closureRate',
  'substantiveRate',
  'onTimeRate',
  'avgDaysToClose',
  'firstReplyRate',
];

function demandTable(r: SummaryReport): Table {
  const f = r.figures;
  const rows: string[][] = [
    ['新增需求', `${num(f.newDemands)}件`, `${periodNoun(r)}受理的需求`],
    ['上期结转', `${num(f.carriedOver)}件`, '期前受理、期初仍在办的需求'],
    ['办结数', `${num(f.closed)}件`, `${periodNoun(r)}办结、期末仍为办结状态的需求`],
    ...RATE_ROWS.map((k) => {
      const d = r.rates[k];
      const value =
        k === 'avgDaysToClose' ? (d.value === null ? '—' : `${num(d.value, 1)}天`) : percent(d.value);
      return [
        LABELS[k].zh,
        value,
        `${d.formula.zh.replace(/^[^=]*=\s*/, '')}（${num(d.numerator, k === 'avgDaysToClose' ? 0 : 0)}/${num(d.denominator)}）`,
      ];
    }),
    [
      '期末在办',
      `${num(f.openAtEnd)}件`,
      r.partial
        ? `${chineseDate(r.asOf)}24时仍未办结、未不予受理的需求`
        : '期末日24时仍未办结、未不予受理的需求',
    ],
    ['期末超期', `${num(f.overdueAtEnd)}件`, '期末在办需求中已过当时办理期限的'],
  ];
  return table(['指标', '数值', '计算口径（分子/分母）'], rows, [18, 16, 66], [0, 2]);
}

/** The demands per lead unit (主办单位). */
function unitTable(r: SummaryReport): Table {
  const rows = Object.values(r.figures.byUnit).map((u) => [
    u.name,
    num(u.assigned),
    num(u.closed),
    num(u.openAtEnd),
    num(u.overdueAtEnd),
    percent(u.onTimeRate),
  ]);
  if (!rows.length) rows.push(['本期无交办到单位的需求', '—', '—', '—', '—', '—']);
  return table(
    ['主办单位', '交办件数', '办结', '期末在办', '期末超期', '按时办结率'],
    rows,
    [30, 14, 12, 14, 14, 16],
  );
}

/** 梯次培育: enterprises holding each tier at the end, and those certified in its year. */
function tierTable(r: SummaryReport): Table {
  const { tierStock, tierNew } = r.figures;
  const rows = Object.keys(TIER_LABELS)
    .filter((k) => tierStock[k] || tierNew[k])
    .map((k) => [TIER_LABELS[k]!, num(tierStock[k] ?? 0), num(tierNew[k] ?? 0)]);
  if (!rows.length) rows.push(['无持有资质的在册企业', '0', '0']);
  return table(['企业资质', '期末持有（家）', '本年新增（家）'], rows, [40, 30, 30]);
}

/** 领导带队走访: a sentence after the visits' overview. */
function leaderText(r: SummaryReport): string {
  const n = r.figures.leaderVisits;
  return n > 0
    ? `局领导带队走访企业${num(n)}家次，占走访家次的${percent(r.figures.visits ? n / r.figures.visits : null)}。`
    : '本期无领导带队走访。';
}

function comparisonTable(r: SummaryReport): Table {
  const c = r.comparison;
  const fmt = (key: ScalarKey, v: number | null) =>
    key === 'avgDaysToClose' ? (v === null ? '—' : num(v, 1)) : key in r.rates ? percent(v) : num(v);
  const diff = (key: ScalarKey, change: number | null, pct: number | null) => {
    if (change === null) return '—';
    if (key in r.rates && key !== 'avgDaysToClose')
      return `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}个百分点`;
    const d = key === 'avgDaysToClose' ? change.toFixed(1) : num(change);
    return `${change >= 0 ? '+' : ''}${d}${pct === null ? '' : `（${pct >= 0 ? '+' : ''}${(pct * 100).toFixed(1)}%）`}`;
  };
  // A compared quarter without any recorded work predates the ledger: nothing to compare.
  const prev = hadWork(r, 'previous');
  const year = hadWork(r, 'lastYear');
  const rows = SCALAR_KEYS.map((key) => {
    const x = c.figures[key];
    return [
      LABELS[key].zh,
      fmt(key, x.current),
      prev ? fmt(key, x.previous) : '—',
      prev ? diff(key, x.changeVsPrevious, x.pctVsPrevious) : '—',
      year ? fmt(key, x.lastYear) : '—',
      year ? diff(key, x.changeVsLastYear, x.pctVsLastYear) : '—',
    ];
  });
  return table(
    [
      '指标',
      periodNoun(r),
      `${previousNoun(r)}${r.partial ? '同期' : ''}（${windowTitle(c.previous)}）`,
      '环比',
      `去年同期（${windowTitle(c.lastYear)}）`,
      '同比',
    ],
    rows,
    [20, 13, 15, 19, 15, 18],
  );
}

function formulaTable(r: SummaryReport): Table {
  const rows = Object.entries(r.rates).map(([k, d]) => [
    LABELS[k as RateKey].zh,
    d.formula.zh.replace(/^[^=]*=\s*/, ''),
  ]);
  return table(['指标', '计算公式'], rows, [20, 80], [0, 1]);
}

/** 目标任务完成情况: each target, the figure so far this year, the share reached and a bar. */
function progressTable(r: SummaryReport): Table {
  const pace = { ahead: '（超前）', behind: '（滞后）' } as const;
  const rows = progressRows(r).map(([key, p]) => {
    const state = paceOf(p, r.asOf);
    return [
      targetLabel(key).zh,
      valueText(key, p.target),
      p.actual === null ? '暂未统计' : valueText(key, p.actual),
      percent(p.pct),
      p.pct === null ? '—' : `${textBar(p.pct)}${state ? pace[state] : ''}`,
    ];
  });
  return table(['指标', '年度目标', '年累计完成', '完成率', '进度'], rows, [24, 15, 15, 10, 36]);
}

/** The targets part, for a report that has targets (the bureau's, in a year with some set). */
function progressSection(r: SummaryReport, n: Numbering): (Paragraph | Table)[] {
  if (!Object.keys(r.targets).length) return [];
  return [
    h1(9, '目标任务完成情况'),
    body(progressText(r)),
    n.nextTable('目标任务完成进度（年累计）'),
    progressTable(r),
  ];
}

function narrativeParagraphs(text: string): Paragraph[] {
  const parts = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length ? parts.map(body) : [body('（待填写。）')];
}

export interface DocxParts {
  report: SummaryReport;
  narrative: Narrative;
  charts: Chart[];
  org: string;
}

export function buildDocument(p: DocxParts): Document {
  const { report: r, narrative, charts, org } = p;
  const chart = (key: Chart['key']) => charts.find((c) => c.key === key)!;
  const n = new Numbering();
  const children: (Paragraph | Table)[] = [
    title(`${org}${periodTitle(r.period)}走访工作总结`),
    centered(`（${spanText(r.from, r.to)}${r.partial ? `，截至${chineseDate(r.asOf)}` : ''}）`),
    ...(r.scope.type === 'bureau' ? [] : [centered(`统计范围：${r.scope.label.zh}`)]),
    new Paragraph({ spacing: LINE, children: [] }),
    body(overviewText(r)),
    h1(1, '走访服务开展情况'),
    h2(1, '总体情况'),
    body(visitsText(r)),
    body(leaderText(r)),
    n.nextTable('按走访方式统计'),
    splitTable(r, 'byMode', '走访方式'),
    ...n.figure(chart('visitsByMonth')),
    h2(2, '分布情况'),
    body('按镇街、企业资质统计的走访情况如下表（同一企业有多项资质的，在每项资质下各计一次）。'),
    n.nextTable('按镇街统计'),
    splitTable(r, 'byTown', '镇街'),
    n.nextTable('按企业资质统计'),
    splitTable(r, 'byTier', '企业资质'),
    n.nextTable('按行业门类统计'),
    splitTable(r, 'byIndustry', '行业门类', 8),
    n.nextTable('梯次培育企业'),
    tierTable(r),
    h1(2, '企业需求办理情况'),
    body(demandsText(r)),
    n.nextTable('需求办理主要指标'),
    demandTable(r),
    n.nextTable('主办单位办理情况'),
    unitTable(r),
    ...n.figure(chart('demandsByCategory')),
    ...n.figure(chart('closureFunnel')),
    h1(3, '跟踪回访情况'),
    body(followupsText(r)),
    ...n.figure(chart('satisfaction')),
    h1(4, '专家会诊情况'),
    body(clinicsText(r)),
    body(activitiesText(r)),
    body(outcomesText(r)),
    h1(5, '典型案例'),
    ...narrativeParagraphs(narrative.typicalCases),
    h1(6, '存在的问题'),
    ...narrativeParagraphs(narrative.recurringProblems),
    h1(7, `下${periodNoun(r).slice(1)}工作计划`),
    ...narrativeParagraphs(narrative.nextQuarterPlan),
    h1(8, '主要指标对比'),
    n.nextTable('主要指标环比、同比'),
    comparisonTable(r),
    body(
      `注：比率的环比、同比以百分点计；办结率分子只计${periodNoun(r)}新增及上期结转的需求；日期均按北京时间计。${
        r.partial ? `${periodNoun(r)}尚未结束，环比、同比按相同天数比较。` : ''
      }${hadWork(r, 'lastYear') ? '' : '去年同期台账中无记录，不作同比。'}${
        hadWork(r, 'previous') ? '' : `${previousNoun(r)}台账中无记录，不作环比。`
      }`,
    ),
    n.nextTable('比率的计算口径'),
    formulaTable(r),
    ...progressSection(r, n),
    new Paragraph({ spacing: LINE, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 640 },
      children: [run(org, FONTS.body, BODY_SIZE)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: LINE,
      indent: { right: 640 },
      children: [run(chineseDate(r.asOf), FONTS.body, BODY_SIZE)],
    }),
  ];
  return new Document({
    creator: 'Visit Ledger 科技服务走访台账',
    title: `${org}${periodTitle(r.period)}${asOfNote(r)}走访工作总结`,
    styles: { default: { document: { run: { font: FONTS.body, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(25 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: '宋体', eastAsia: '宋体' },
                    size: 28,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The summary as a .docx file, with the narrative saved for its period and scope. */
export async function summaryDocx(core: Core, report: SummaryReport, org: string): Promise<Buffer> {
  const s = report.scope;
  const narrative = getNarrative(core, {
    period: report.period,
    ...(s.staffId
      ? { staffId: s.staffId }
      : s.town
        ? { town: s.town }
        : s.unitId
          ? { unitId: s.unitId }
          : {}),
  });
  const doc = buildDocument({ report, narrative, charts: reportCharts(report), org });
  return Packer.toBuffer(doc);
}

/** The quarterly summary as a .docx file, as of today. */
export async function quarterlyDocx(
  core: Core,
  input: QuarterlyInput,
  options: ExportOptions = {},
): Promise<Buffer> {
  return summaryDocx(core, quarterSummary(core, input), orgNameOf(core, options.orgName));
}
