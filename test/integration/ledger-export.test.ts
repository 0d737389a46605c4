import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeCore, snapshot, tempDir, VALID_USCC, type TestCore } from '../helpers';
import { cli } from '../cli';
import { startWebServer } from '../../src-main/doors/web/server';
import { parseCsv } from '../../src-main/features/ledger/csvRead';
import { aerr, aok, readBack, staffNamed, xlsxFile, type Cell } from './ledgerFixtures';

// Getting lists out (what the grid shows, in Chinese, dates as dates), the rejects report,
// and the round trip: import → export → import gives the same records.

const [U1, U2] = VALID_USCC as [string, string];

function world(): TestCore {
  const t = makeCore();
  staffNamed(t, '张三', '李四');
  return t;
}

async function ledgerDb(t: TestCore): Promise<void> {
  const enterprises = await xlsxFile({
    rows: [
      [
        '企业名称',
        '统一社会信用代码',
        '曾用名',
        '所属镇街',
        '地址',
        '行业',
        '企业资质',
        '包联人',
        '联系人',
        '职务',
        '联系电话',
        '企业状态',
      ],
      [
        '福州示例科技有限公司',
        U1,
        '福州示例软件有限公司',
        '城东街道',
        '软件园A座',
        'I65',
        '高新技术企业(2024)、科技型中小企业(2025)',
        '张三',
        '王总、赵工',
        '总经理、无',
        '0591-87654321、无',
        '正常',
      ],
      [
        '北京示例精密有限公司',
        U2,
        null,
        '城南镇',
        null,
        'C',
        '专精特新',
        '李四',
        '钱经理',
        null,
        '13800000000',
        '失联',
      ],
    ],
  });
  const visits = await xlsxFile({
    rows: [
      [
        '企业名称',
        '走访日期',
        '走访方式',
        '走访人员',
        '同行人员',
        '接待人员',
        '走访情况',
        '宣讲政策',
        '现场解决',
        '企业需求',
        '办理状态',
        '办结时间',
        '办结方式',
        '办理结果',
      ],
      [
        '福州示例科技有限公司',
        '2026-03-05',
        '实地',
        '张三',
        '李四',
        '王总',
        '经营稳定',
        '研发费用加计扣除',
        '是',
        `技术：${'检测设备'.repeat(20)}；融资：贷款500万`,
        '已办结',
        '2026-03-20 15:30',
        '部分解决',
        '协调银行',
      ],
      [
        '北京示例精密有限公司',
        '2026-03-06',
        '电话',
        '李四',
        null,
        '钱经理',
        '询问高企申报',
        null,
        '否',
        '【政策】高企申报辅导',
        '办理中',
        null,
        null,
        null,
      ],
      [
        '北京示例精密有限公司',
        '2026-04-01',
        '视频',
        '张三',
        null,
        null,
        '线上回访',
        null,
        null,
        '无',
        null,
        null,
        null,
        null,
      ],
    ],
  });
  const followups = await xlsxFile({
    rows: [
      [
        '企业名称',
        '需求标题',
        '回访日期',
        '回访人',
        '回访方式',
        '回访内容',
        '回访结果',
        '满意度',
        '下次回访日期',
      ],
      [
        '福州示例科技有限公司',
        '贷款500万',
        '2026-03-25 10:00',
        '张三',
        '电话',
        '放款情况',
        '已放款',
        '满意',
        null,
      ],
      [
        '北京示例精密有限公司',
        '高企申报辅导',
        '2026-03-28',
        '李四',
        '上门',
        '材料准备',
        '还在准备',
        '基本满意',
        '2026-04-28',
      ],
    ],
  });
  for (const path of [enterprises, visits, followups]) {
    const r = await aok(t, 'ledger.import', { path });
    expect(r.rejected, JSON.stringify(r.errors)).toBe(0);
  }
}

/** The records of a database without ids, numbers and stamps: what a round trip must keep. */
function records(t: TestCore) {
  const all = { limit: 10_000 } as const;
  const enterprises = t.ok('enterprises.list', all).rows.map((e) => ({
    uscc: e.uscc,
    name: e.name,
    formerNames: e.formerNames,
    town: e.town,
    address: e.address ?? null,
    industry: e.industry,
    tiers: e.tiers,
    liaison: e.liaisonName,
    contacts: e.contacts,
    status: e.status,
  }));
  const staffName = (id: string) => t.ok('staff.get', { id }).name;
  const visits = t.ok('visits.list', all).rows.map((v) => ({
    enterprise: v.enterpriseName,
    date: v.date,
    mode: v.mode,
    lead: v.leadStaffName,
    staff: (v.staffIds ?? []).map(staffName).sort(),
    peopleMet: v.peopleMet ?? null,
    summary: v.summary ?? null,
    policies: v.policiesExplained ?? null,
    solvedOnSite: v.solvedOnSite,
    enterpriseConfirmed: v.enterpriseConfirmed,
    status: v.status,
  }));
  const demands = t.ok('demands.list', all).rows.map((d) => ({
    enterprise: d.enterpriseName,
    title: d.title,
    categories: d.categories,
    description: d.description ?? null,
    source: d.source,
    visitDate: d.sourceVisitId ? t.ok('visits.get', { id: d.sourceVisitId }).date : null,
    level: d.level,
    assignee: d.assigneeName,
    responsibleUnit: d.responsibleUnit ?? null,
    receivedAt: d.receivedAt,
    dueDate: d.dueDate,
    complex: d.complex,
    status: d.status,
    closureType: d.closureType,
    closedAt: d.closedAt,
    resolution: d.resolution,
  }));
  const followups = t.ok('followups.list', all).rows.map((f) => ({
    parentType: f.parentType,
    parent: f.parentTitle,
    owner: f.ownerName,
    dueDate: f.dueDate ?? null,
    doneAt: f.doneAt,
    channel: f.channel,
    content: f.content,
    result: f.result,
    satisfaction: f.satisfaction,
    next: f.nextFollowupDate ?? null,
  }));
  const order = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return {
    enterprises: enterprises.sort(order),
    visits: visits.sort(order),
    demands: demands.sort(order),
    followups: followups.sort(order),
  };
}

describe('exporting a list', () => {
  it('writes what the grid shows: its filter, sort and columns, Chinese headers and words, dates as dates', async () => {
    const t = world();
    await ledgerDb(t);
    const out = join(tempDir(), '走访.xlsx');
    const result = await aok(t, 'ledger.export', {
      kind: 'visits',
      filter: { enterpriseName: { contains: '北京' } },
      sort: [{ field: 'date', dir: 'desc' }],
      columns: ['date', 'enterpriseName', 'mode', 'leadStaffName', 'solvedOnSite', 'status'],
      path: out,
    });
    expect(result).toMatchObject({
      path: out,
      format: 'xlsx',
      rows: 2,
      contentBase64: null,
      containsPhones: false,
    });
    expect(result.columns.map((c) => c.label)).toEqual([
      '走访日期',
      '企业名称',
      '走访方式',
      '走访人',
      '现场解决',
      '记录状态',
    ]);
    expect(await readBack(out)).toEqual([
      ['走访日期', '企业名称', '走访方式', '走访人', '现场解决', '记录状态'],
      [new Date('2026-04-01T00:00:00Z'), '北京示例精密有限公司', '线上', '张三', '否', '已提交'],
      [new Date('2026-03-06T00:00:00Z'), '北京示例精密有限公司', '电话', '李四', '否', '已提交'],
    ]);
  });

  it('CSV is UTF-8 with a BOM and CRLF, dates as YYYY-MM-DD, formulas defused', async () => {
    const t = world();
    await ledgerDb(t);
    const e = t.ok('enterprises.list', { filter: { uscc: U1 } }).rows[0]!;
    t.ok('visits.create', {
      enterpriseId: e.id,
      date: '2026-05-01',
      mode: 'onsite',
      summary: '=HYPERLINK("http://x")',
      peopleMet: '+86 138 0000 0000',
    });
    const result = await aok(t, 'ledger.export', {
      kind: 'visits',
      format: 'csv',
      columns: ['date', 'summary', 'peopleMet'],
    });
    expect(result).toMatchObject({ format: 'csv', path: null, rows: 4 });
    const bytes = Buffer.from(result.contentBase64!, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('走访日期,走访情况,接待人员');
    const rows = parseCsv(text, ',').map((r) => r.cells);
    expect(rows[1]).toEqual(['2026-05-01', '=HYPERLINK("http://x")', '+86 138 0000 0000']);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('says when the file holds phone numbers', async () => {
    const t = world();
    await ledgerDb(t);
    expect((await aok(t, 'ledger.export', { kind: 'enterprises' })).containsPhones).toBe(true);
    expect(
      (await aok(t, 'ledger.export', { kind: 'enterprises', columns: ['name', 'town'] })).containsPhones,
    ).toBe(false);
    expect((await aok(t, 'ledger.export', { kind: 'visits' })).containsPhones).toBe(false);
    expect((await aok(t, 'ledger.export', { kind: 'staff', format: 'csv' })).containsPhones).toBe(false);
    t.ok('staff.create', { name: '周七', phone: '13900000000' });
    expect((await aok(t, 'ledger.export', { kind: 'staff', format: 'csv' })).containsPhones).toBe(true);
  });

  it('exports every kind of list with its Chinese headers', async () => {
    const t = world();
    await ledgerDb(t);
    const expert = t.ok('experts.create', { name: '陈教授', organization: '福州大学' });
    const e = t.ok('enterprises.list', {}).rows[0]!;
    t.ok('clinics.create', {
      date: '2026-03-01',
      topic: '数控会诊',
      expertIds: [expert.id],
      enterprises: [{ enterpriseId: e.id }],
      status: 'held',
    });
    const first: Record<string, string> = {
      staff: '姓名',
      experts: '姓名',
      enterprises: '企业名称',
      visits: '走访编号',
      demands: '企业名称',
      clinics: '会诊日期',
      followups: '企业名称',
    };
    for (const kind of [
      'staff',
      'experts',
      'enterprises',
      'visits',
      'demands',
      'clinics',
      'followups',
    ] as const) {
      const r = await aok(t, 'ledger.export', { kind });
      const sheet = await readBack(Buffer.from(r.contentBase64!, 'base64'));
      expect(sheet[0]![0], kind).toBe(first[kind]);
      expect(sheet.length - 1, kind).toBe(r.rows);
      expect(r.rows, kind).toBeGreaterThan(0);
    }
    const clinics = await aok(t, 'ledger.export', { kind: 'clinics' });
    expect((await readBack(Buffer.from(clinics.contentBase64!, 'base64')))[1]).toEqual([
      new Date('2026-03-01T00:00:00Z'),
      '数控会诊',
      null,
      null,
      '已举办',
      '陈教授',
      e.name,
      0,
      0,
    ]);
  });

  it('refuses unknown columns, bad filters and paths whose extension is not the format', async () => {
    const t = world();
    const dir = tempDir();
    expect((await aerr(t, 'ledger.export', { kind: 'visits', columns: ['weather'] })).details.field).toBe(
      'columns.0',
    );
    expect(
      (await aerr(t, 'ledger.export', { kind: 'visits', filter: { weather: 'sunny' } })).details.field,
    ).toBe('filter.weather');
    expect(
      (await aerr(t, 'ledger.export', { kind: 'visits', path: join(dir, 'out.db') })).details.field,
    ).toBe('path');
    expect(
      (await aerr(t, 'ledger.export', { kind: 'visits', path: join(dir, 'out.csv'), format: 'xlsx' })).details
        .field,
    ).toBe('path');
    expect(
      (await aerr(t, 'ledger.export', { kind: 'visits', path: join(dir, 'no/such/dir/out.csv') })).details
        .field,
    ).toBe('path');
    expect((await aerr(t, 'ledger.export', { kind: 'planets' })).details.field).toBe('kind');
  });
});

describe('import → export → import', () => {
  it('gives the same records in a new database, and changes nothing when exported files are imported back', async () => {
    const a = world();
    await ledgerDb(a);
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (const kind of ['enterprises', 'visits', 'demands', 'followups'] as const) {
      files[kind] = join(dir, `${kind}.xlsx`);
      await aok(a, 'ledger.export', { kind, path: files[kind] });
    }
    const before = snapshot(a.core);
    for (const kind of ['enterprises', 'visits', 'demands', 'followups'] as const) {
      const r = await aok(a, 'ledger.import', { path: files[kind]!, kind });
      expect(r, kind).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    }
    expect(snapshot(a.core)).toEqual(before);

    const b = world();
    for (const kind of ['enterprises', 'visits', 'demands', 'followups'] as const) {
      const r = await aok(b, 'ledger.import', { path: files[kind]! });
      expect(r.kind, kind).toBe(kind);
      expect(r, kind).toMatchObject({ rejected: 0, enterprisesCreated: 0 });
    }
    const ra = records(a);
    const rb = records(b);
    expect(ra.enterprises.length).toBe(2);
    expect(ra.visits.length).toBe(3);
    expect(ra.demands.length).toBe(3);
    expect(ra.followups.length).toBe(2);
    expect(rb).toEqual(ra);

    // CSV too.
    const c = world();
    for (const kind of ['enterprises', 'visits', 'demands', 'followups'] as const) {
      const out = await aok(a, 'ledger.export', { kind, format: 'csv' });
      const r = await aok(c, 'ledger.import', {
        contentBase64: out.contentBase64!,
        fileName: out.fileName,
        kind,
      });
      expect(r, kind).toMatchObject({ rejected: 0 });
    }
    expect(records(c)).toEqual(ra);
  });
});

describe('the rejects report', () => {
  const header: Cell[] = ['企业名称', '统一社会信用代码', '走访日期', '走访方式', '走访人员', '联系电话'];

  it('holds the rejected rows as they were with a reason; fixed, it imports', async () => {
    const t = world();
    const dir = tempDir();
    const path = await xlsxFile({
      rows: [
        ['2026年走访台账'],
        header,
        ['福州示例科技有限公司', U1, new Date(Date.UTC(2026, 2, 5)), '实地', '张三', null],
        ['北京示例精密有限公司', U2, new Date(Date.UTC(2026, 2, 6)), '飞鸽', '王五', '13800000000'],
        ['北京示例精密有限公司', U2, '2026-02-30', '电话', '李四', null],
      ],
    });
    const rejectsPath = join(dir, 'rejects.xlsx');
    const result = await aok(t, 'ledger.import', { path, rejectsPath });
    expect(result).toMatchObject({ created: 1, rejected: 2, rejectsFile: rejectsPath });
    const sheet = await readBack(rejectsPath);
    expect(sheet[0]).toEqual([...header, '导入失败原因', '原行号']);
    expect(sheet[1]!.slice(0, 6)).toEqual([
      '北京示例精密有限公司',
      U2,
      new Date('2026-03-06T00:00:00Z'),
      '飞鸽',
      '王五',
      '13800000000',
    ]);
    expect(sheet[1]![6]).toMatch(/【走访方式】.*飞鸽.*；【走访人员】.*王五/);
    expect(sheet[1]![7]).toBe(4);
    expect(sheet[2]!.slice(0, 3)).toEqual(['北京示例精密有限公司', U2, '2026-02-30']);
    expect(sheet[2]![7]).toBe(5);

    // The method gives the same file (as base64 here) and flags the phone number in it.
    const report = await aok(t, 'ledger.rejectsReport', { path });
    expect(report).toMatchObject({
      rows: 2,
      containsPhones: true,
      path: null,
      fileName: 'ledger_导入失败.xlsx',
    });

    // The user fixes the two rows in Excel and imports the report itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rejectsPath);
    const ws = wb.worksheets[0]!;
    ws.getCell('D2').value = '电话';
    ws.getCell('E2').value = '李四';
    ws.getCell('C3').value = '2026-02-28';
    await wb.xlsx.writeFile(rejectsPath);
    const fixed = await aok(t, 'ledger.import', { path: rejectsPath });
    expect(fixed).toMatchObject({ kind: 'visits', created: 2, rejected: 0 });
    expect(fixed.errors).toEqual([]);
    expect(await aok(t, 'ledger.import', { path: rejectsPath })).toMatchObject({ created: 0, skipped: 2 });
  });
});

describe('the other doors', () => {
  it('CLI: ledger import and ledger export', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '谁去的'],
        ['福州示例科技有限公司', U1, '2026-03-05', '张三'],
      ],
    });
    const dir = tempDir();
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ leadStaff: '谁去的' }));
    t.core.store.close();
    const real = await cli([
      '--db',
      t.path,
      'ledger',
      'import',
      path,
      '--kind',
      'visits',
      '--mapping',
      mapping,
    ]);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ dryRun: false, created: 1, enterprisesCreated: 1 });
    const out = join(dir, 'visits.csv');
    const exp = await cli([
      '--db',
      t.path,
      'ledger',
      'export',
      '--kind',
      'visits',
      '--out',
      out,
      '--filter',
      '{"date":"2026-03-05"}',
    ]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(JSON.parse(exp.stdout)).toMatchObject({ rows: 1, path: out, format: 'csv' });
    expect(existsSync(out) && readFileSync(out, 'utf8')).toContain('福州示例科技有限公司');
  });

  it('HTTP: the web door runs the asynchronous methods', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '走访人'],
        ['福州示例科技有限公司', U1, '2026-03-05', '张三'],
      ],
    });
    const server = await startWebServer(t.core, { token: 'tok' });
    try {
      const post = (method: string, body: unknown) =>
        fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (r) => ({
          status: r.status,
          json: (await r.json()) as { result?: Record<string, unknown>; error?: { code: string } },
        }));
      const preview = await post('ledger.preview', {
        contentBase64: readFileSync(path).toString('base64'),
        fileName: 'a.xlsx',
      });
      expect(preview.status, JSON.stringify(preview.json)).toBe(200);
      expect(preview.json.result).toMatchObject({ kind: 'visits', created: 1 });
      const bad = await post('ledger.import', {});
      expect(bad.status).toBe(400);
      expect(bad.json.error?.code).toBe('VALIDATION');
    } finally {
      await server.close();
    }
  });
});
