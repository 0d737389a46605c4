import type { Role } from '@shared/domain/enums';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { makeCore, snapshot, VALID_USCC, type TestCore } from '../helpers';
import { call } from '../../src-main/dispatch';
import { VISITS_WITH_DEMANDS_HEADER, aerr, aok, staffNamed, xlsxFile, type Cell } from './ledgerFixtures';
import { freshUscc, withWrongCheck, type Demand } from './fixtures';
import { say } from '@shared/messages';

// Importing rows: what each kind creates, how bad rows are reported (row and column as the
// user sees them in Excel), that a dry run and a failed import change nothing, and that
// importing the same file twice changes nothing.

const [U1, U2] = VALID_USCC as [string, string];

function world(role?: Role): { t: TestCore; staff: Record<string, string> } {
  const t = makeCore(role ? { role } : {});
  return { t, staff: staffNamed(t, '张三', '李四') };
}

describe('bad rows are rejected with their row and column; good rows are imported', () => {
  it('visits with demands: every kind of problem', async () => {
    const { t } = world();
    const u3 = freshUscc();
    const path = await xlsxFile({
      rows: [
        ['2026年走访及需求台账'],
        VISITS_WITH_DEMANDS_HEADER,
        [
          '福州示例科技有限公司',
          U1,
          '2026-03-05',
          '实地',
          '张三',
          '正常',
          '技术：检测设备',
          '已办结',
          '2026-03-20',
        ], // 3 ok
        ['坏代码企业', withWrongCheck(U2), '2026-03-05', '实地', '张三', '', '', '', ''], // 4 bad USCC
        ['北京示例精密有限公司', U2, '2026-03-06', '电话', '王五', '', '', '', ''], // 5 unknown staff
        ['北京示例精密有限公司', U2, '2026-02-30', '电话', '李四', '', '', '', ''], // 6 bad date
        ['北京示例精密有限公司', U2, '2026-03-07', '飞鸽传书', '李四', '', '', '', ''], // 7 unknown enum word
        [null, null, '2026-03-08', '电话', '李四', '', '', '', ''], // 8 missing enterprise
        ['北京示例精密有限公司', U2, '2026-03-09', '电话', null, '', '', '', ''], // 9 missing lead
        ['北京示例精密有限公司', U2, '2027-01-01', '电话', '李四', '', '', '', ''], // 10 future date
        ['北京示例精密有限公司', U2, '2026-03-10', '电话', '李四', '', '融资：贷款', '已办结', null], // 11 closed, no date
        ['北京示例精密有限公司', U2, '2026-03-11', '电话', '李四', '', '融资：贷款', '已办结', '2026-03-01'], // 12 closed before received
        ['北京示例精密有限公司', U2, '2026-03-12', '电话', '李四', '', '技朮：设备', '', ''], // 13 unknown category
        ['北京示例精密有限公司', U2, '2026-03-13', '电话', '李四', '', '融资：贷款', '等通知', ''], // 14 unknown status word
        ['不在库里的企业', null, '2026-03-14', '电话', '李四', '', '', '', ''], // 15 unknown name, no USCC
        ['新企业有限公司', u3, '2026-03-15', '电话', '李四', '', '', '', ''], // 16 ok: creates the enterprise
      ],
    });
    const result = await aok(t, 'ledger.import', { path });
    const where = result.errors.map((e) => [e.row, e.column]);
    expect(where).toEqual([
      [4, '统一社会信用代码'],
      [5, '走访人员'],
      [6, '走访日期'],
      [7, '走访方式'],
      [8, '企业名称'],
      [9, '走访人员'],
      [10, '走访日期'],
      [11, '办结时间'],
      [12, '办结时间'],
      [13, '企业需求'],
      [14, '办理状态'],
      [15, '企业名称'],
    ]);
    const message = (row: number) => result.errors.find((e) => e.row === row)!.message;
    // The reasons are Chinese, the ledgers' language, with no English gloss.
    for (const e of result.errors) expect(e.message, e.message).not.toMatch(/[A-Za-z]{3,}/);
    expect(message(4)).toMatch(/^信用代码有误：校验位是“.”，应为“L”$/);
    expect(message(5)).toContain('王五');
    expect(message(6)).toContain('2026-02-30');
    expect(message(7)).toContain('飞鸽传书');
    expect(message(8)).toBe('必填项为空：企业名称 或 统一社会信用代码');
    expect(message(10)).toContain('不能晚于今天');
    expect(message(11)).toContain('办结时间');
    expect(message(12)).toContain('不能早于上一步');
    expect(message(13)).toContain('技朮');
    expect(message(15)).toContain('统一社会信用代码');
    expect(result).toMatchObject({
      dataRows: 14,
      created: 2,
      updated: 0,
      skipped: 0,
      rejected: 12,
      enterprisesCreated: 2,
    });
    expect(result.unknownStaff).toEqual(['王五']);
    // A rejected row leaves nothing behind: only the good rows' records exist.
    expect(t.ok('visits.list', {}).total).toBe(2);
    expect(
      t
        .ok('enterprises.list', {})
        .rows.map((e) => e.name)
        .sort(),
    ).toEqual(['新企业有限公司', '福州示例科技有限公司']);
    expect(t.ok('demands.list', {}).total).toBe(1);
  });

  it('demands: missing title, bad received date, unknown category, unknown assignee, due before received', async () => {
    const { t } = world();
    t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '需求类别', '需求内容', '受理时间', '承办人', '办理期限', '办理状态'],
        ['福州示例科技有限公司', '技术', '检测设备', '2026-03-05', '张三', '2026-03-12', '已交办'], // 2 ok
        ['福州示例科技有限公司', '技术', null, '2026-03-05', '张三', null, null], // 3 no title
        ['福州示例科技有限公司', '技术', '贷款', '三月五日', '张三', null, null], // 4 bad date
        ['福州示例科技有限公司', '天气', '贷款', '2026-03-05', '张三', null, null], // 5 unknown category
        ['福州示例科技有限公司', '融资', '贷款', '2026-03-05', '赵六', null, null], // 6 unknown assignee
        ['福州示例科技有限公司', '融资', '担保', '2026-03-05', '张三', '2026-03-01', null], // 7 due before received
      ],
    });
    const result = await aok(t, 'ledger.import', { path });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '需求内容'],
      [4, '受理时间'],
      [5, '需求类别'],
      [6, '承办人'],
      [7, '办理期限'],
    ]);
    expect(result).toMatchObject({ created: 1, rejected: 5 });
  });

  it('follow-ups: unknown parent demand, unknown enterprise, bad satisfaction word', async () => {
    const { t } = world();
    const e = t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    t.ok('demands.create', {
      enterpriseId: e.id,
      categories: ['tech'],
      title: '检测设备',
      receivedAt: '2026-03-05',
    });
    const path = await xlsxFile({
      rows: [
        ['企业名称', '需求标题', '回访日期', '回访人', '回访方式', '回访内容', '满意度'],
        ['福州示例科技有限公司', '检测设备', '2026-03-10', '张三', '电话', '已对接', '满意'], // 2 ok
        ['福州示例科技有限公司', '不存在的需求', '2026-03-10', '张三', '电话', '', '满意'], // 3
        ['没有的企业', '检测设备', '2026-03-10', '张三', '电话', '', '满意'], // 4
        ['福州示例科技有限公司', '检测设备', '2026-03-11', '张三', '电话', '', '还行吧'], // 5
      ],
    });
    const result = await aok(t, 'ledger.import', { path });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '需求标题'],
      [4, '企业名称'],
      [5, '满意度'],
    ]);
    expect(result).toMatchObject({ kind: 'followups', created: 1, rejected: 3 });
  });

  it('a required column that is not there refuses the import and names it', async () => {
    const { t } = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '走访日期', '走访情况'],
        ['福州示例科技有限公司', '2026-03-05', 'x'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.missingRequired).toEqual([{ fields: ['leadStaff'], label: '走访人' }]);
    expect(preview.rows[0]!.errors[0]).toMatchObject({ column: null, field: 'leadStaff' });
    const e = await aerr(t, 'ledger.import', { path });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'mapping' } });
    expect(e.message).toContain('走访人');
  });
});

describe('a ledger records demands closed before the app knew them', () => {
  it('imports 已办结 rows for a staff member, though no follow-up is on record', async () => {
    const { t } = world('staff');
    const path = await xlsxFile({
      rows: [
        VISITS_WITH_DEMANDS_HEADER,
        [
          '福州示例科技有限公司',
          U1,
          '2026-03-05',
          '实地',
          '张三',
          '正常',
          '技术：检测设备',
          '已办结',
          '2026-03-20',
        ],
      ],
    });
    expect(await aok(t, 'ledger.import', { path })).toMatchObject({ created: 1, rejected: 0 });
    const [demand] = t.ok('demands.list', {}).rows;
    expect(demand?.status).toBe('closed');
  });
});

describe('nothing is written unless the import runs, and then all or nothing', () => {
  async function mixedFile(): Promise<string> {
    return xlsxFile({
      rows: [
        VISITS_WITH_DEMANDS_HEADER,
        [
          '福州示例科技有限公司',
          U1,
          '2026-03-05',
          '实地',
          '张三',
          '正常',
          '技术：检测设备；融资：贷款',
          '已办结',
          '2026-03-20',
        ],
        ['北京示例精密有限公司', U2, '2026-03-06', '电话', '李四', 'boom', '人才：引进博士', '办理中', ''],
        ['北京示例精密有限公司', U2, '2026-02-30', '电话', '李四', '', '', '', ''],
      ],
    });
  }

  it('preview and dry run write nothing and report what the import then does', async () => {
    const { t } = world();
    const path = await mixedFile();
    const before = snapshot(t.core);
    const preview = await aok(t, 'ledger.preview', { path });
    const dry = await aok(t, 'ledger.import', { path, dryRun: true });
    expect(snapshot(t.core)).toEqual(before);
    expect(dry.backup).toBeNull();
    const real = await aok(t, 'ledger.import', { path });
    const counts = (r: typeof dry) => [
      r.created,
      r.updated,
      r.skipped,
      r.rejected,
      r.enterprisesCreated,
      r.errors,
    ];
    expect(counts(dry)).toEqual(counts(real));
    expect(counts(preview as unknown as typeof dry)).toEqual(counts(real));
    expect(real).toMatchObject({ dryRun: false, created: 2, rejected: 1, enterprisesCreated: 2 });
    expect(real.backup && existsSync(real.backup)).toBe(true);
    expect(snapshot(t.core)).not.toEqual(before);
  });

  it('a failure that is not a row problem leaves the database exactly as before', async () => {
    const { t } = world();
    const path = await mixedFile();
    // The second visit hits a storage failure after the first row has been written.
    t.core.store.db.exec(
      `CREATE TEMP TRIGGER boom BEFORE INSERT ON main.visits WHEN NEW."summary" = 'boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    const before = snapshot(t.core);
    const e = await aerr(t, 'ledger.import', { path });
    expect(e).toMatchObject({ code: 'INTERNAL' });
    expect(e.message).toContain('disk on fire');
    expect(snapshot(t.core)).toEqual(before);
    t.core.store.db.exec(`DROP TRIGGER temp.boom`);
    expect((await aok(t, 'ledger.import', { path })).created).toBe(2);
  });

  it('importing the same file again changes nothing', async () => {
    const { t } = world();
    const path = await mixedFile();
    const first = await aok(t, 'ledger.import', { path });
    const after = snapshot(t.core);
    const again = await aok(t, 'ledger.import', { path });
    expect(snapshot(t.core)).toEqual(after);
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      skipped: first.created,
      rejected: 1,
      enterprisesCreated: 0,
    });
  });

  it('the same row twice in one file is one record', async () => {
    const { t } = world();
    const row: Cell[] = [
      '福州示例科技有限公司',
      U1,
      '2026-03-05',
      '实地',
      '张三',
      '正常',
      '技术：检测设备',
      '',
      '',
    ];
    const result = await aok(t, 'ledger.import', {
      path: await xlsxFile({ rows: [VISITS_WITH_DEMANDS_HEADER, row, row] }),
    });
    expect(result).toMatchObject({ created: 1, skipped: 1 });
    expect(t.ok('demands.list', {}).total).toBe(1);
  });
});

describe('demands reach their status by legal workflow moves', () => {
  const header: Cell[] = [
    '企业名称',
    '需求类别',
    '需求内容',
    '受理时间',
    '交办时间',
    '反馈时间',
    '办结时间',
    '办理状态',
    '办结方式',
    '办理结果',
    '承办人',
  ];
  const rows: Cell[][] = [
    ['福州示例科技有限公司', '技术', 'pending', '2026-03-01', null, null, null, '待受理', null, null, null],
    [
      '福州示例科技有限公司',
      '技术',
      'assigned',
      '2026-03-01',
      '2026-03-02',
      null,
      null,
      '已交办',
      null,
      null,
      '张三',
    ],
    [
      '福州示例科技有限公司',
      '技术',
      'in_progress',
      '2026-03-01',
      '2026-03-02',
      null,
      null,
      '办理中',
      null,
      null,
      null,
    ],
    [
      '福州示例科技有限公司',
      '技术',
      'on_hold',
      '2026-03-01',
      '2026-03-02',
      null,
      null,
      '挂起',
      null,
      null,
      '李四',
    ],
    [
      '福州示例科技有限公司',
      '技术',
      'answered',
      '2026-03-01',
      '2026-03-02',
      '2026-03-04',
      null,
      '已反馈',
      null,
      null,
      '张三',
    ],
    [
      '福州示例科技有限公司',
      '融资',
      'closed',
      '2026-03-01 09:30',
      '2026-03-02',
      '2026-03-04',
      '2026-03-09 16:00',
      '已办结',
      '部分解决',
      '协调银行放款',
      '张三',
    ],
    [
      '福州示例科技有限公司',
      '融资',
      'closed-defaults',
      '2026-03-01',
      null,
      null,
      '2026-03-10',
      '办结',
      null,
      null,
      null,
    ],
    [
      '福州示例科技有限公司',
      '政策',
      'rejected',
      '2026-03-01',
      null,
      null,
      '2026-03-03',
      '不予受理',
      null,
      '不属于科技局职能',
      null,
    ],
  ];

  it('status, history, closedAt, closure type and resolution come from the row', async () => {
    const { t, staff } = world();
    t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const result = await aok(t, 'ledger.import', { path: await xlsxFile({ rows: [header, ...rows] }) });
    expect(result).toMatchObject({ created: rows.length, rejected: 0 });
    const byTitle: Record<string, Demand> = Object.fromEntries(
      t.ok('demands.list', {}).rows.map((d) => [d.title, t.ok('demands.get', { id: d.id })]),
    );
    for (const status of ['pending', 'assigned', 'in_progress', 'on_hold', 'answered', 'rejected'] as const) {
      expect(byTitle[status]!.status, status).toBe(status);
    }
    const moves = (title: string) => byTitle[title]!.history!.map((h) => [h.from, h.to, h.at]);
    expect(moves('answered')).toEqual([
      [null, 'pending', '2026-02-28T16:00:00.000Z'],
      ['pending', 'assigned', '2026-03-01T16:00:00.000Z'],
      ['assigned', 'in_progress', '2026-03-01T16:00:00.000Z'],
      ['in_progress', 'answered', '2026-03-03T16:00:00.000Z'],
    ]);
    const closed = byTitle.closed!;
    expect(closed).toMatchObject({
      status: 'closed',
      receivedAt: '2026-03-01T01:30:00.000Z',
      closedAt: '2026-03-09T08:00:00.000Z',
      closureType: 'partial',
      resolution: '协调银行放款',
      assigneeStaffId: staff['张三'],
    });
    expect(closed.history!.map((h) => h.to)).toEqual([
      'pending',
      'assigned',
      'in_progress',
      'answered',
      'closed',
    ]);
    // Defaults: substantive, '台账导入', and "me" as the assignee when the row names nobody.
    expect(byTitle['closed-defaults']).toMatchObject({
      status: 'closed',
      closureType: 'substantive',
      resolution: '台账导入',
      closedAt: '2026-03-09T16:00:00.000Z',
      assigneeStaffId: t.meId,
    });
    expect(byTitle.rejected!.history!.at(-1)).toMatchObject({ to: 'rejected', note: '不属于科技局职能' });
    expect(byTitle.on_hold!.assigneeStaffId).toBe(staff['李四']);
  });

  it('a re-imported demand moves on to a status it never had, but is not closed again after a reopening', async () => {
    const { t } = world();
    t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const h: Cell[] = ['企业名称', '需求类别', '需求内容', '受理时间', '办结时间', '办理状态', '承办人'];
    const early = await xlsxFile({
      rows: [h, ['福州示例科技有限公司', '技术', '检测设备', '2026-03-01', null, '已交办', '张三']],
    });
    const later = await xlsxFile({
      rows: [h, ['福州示例科技有限公司', '技术', '检测设备', '2026-03-01', '2026-03-20', '已办结', '张三']],
    });
    expect((await aok(t, 'ledger.import', { path: early })).created).toBe(1);
    expect((await aok(t, 'ledger.import', { path: later })).updated).toBe(1);
    const d = t.ok('demands.list', {}).rows[0]!;
    expect(d).toMatchObject({ status: 'closed', closedAt: '2026-03-19T16:00:00.000Z' });
    t.ok('demands.transition', { id: d.id, to: 'in_progress', note: '企业反映未解决' });
    const before = snapshot(t.core);
    const preview = await aok(t, 'ledger.preview', { path: later });
    expect(preview.rows[0]).toMatchObject({
      outcome: 'skip',
      notes: [expect.stringContaining('保留系统中的状态')],
    });
    expect((await aok(t, 'ledger.import', { path: later })).skipped).toBe(1);
    expect(snapshot(t.core)).toEqual(before);
    expect(t.ok('demands.get', { id: d.id }).status).toBe('in_progress');
  });
});

describe('enterprises, staff and other kinds', () => {
  it('an enterprise list creates enterprises and completes existing ones without overwriting', async () => {
    const { t, staff } = world();
    const existing = t.ok('enterprises.create', {
      uscc: U1,
      name: '福州示例科技有限公司',
      town: '城东街道',
      tiers: [{ tier: 'tech_sme', year: 2025 }],
    });
    const path = await xlsxFile({
      rows: [
        [
          '企业名称',
          '统一社会信用代码',
          '所属镇街',
          '行业',
          '企业资质',
          '包联人',
          '联系人',
          '联系电话',
          '地址',
        ],
        [
          '福州示例科技有限公司',
          U1,
          '城西街道',
          'C39',
          '高企(2024)、科技型中小企业(2025)',
          '张三',
          '王总',
          '0591-87654321',
          '软件园A座',
        ],
        [
          '北京示例精密有限公司',
          U2,
          '城南镇',
          '制造业',
          '专精特新“小巨人”',
          '李四',
          '赵工、钱经理',
          '13800000000、13900000000',
          null,
        ],
      ],
    });
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({
      kind: 'enterprises',
      created: 1,
      updated: 1,
      rejected: 0,
      enterprisesCreated: 0,
    });
    const updated = t.ok('enterprises.get', { id: existing.id });
    expect(updated).toMatchObject({
      town: '城东街道',
      industry: 'C39',
      liaisonStaffId: staff['张三'],
      address: '软件园A座',
    });
    expect(updated.tiers!.map((x) => [x.tier, x.year])).toEqual([
      ['tech_sme', 2025],
      ['high_tech', 2024],
    ]);
    expect(updated.contacts).toEqual([{ name: '王总', title: null, phone: '0591-87654321' }]);
    const created = t.ok('enterprises.list', { filter: { uscc: U2 } }).rows[0]!;
    expect(created).toMatchObject({ name: '北京示例精密有限公司', town: '城南镇', industry: 'C' });
    expect(created.tiers!.map((x) => x.tier)).toEqual(['little_giant']);
    expect(created.contacts!.map((c) => [c.name, c.phone])).toEqual([
      ['赵工', '13800000000'],
      ['钱经理', '13900000000'],
    ]);
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview).toMatchObject({ created: 0, updated: 0, skipped: 2 });
    expect(preview.rows[0]!.notes).toEqual([
      expect.stringContaining('镇街：表中为「城西街道」，系统中为「城东街道」'),
    ]);
  });

  it('unknown staff are rejected unless createStaff adds them', async () => {
    const { t } = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '走访人员', '同行人员'],
        ['福州示例科技有限公司', U1, '2026-03-05', '王五', '张三、赵六'],
      ],
    });
    const refused = await aok(t, 'ledger.preview', { path });
    expect(refused).toMatchObject({ rejected: 1, unknownStaff: ['王五', '赵六'] });
    expect(refused.errors.map((e) => [e.column, e.message.slice(0, 10)])).toEqual([
      ['走访人员', "未知的人员 '王五'"],
      ['同行人员', "未知的人员 '赵六'"],
    ]);
    const before = snapshot(t.core);
    const dry = await aok(t, 'ledger.import', { path, createStaff: true, dryRun: true });
    expect(dry).toMatchObject({ created: 1, staffCreated: ['王五', '赵六'] });
    expect(snapshot(t.core)).toEqual(before);
    const result = await aok(t, 'ledger.import', { path, createStaff: true });
    expect(result).toMatchObject({ created: 1, staffCreated: ['王五', '赵六'] });
    const v = t.ok('visits.list', {}).rows[0]!;
    expect(v.leadStaffName).toBe('王五');
    expect(v.staffIds).toHaveLength(3);
  });

  it('an imported visit is the visit visits.create would make', async () => {
    const { t, staff } = world();
    const e = t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const made = t.ok('visits.create', {
      enterpriseId: e.id,
      date: '2026-03-04',
      mode: 'meeting',
      leadStaffId: staff['张三'],
      staffIds: [staff['李四']!],
      peopleMet: '王总',
      summary: '座谈',
      policiesExplained: '研发费用加计扣除',
      solvedOnSite: true,
      enterpriseConfirmed: true,
    });
    const path = await xlsxFile({
      rows: [
        [
          '企业名称',
          '走访日期',
          '走访方式',
          '走访人',
          '同行人员',
          '接待人员',
          '走访情况',
          '宣讲政策',
          '现场解决',
          '企业确认',
        ],
        [
          '福州示例科技有限公司',
          '2026-03-05',
          '座谈',
          '张三',
          '李四',
          '王总',
          '座谈',
          '研发费用加计扣除',
          '是',
          '是',
        ],
      ],
    });
    await aok(t, 'ledger.import', { path });
    const imported = t.ok('visits.list', { filter: { date: '2026-03-05' } }).rows[0]!;
    const strip = (v: Record<string, unknown>) => {
      const { id: _id, date: _date, visitNo, createdAt: _c, updatedAt: _u, ...rest } = v;
      return { ...rest, visitSeries: String(visitNo).slice(0, -4) };
    };
    expect(strip(t.ok('visits.get', { id: imported.id }))).toEqual(
      strip(t.ok('visits.get', { id: made.id })),
    );
    expect(imported.visitNo).not.toBe(made.visitNo);
  });

  it('follow-ups find their demand or visit; a dissatisfied one reopens an answered demand', async () => {
    const { t } = world();
    const e = t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const d = t.ok('demands.create', {
      enterpriseId: e.id,
      categories: ['tech'],
      title: '检测设备',
      receivedAt: '2026-03-01',
    });
    for (const to of ['assigned', 'in_progress', 'answered'] as const) {
      t.ok('demands.transition', { id: d.id, to, assigneeStaffId: t.meId, at: '2026-03-02' });
    }
    const v = t.ok('visits.create', { enterpriseId: e.id, date: '2026-03-03', mode: 'onsite' });
    const path = await xlsxFile({
      rows: [
        [
          '企业名称',
          '回访对象',
          '需求标题',
          '走访日期',
          '回访日期',
          '回访人',
          '回访方式',
          '回访内容',
          '满意度',
        ],
        [
          '福州示例科技有限公司',
          '需求',
          '检测设备',
          null,
          '2026-03-10',
          '张三',
          '电话',
          '设备仍未到位',
          '不满意',
        ],
        [
          '福州示例科技有限公司',
          '走访',
          null,
          '2026-03-03',
          '2026-03-11',
          '李四',
          '上门',
          '了解落实情况',
          '满意',
        ],
      ],
    });
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    const fs = t.ok('followups.list', { sort: [{ field: 'doneAt', dir: 'asc' }] }).rows;
    expect(fs.map((f) => [f.parentType, f.parentId, f.channel, f.satisfaction])).toEqual([
      ['demand', d.id, 'phone', 'dissatisfied'],
      ['visit', v.id, 'onsite', 'satisfied'],
    ]);
    expect(t.ok('demands.get', { id: d.id }).status).toBe('in_progress');
    expect((await aok(t, 'ledger.import', { path })).skipped).toBe(2);
  });
});

describe('mappings', () => {
  const odd: Cell[] = ['单位', '哪天', '谁去的', '干了啥'];
  const row: Cell[] = ['福州示例科技有限公司', '2026-03-05', '张三', '了解需求'];

  it('the user corrects the mapping, saves it, and the next file of that shape uses it', async () => {
    const { t } = world();
    t.ok('enterprises.create', { uscc: U1, name: '福州示例科技有限公司' });
    const first = await xlsxFile({ rows: [odd, row] });
    const auto = await aok(t, 'ledger.preview', { path: first, kind: 'visits' });
    expect(auto.missingRequired.map((m) => m.fields)).toEqual(
      expect.arrayContaining([['visitDate'], ['leadStaff']]),
    );
    const mapping = { enterpriseName: '单位', visitDate: '哪天', leadStaff: 2, summary: 'D' };
    const fixed = await aok(t, 'ledger.preview', { path: first, kind: 'visits', mapping });
    expect(fixed.missingRequired).toEqual([]);
    expect(fixed.mapping.map((m) => [m.field, m.letter, m.source])).toEqual([
      ['enterpriseName', 'A', 'user'],
      ['visitDate', 'B', 'user'],
      ['leadStaff', 'C', 'user'],
      ['summary', 'D', 'user'],
    ]);
    const saved = t.ok('ledger.mappings.save', {
      name: '街道走访表',
      kind: 'visits',
      headers: fixed.headers.map((h) => h.text),
      mapping,
    });
    expect(saved).toMatchObject({ name: '街道走访表', kind: 'visits', signature: fixed.signature });
    expect(saved.mapping).toEqual({
      enterpriseName: '单位',
      visitDate: '哪天',
      leadStaff: '谁去的',
      summary: '干了啥',
    });

    // Same headers in another order, no kind and no mapping given: the saved mapping applies.
    const second = await xlsxFile({
      rows: [
        [odd[3], odd[2], odd[1], odd[0]],
        [row[3], row[2], '2026-03-06', row[0]],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path: second });
    expect(preview).toMatchObject({
      savedMapping: '街道走访表',
      kind: 'visits',
      signature: fixed.signature,
      created: 1,
    });
    expect((await aok(t, 'ledger.import', { path: second })).created).toBe(1);

    expect(t.ok('ledger.mappings.list', {}).rows.map((m) => m.name)).toEqual(['街道走访表']);
    expect(t.ok('ledger.mappings.list', { kind: 'demands' }).rows).toEqual([]);
    t.ok('ledger.mappings.delete', { name: '街道走访表' });
    expect(t.err('ledger.mappings.delete', { name: '街道走访表' }).code).toBe('NOT_FOUND');
    expect((await aok(t, 'ledger.preview', { path: second })).savedMapping).toBeNull();
  });

  it('refuses mappings that name unknown fields or columns', async () => {
    const { t } = world();
    const path = await xlsxFile({ rows: [odd, row] });
    expect(
      (await aerr(t, 'ledger.preview', { path, kind: 'visits', mapping: { weather: '单位' } })).details.field,
    ).toBe('mapping.weather');
    expect(
      (await aerr(t, 'ledger.preview', { path, kind: 'visits', mapping: { visitDate: '生日' } })).details
        .field,
    ).toBe('mapping.visitDate');
    expect(
      (await aerr(t, 'ledger.preview', { path, kind: 'visits', mapping: { visitDate: 9 } })).details.field,
    ).toBe('mapping.visitDate');
    expect((await aerr(t, 'ledger.preview', { path, savedMappingName: '没有' })).code).toBe('NOT_FOUND');
    expect(
      t.err('ledger.mappings.save', { name: 'x', kind: 'visits', headers: odd, mapping: { weather: '单位' } })
        .details.field,
    ).toBe('mapping.weather');
  });
});

describe('the API door', () => {
  it('call() refuses the asynchronous methods after checking their input; callAsync runs them', async () => {
    const { t } = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '走访日期', '走访人'],
        ['福州示例科技有限公司', '2026-03-05', '张三'],
      ],
    });
    const bad = call(t.core, 'ledger.import', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { field: 'path' } } });
    const sync = call(t.core, 'ledger.import', { path });
    expect(sync).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(!sync.ok && sync.error.message).toContain('callAsync');
    expect((await aerr(t, 'ledger.import', { path, contentBase64: 'AAAA' })).details.field).toBe('path');
    expect((await aerr(t, 'ledger.import', { path: '/nonexistent/ledger.xlsx' })).message).toContain(
      'no such file',
    );
    expect((await aerr(t, 'ledger.import', { path, rejectsPath: '/tmp/rejects.txt' })).details.field).toBe(
      'rejectsPath',
    );
  });

  // #16: .xls is read now; this header with nothing behind it is a damaged workbook.
  it('refuses a damaged .xls workbook with a clear message', async () => {
    const { t } = world();
    const ole = Buffer.alloc(512);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    const e = await aerr(t, 'ledger.preview', {
      contentBase64: ole.toString('base64'),
      fileName: '台账.xls',
    });
    expect(e).toMatchObject({ code: 'VALIDATION', details: { field: 'contentBase64', reason: 'damaged' } });
    expect(e.details.msg?.key).toBe('ledger.damaged');
    expect(say('zh', e.details.msg!)).toContain('文件已损坏');
  });
});
