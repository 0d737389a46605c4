import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCore, tempDir, VALID_USCC, type TestCore } from '../helpers';
import { aerr, aok, csvFile, staffNamed, xlsxFile, type Cell } from './ledgerFixtures';
import { parseCsv, detectEncoding } from '../../src-main/features/ledger/csvRead';
import { readDateTime } from '../../src-main/features/ledger/dates';
import { readDemandsCell } from '../../src-main/features/ledger/demandsCell';
import { readEnum } from '../../src-main/features/ledger/enums';
import { ENUM_LABELS, ENUM_VALUES, type EnumGroup } from '../../src-main/features/ledger/labels';

// Reading ledgers as bureaus keep them: header rows found under titles and blank rows,
// Chinese and English headers in any order, CSV in UTF-8 or GBK, dates in every usual form.

const [U1, U2] = VALID_USCC as [string, string];

function world(): TestCore {
  const t = makeCore();
  staffNamed(t, '张三', '李四');
  return t;
}

async function visitsOf(t: TestCore) {
  const rows = t.ok('visits.list', { sort: [{ field: 'date', dir: 'asc' }], limit: 1000 }).rows;
  return rows.map((v) => ({
    enterprise: v.enterpriseName,
    date: v.date,
    mode: v.mode,
    lead: v.leadStaffName,
    summary: v.summary,
  }));
}

const EXPECTED = [
  {
    enterprise: '福州示例科技有限公司',
    date: '2026-03-05',
    mode: 'onsite',
    lead: '张三',
    summary: '经营稳定，研发投入增加',
  },
  {
    enterprise: '北京示例精密有限公司',
    date: '2026-03-06',
    mode: 'phone',
    lead: '李四',
    summary: '询问高企申报',
  },
];

interface Layout {
  name: string;
  rows: Cell[][];
  merges?: string[];
  headerRow: number;
}

const LAYOUTS: Layout[] = [
  {
    name: 'Chinese headers under a merged title row and a blank row',
    rows: [
      ['2026年一季度企业走访台账'],
      [],
      ['序号', '企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '走访情况'],
      [
        1,
        '福州示例科技有限公司',
        U1,
        new Date(Date.UTC(2026, 2, 5)),
        '实地走访',
        '张三',
        '经营稳定，研发投入增加',
      ],
      [2, '北京示例精密有限公司', U2, '2026-03-06', '电话', '李四', '询问高企申报'],
    ],
    merges: ['A1:G1'],
    headerRow: 3,
  },
  {
    name: 'English headers in another order',
    rows: [
      ['Company', 'Visit date', 'Summary', 'Lead staff', 'Mode', 'USCC'],
      ['福州示例科技有限公司', '2026-03-05', '经营稳定，研发投入增加', '张三', 'onsite', U1],
      ['北京示例精密有限公司', '2026/3/6', '询问高企申报', '李四', 'phone', U2],
    ],
    headerRow: 1,
  },
  {
    name: 'other Chinese words, two title rows and notes in the headers',
    rows: [
      ['XX区科技局'],
      ['企业服务记录表（2026年）'],
      ['单位名称*', '信用代码（必填）', '包联人', '走访时间', '形式', '交流内容', '备注'],
      ['福州示例科技有限公司', U1, '张三', '2026年3月5日', '上门', '经营稳定，研发投入增加', ''],
      ['北京示例精密有限公司', U2, '李四', '2026.3.6', '电话联系', '询问高企申报', ''],
    ],
    merges: ['A1:G1', 'A2:G2'],
    headerRow: 3,
  },
  {
    name: 'a two-level header (merged group cells above the field names)',
    rows: [
      ['企业走访台账'],
      ['序号', '企业信息', null, '走访信息', null, null, null],
      [null, '企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '走访情况'],
      [1, '福州示例科技有限公司', U1, '20260305', '实地', '张三', '经营稳定，研发投入增加'],
      [2, '北京示例精密有限公司', U2, 46087, '电话', '李四', '询问高企申报'],
    ],
    merges: ['A1:G1', 'A2:A3', 'B2:C2', 'D2:G2'],
    headerRow: 3,
  },
];

describe('header rows and column mapping', () => {
  it.each(LAYOUTS)('$name', async (layout) => {
    const t = world();
    const path = await xlsxFile({ rows: layout.rows, merges: layout.merges ?? [] });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.kind).toBe('visits');
    expect(preview.headerRow).toBe(layout.headerRow);
    const mapped = Object.fromEntries(preview.mapping.map((m) => [m.field, m.header]));
    expect(Object.keys(mapped).sort()).toEqual(
      expect.arrayContaining(['enterpriseName', 'uscc', 'visitDate', 'mode', 'leadStaff', 'summary']),
    );
    expect(preview.dataRows).toBe(2);
    expect(preview.errors).toEqual([]);
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 2, rejected: 0, enterprisesCreated: 2 });
    expect(await visitsOf(t)).toEqual(EXPECTED);
  });

  it('skips blank rows, repeated header rows and footnotes; row numbers stay those of the sheet', async () => {
    const t = world();
    const header = ['企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '走访情况'];
    const path = await xlsxFile({
      rows: [
        header,
        ['福州示例科技有限公司', U1, '2026-03-05', '实地', '张三', '经营稳定，研发投入增加'],
        [],
        [],
        header,
        ['北京示例精密有限公司', U2, '2026-03-06', '电话', '李四', '询问高企申报'],
        ['北京示例精密有限公司', U2, '2026-13-06', '电话', '李四', '坏日期'],
        ['合计', '2家'],
        ['填表人：王芳'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.dataRows).toBe(3);
    expect(preview.ignoredRows.map((r) => r.row)).toEqual([5, 8, 9]);
    expect(preview.errors).toEqual([
      { row: 7, column: '走访日期', field: 'visitDate', message: expect.stringContaining('2026-13-06') },
    ]);
    expect(preview.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'create'],
      [6, 'create'],
      [7, 'reject'],
    ]);
  });

  it('reads the sheet whose headers fit, not an instructions sheet before it', async () => {
    const t = world();
    const path = await xlsxFile([
      { name: '填表说明', rows: [['请按模板填写'], ['日期格式：2026-03-05']] },
      {
        name: '走访',
        rows: [
          ['企业名称', '统一社会信用代码', '走访日期', '走访人员'],
          ['福州示例科技有限公司', U1, '2026-03-05', '张三'],
        ],
      },
    ]);
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.sheets).toEqual(['填表说明', '走访']);
    expect(preview.sheet).toBe('走访');
    expect(preview.created).toBe(1);
  });

  it('copies a value merged over several rows into each of them (an enterprise over its visits)', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '走访人员', '走访情况'],
        ['福州示例科技有限公司', U1, '2026-03-05', '张三', '第一次'],
        [null, null, '2026-04-05', '李四', '第二次'],
        [null, null, '2026-05-05', '张三', '第三次'],
      ],
      merges: ['A2:A4', 'B2:B4'],
    });
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 3, rejected: 0, enterprisesCreated: 1 });
    expect((await visitsOf(t)).map((v) => [v.enterprise, v.summary])).toEqual([
      ['福州示例科技有限公司', '第一次'],
      ['福州示例科技有限公司', '第二次'],
      ['福州示例科技有限公司', '第三次'],
    ]);
  });

  it('detects each kind from its headers', async () => {
    const t = world();
    const cases: [string, Cell[]][] = [
      ['enterprises', ['企业名称', '统一社会信用代码', '所属镇街', '行业', '企业资质', '联系人', '联系电话']],
      ['visits', ['企业名称', '走访日期', '走访人', '走访方式', '走访情况']],
      ['visits_with_demands', ['企业名称', '走访日期', '走访人', '走访情况', '企业需求', '办理状态']],
      ['demands', ['企业名称', '需求类型', '需求内容', '受理时间', '承办单位', '办理状态', '办结时间']],
      ['followups', ['企业名称', '需求标题', '回访日期', '回访人', '回访方式', '回访内容', '满意度']],
    ];
    for (const [kind, header] of cases) {
      const path = await xlsxFile({ rows: [header] });
      const preview = await aok(t, 'ledger.preview', { path });
      expect(preview.kind, header.join(',')).toBe(kind);
      expect(preview.kindDetected).toBe(true);
    }
  });
});

describe('CSV files', () => {
  const rows: Cell[][] = [
    ['企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '走访情况'],
    ['福州示例科技有限公司', U1, '2026-03-05', '实地', '张三', '经营稳定，研发投入增加'],
    ['北京示例精密有限公司', U2, '2026-03-06', '电话', '李四', '询问高企申报'],
  ];

  it.each(['utf8', 'utf8-bom', 'gbk', 'gb18030'] as const)('reads %s', async (encoding) => {
    const t = world();
    const path = csvFile(rows, encoding);
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.format).toBe('csv');
    expect(preview.encoding).toBe(encoding.startsWith('utf8') ? 'utf-8' : 'gb18030');
    expect(preview.headers.map((h) => h.text)).toEqual(rows[0]);
    await aok(t, 'ledger.import', { path });
    expect(await visitsOf(t)).toEqual(EXPECTED);
  });

  it('GBK detection holds for a short file with few Chinese characters; UTF-16 without a BOM is seen', () => {
    const buf = iconv.encode('名称,日期\r\nA公司,2026-03-05\r\n', 'gbk');
    expect(detectEncoding(buf)).toBe('gb18030');
    expect(detectEncoding(Buffer.from('name,date\r\nA,2026-03-05\r\n'))).toBe('utf-8');
    expect(
      detectEncoding(iconv.encode('企业名称\t走访日期\r\n福州示例科技有限公司\t2026-03-05\r\n', 'utf-16le')),
    ).toBe('utf-16le');
  });

  it('quoted fields keep commas, line breaks and doubled quotes (RFC 4180)', async () => {
    const t = world();
    const summary = '一、经营情况：营收增长, 利润持平\n二、提到"卡脖子"技术；\r\n三、其他';
    const path = csvFile(
      [rows[0]!, ['福州示例科技有限公司', U1, '2026-03-05', '实地', '张三', summary]],
      'gbk',
    );
    const result = await aok(t, 'ledger.import', { path });
    expect(result.created).toBe(1);
    expect(t.ok('visits.list', {}).rows[0]!.summary).toBe(summary.replace(/\r\n/g, '\n'));
  });

  it('parses RFC 4180 records: quotes, delimiters, CRLF/LF/CR, empty fields, row numbers as Excel counts them', () => {
    const text = 'a,"b,1","c ""q"""\r\n"multi\nline",,x\n\r\nlast,"",z\rend';
    expect(parseCsv(text, ',')).toEqual([
      { rowNo: 1, cells: ['a', 'b,1', 'c "q"'] },
      { rowNo: 2, cells: ['multi\nline', '', 'x'] },
      { rowNo: 4, cells: ['last', '', 'z'] },
      { rowNo: 5, cells: ['end'] },
    ]);
  });

  it('finds semicolon and tab delimiters', async () => {
    const t = world();
    for (const [d, name] of [
      [';', 'semi.csv'],
      ['\t', 'tabs.txt'],
    ] as const) {
      const dir = tempDir();
      const text = rows.map((r) => r.map((c) => String(c ?? '')).join(d)).join('\r\n');
      writeFileSync(join(dir, name), `\uFEFF${text}`);
      const preview = await aok(t, 'ledger.preview', { path: join(dir, name) });
      expect(
        preview.headers.map((h) => h.text),
        name,
      ).toEqual(rows[0]);
      expect(preview.created, name).toBe(2);
    }
  });

  it('takes the file as base64 content (what the renderer sends)', async () => {
    const t = world();
    const path = csvFile(rows, 'gbk');
    const { readFileSync } = await import('node:fs');
    const preview = await aok(t, 'ledger.preview', {
      contentBase64: readFileSync(path).toString('base64'),
      fileName: '走访.csv',
    });
    expect(preview).toMatchObject({ fileName: '走访.csv', format: 'csv', created: 2 });
  });

  it('reads a forced encoding when detection would be wrong', async () => {
    const t = world();
    const path = csvFile(rows, 'gbk');
    const wrong = await aok(t, 'ledger.preview', { path, encoding: 'latin1' });
    expect(wrong.headerGuessed).toBe(true);
    expect(wrong.headers[0]!.text).not.toBe('企业名称');
    expect(wrong.mapping).toEqual([]);
    expect((await aerr(t, 'ledger.preview', { path, encoding: 'klingon' })).details.field).toBe('encoding');
    const right = await aok(t, 'ledger.preview', { path, encoding: 'gbk' });
    expect(right.headers[0]!.text).toBe('企业名称');
  });
});

describe('dates in every usual form', () => {
  const FORMS: [string, Cell, string][] = [
    ['ISO', '2026-03-05', '2026-03-05'],
    ['slashes', '2026/3/5', '2026-03-05'],
    ['dots', '2026.3.5', '2026-03-05'],
    ['Chinese', '2026年3月5日', '2026-03-05'],
    ['Chinese without 日', '2026年3月5', '2026-03-05'],
    ['compact text', '20260305', '2026-03-05'],
    ['compact number', 20260305, '2026-03-05'],
    ['US order', '3/5/2026', '2026-03-05'],
    ['Excel serial number', 46086, '2026-03-05'],
    ['Excel serial as text', '46086', '2026-03-05'],
    ['date cell', new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
    ['date-time cell', new Date(Date.UTC(2026, 2, 5, 14, 30)), '2026-03-05'],
    ['with a time', '2026-03-05 14:30', '2026-03-05'],
    ['full-width digits', '２０２６－０３－０５', '2026-03-05'],
  ];

  it.each(FORMS)('%s', (_name, cell, date) => {
    const r = readDateTime(cell as string | number | Date);
    expect(r.ok && r.value.date).toBe(date);
  });

  it.each(['2026-02-30', '2026-13-01', '5', '3月5日', '2026年3月', 'abc', '12:30', 123])(
    'refuses %s',
    (cell) => {
      expect(readDateTime(cell).ok).toBe(false);
    },
  );

  it('every form imports the right visit date, from an .xlsx with real date cells', async () => {
    const t = world();
    const e = t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '走访日期', '走访人', '走访情况'],
        ...FORMS.map(([name, cell]) => ['福州示例科技有限公司', cell, '张三', name]),
      ],
    });
    // Same enterprise, date and lead: the first row creates the visit, the others find it.
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 1, skipped: FORMS.length - 1, rejected: 0 });
    expect(t.ok('visits.list', { filter: { enterpriseId: e.id } }).rows.map((v) => v.date)).toEqual([
      '2026-03-05',
    ]);
  });

  it('instants keep their time (Shanghai wall time) and accept an offset', () => {
    const at = (cell: Cell) => {
      const r = readDateTime(cell as string);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(at('2026-03-05 14:30')).toEqual({ date: '2026-03-05', time: '14:30:00', instant: null });
    expect(at('2026年3月5日 9时5分')).toEqual({ date: '2026-03-05', time: '09:05:00', instant: null });
    expect(at('2026-03-05T06:30:00.000Z').instant).toBe('2026-03-05T06:30:00.000Z');
  });
});

describe('words for enumeration values', () => {
  it.each([
    ['visitMode', '实地走访', 'onsite'],
    ['visitMode', '上门', 'onsite'],
    ['visitMode', '电话', 'phone'],
    ['visitMode', '座谈会', 'meeting'],
    ['visitMode', '会议', 'meeting'],
    ['visitMode', '视频会议', 'online'],
    ['visitMode', '线上', 'online'],
    ['visitMode', 'ONSITE', 'onsite'],
    ['demandStatus', '已办结', 'closed'],
    ['demandStatus', '办结', 'closed'],
    ['demandStatus', '办理中', 'in_progress'],
    ['demandStatus', '尚未办结', 'in_progress'],
    ['demandStatus', '已交办', 'assigned'],
    ['demandStatus', '待受理', 'pending'],
    ['demandStatus', '已反馈', 'answered'],
    ['demandStatus', '已答复', 'answered'],
    ['demandStatus', '挂起', 'on_hold'],
    ['demandStatus', '不予受理', 'rejected'],
    ['demandCategory', '技术', 'tech'],
    ['demandCategory', '技术攻关', 'tech'],
    ['demandCategory', '人才', 'talent'],
    ['demandCategory', '融资', 'finance'],
    ['demandCategory', '资金', 'finance'],
    ['demandCategory', '知识产权', 'ip'],
    ['demandCategory', '专利', 'ip'],
    ['demandCategory', '政策', 'policy'],
    ['demandCategory', '高企认定', 'high_tech_cert'],
    ['demandCategory', '研发', 'rnd'],
    ['demandCategory', '成果转化', 'tech_transfer'],
    ['demandCategory', '平台', 'platform'],
    ['tier', '科技型中小企业', 'tech_sme'],
    ['tier', '高新技术企业', 'high_tech'],
    ['tier', '高企', 'high_tech'],
    ['tier', '专精特新', 'specialized'],
    ['tier', '小巨人', 'little_giant'],
    ['tier', '专精特新“小巨人”', 'little_giant'],
    ['tier', '规上', 'above_scale'],
    ['tier', '上市', 'listed'],
    ['satisfaction', '满意', 'satisfied'],
    ['satisfaction', '基本满意', 'mostly_satisfied'],
    ['satisfaction', '不满意', 'dissatisfied'],
    ['satisfaction', '很不满意', 'dissatisfied'],
  ] as [EnumGroup, string, string][])('%s: %s → %s', (group, word, value) => {
    expect(readEnum(group, word)).toEqual({ ok: true, value });
  });

  it('refuses unknown and ambiguous words, naming what may be written', () => {
    const unknown = readEnum('visitMode', '飞鸽传书');
    expect(unknown).toMatchObject({ ok: false });
    expect(!unknown.ok && unknown.message).toContain('实地、电话、座谈、线上');
    expect(readEnum('satisfaction', '一般').ok).toBe(false);
    // Decorated words are read, negated ones are not.
    expect(readEnum('demandStatus', '已办结（实质解决）')).toEqual({ ok: true, value: 'closed' });
    expect(readEnum('visitMode', '实地走访调研')).toEqual({ ok: true, value: 'onsite' });
    expect(readEnum('demandStatus', '未完成').ok).toBe(false);
    expect(readEnum('demandStatus', '尚未办结')).toEqual({ ok: true, value: 'in_progress' });
  });

  it('every Chinese label the app writes reads back as its value (exports re-import)', () => {
    for (const group of Object.keys(ENUM_VALUES) as EnumGroup[]) {
      if (group === 'industry') continue;
      for (const value of ENUM_VALUES[group]) {
        const label = ENUM_LABELS[group][value]!;
        expect(readEnum(group, label), `${group}.${value} '${label}'`).toEqual({ ok: true, value });
      }
    }
  });
});

describe('demands written in one cell', () => {
  const titles = (text: string) => {
    const r = readDemandsCell(text);
    if (!r.ok) throw new Error(r.message);
    return r.value.map((d) => [d.categories, d.title]);
  };

  it('accepts labels with colons or brackets, one per line or separated by ；', () => {
    expect(titles('技术攻关: 需要检测设备; 融资：贷款500万')).toEqual([
      [['tech'], '需要检测设备'],
      [['finance'], '贷款500万'],
    ]);
    expect(titles('【人才】引进博士\n[专利]布局海外专利\n技术、人才：共建实验室')).toEqual([
      [['talent'], '引进博士'],
      [['ip'], '布局海外专利'],
      [['tech', 'talent'], '共建实验室'],
    ]);
  });

  it('accepts numbered items, also circled numbers inside a line', () => {
    expect(titles('1、技术：检测设备\n2. 融资：贷款\n(3)政策：高企申报')).toEqual([
      [['tech'], '检测设备'],
      [['finance'], '贷款'],
      [['policy'], '高企申报'],
    ]);
    expect(titles('①技术：检测 ②融资：贷款')).toEqual([
      [['tech'], '检测'],
      [['finance'], '贷款'],
    ]);
  });

  it('a demand without a label takes the row category later (null here); ； inside a text does not split it', () => {
    expect(titles('希望对接高校专家；解决热处理变形问题')).toEqual([
      [null, '希望对接高校专家；解决热处理变形问题'],
    ]);
  });

  it('无, / and empty cells mean no demand; a long text is cut for the title and kept as the description', () => {
    expect(titles('无')).toEqual([]);
    expect(titles('/')).toEqual([]);
    const long = `技术：${'需要'.repeat(40)}。其余说明`;
    const r = readDemandsCell(long);
    expect(r.ok && r.value[0]!.title).toBe(`${'需要'.repeat(30).slice(0, 59)}…`);
    expect(r.ok && readDemandsCell(`技术：${r.value[0]!.title}`)).toMatchObject({
      ok: true,
      value: [{ title: r.ok && r.value[0]!.title, description: null }],
    });
    expect(r.ok && r.value[0]!.description).toBe(long.slice(3));
  });

  it('an unknown short label is an error, not silently "other"', () => {
    const r = readDemandsCell('技朮攻关：需要检测设备');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('技朮攻关');
  });
});
