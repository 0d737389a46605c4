import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeCore, snapshot, tempDir, type TestCore } from '../helpers';
import { aok, csvFile, readBack, xlsxFile, type Cell } from './ledgerFixtures';

// Staff lists (人员名单) from Excel or CSV: a row creates a staff member or completes the one of
// the same name (and phone, when both have one); re-importing changes nothing; the export of
// the staff list reads back as it is.

const HEADER: Cell[] = ['序号', '姓名', '角色', '职务', '联系电话', '在岗'];

type Staff = { name: string; role: string; position: string; phone?: string | null; active: boolean };

const staffOf = (t: TestCore): Staff[] =>
  t
    .ok('staff.list', { sort: [{ field: 'name', dir: 'asc' }] })
    .rows.map(
      ({ name, role, position, phone, active }) => ({ name, role, position, phone, active }) as Staff,
    );

const byName = (t: TestCore, name: string) => staffOf(t).filter((s) => s.name === name);

describe('a staff list', () => {
  it('is recognised, and creates its people with their role, position, phone and 在岗 (xlsx)', async () => {
    const t = makeCore();
    const dir = tempDir();
    const path = await xlsxFile({
      rows: [
        ['2026年科技局人员名单'],
        HEADER,
        [1, '王局', '督办负责人', '局领导', '0591-87654321', '是'],
        [2, '陈特派', null, '科技特派员', '13800000001', '在岗'],
        [3, '林某', '工作人员', '厨师长', null, '是'],
        [4, '周离', null, '科室负责人', null, '否'],
      ],
      merges: ['A1:F1'],
    });
    const rejectsPath = join(dir, 'rejects.xlsx');
    const r = await aok(t, 'ledger.import', { path, rejectsPath });
    expect(r).toMatchObject({ kind: 'staff', headerRow: 2, created: 3, updated: 0, rejected: 1 });

    expect(byName(t, '王局')).toEqual([
      { name: '王局', role: 'supervisor', position: 'leader', phone: '0591-87654321', active: true },
    ]);
    expect(byName(t, '陈特派')).toEqual([
      { name: '陈特派', role: 'staff', position: 'commissioner', phone: '13800000001', active: true },
    ]);
    expect(byName(t, '周离')[0]).toMatchObject({ position: 'section_head', active: false });

    // The unknown position word rejects its row, on its column, saying what may be written.
    expect(byName(t, '林某')).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 5,
        column: '职务',
        field: 'position',
        message: expect.stringMatching(
          /^无法识别 '厨师长'.*可填 局领导、科室负责人、工作人员、科技特派员、联络员$/,
        ),
      },
    ]);
    const rejects = await readBack(rejectsPath);
    expect(rejects[1]!.slice(1, 4)).toEqual(['林某', '工作人员', '厨师长']);
    expect(rejects[1]![6]).toMatch(/^【职务】无法识别 '厨师长'/);

    // The same file again changes nothing.
    const before = snapshot(t.core);
    expect(await aok(t, 'ledger.import', { path })).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 3,
      rejected: 1,
    });
    expect(snapshot(t.core)).toEqual(before);
  });

  it('completes the member of the same name and phone, and tells apart namesakes by phone (csv)', async () => {
    const t = makeCore();
    t.ok('staff.create', { name: '张三' });
    t.ok('staff.create', { name: '李四', phone: '137 0000 0000', position: 'liaison' });
    const path = csvFile(
      [
        ['姓名', '职务', '手机号码', '是否在岗'],
        ['张三', '工作人员', '13900000000', '是'],
        ['李四', '联络员', '137-0000-0000', '是'],
        ['李四', '科技特派员', '13600000000', '是'],
        ['赵六', '联络员', '', ''],
      ],
      'gb18030',
    );
    const r = await aok(t, 'ledger.import', { path, kind: 'staff' });
    expect(r).toMatchObject({ created: 2, updated: 1, skipped: 1, rejected: 0 });
    // 张三 gets the phone the app did not have.
    expect(byName(t, '张三')).toEqual([
      { name: '张三', role: 'staff', position: 'staff', phone: '13900000000', active: true },
    ]);
    // The 李四 with 137… is the app's (written differently); the one with 136… is another person.
    expect(byName(t, '李四').map((s) => [s.phone, s.position])).toEqual(
      expect.arrayContaining([
        ['137 0000 0000', 'liaison'],
        ['13600000000', 'commissioner'],
      ]),
    );
    expect(byName(t, '赵六')[0]).toMatchObject({ position: 'liaison', active: true });

    const before = snapshot(t.core);
    expect(await aok(t, 'ledger.import', { path, kind: 'staff' })).toMatchObject({
      created: 0,
      updated: 0,
      skipped: 4,
      rejected: 0,
    });
    expect(snapshot(t.core)).toEqual(before);
  });

  it('keeps what the app has where the file differs, with a note; two namesakes without phones reject', async () => {
    const t = makeCore();
    t.ok('staff.create', { name: '钱七', position: 'leader', phone: '13500000000' });
    t.ok('staff.create', { name: '孙八' });
    t.ok('staff.create', { name: '孙八' });
    const path = csvFile([
      ['姓名', '职务', '联系电话'],
      ['钱七', '联络员', '13500000000'],
      ['孙八', '联络员', ''],
    ]);
    const p = await aok(t, 'ledger.preview', { path, kind: 'staff' });
    expect(p).toMatchObject({ skipped: 1, rejected: 1 });
    expect(p.rows[0]!.notes).toEqual(['职务：表中为「联络员」，系统中为「局领导」，保留系统中的值']);
    expect(p.errors).toEqual([
      {
        row: 3,
        column: '姓名',
        field: 'staffName',
        message: expect.stringMatching(/^有 2 位名为「孙八」的人员/),
      },
    ]);
    expect(byName(t, '钱七')[0]!.position).toBe('leader');
  });

  it('a dry run and a preview report what the import would do and change nothing', async () => {
    const t = makeCore();
    const path = await xlsxFile({
      rows: [
        ['姓名', '角色', '职务', '联系电话', '在岗'],
        ['吴九', '工作人员', '科技特派员', '13800000009', '是'],
      ],
    });
    const before = snapshot(t.core);
    const p = await aok(t, 'ledger.preview', { path });
    expect(p).toMatchObject({ kind: 'staff', kindDetected: true, created: 1, missingRequired: [] });
    expect(p.fields.map((f) => [f.key, f.label, f.labelEn, f.required])).toEqual([
      ['staffName', '姓名', 'Name', true],
      ['role', '角色', 'Role', false],
      ['position', '职务', 'Position', false],
      ['staffPhone', '联系电话', 'Phone', false],
      ['active', '在岗', 'Active', false],
    ]);
    expect(p.mapping.map((m) => [m.header, m.field])).toEqual([
      ['姓名', 'staffName'],
      ['角色', 'role'],
      ['职务', 'position'],
      ['联系电话', 'staffPhone'],
      ['在岗', 'active'],
    ]);
    expect(await aok(t, 'ledger.import', { path, dryRun: true })).toMatchObject({
      dryRun: true,
      created: 1,
      backup: null,
    });
    expect(snapshot(t.core)).toEqual(before);
    expect(byName(t, '吴九')).toEqual([]);
  });
});

describe('the staff export', () => {
  function bureau(): TestCore {
    const t = makeCore();
    t.ok('staff.create', { name: '王局', role: 'supervisor', position: 'leader', phone: '0591-87654321' });
    t.ok('staff.create', { name: '陈特派', position: 'commissioner', phone: '13800000001' });
    t.ok('staff.create', { name: '周离', position: 'section_head', active: false });
    t.ok('staff.create', { name: '联络员甲', position: 'liaison', phone: '+86 138 0000 0002' });
    return t;
  }

  it('reads back as it is: into the same app nothing changes, into another the same staff (xlsx, csv)', async () => {
    const a = bureau();
    const dir = tempDir();
    const xlsx = join(dir, 'staff.xlsx');
    await aok(a, 'ledger.export', { kind: 'staff', path: xlsx });
    const csv = await aok(a, 'ledger.export', { kind: 'staff', format: 'csv' });

    const before = snapshot(a.core);
    expect(await aok(a, 'ledger.import', { path: xlsx, kind: 'staff' })).toMatchObject({
      created: 0,
      updated: 0,
      rejected: 0,
    });
    expect(
      await aok(a, 'ledger.import', { contentBase64: csv.contentBase64!, fileName: csv.fileName }),
    ).toMatchObject({ kind: 'staff', created: 0, updated: 0, rejected: 0 });
    expect(snapshot(a.core)).toEqual(before);

    for (const file of [{ path: xlsx }, { contentBase64: csv.contentBase64!, fileName: csv.fileName }]) {
      const b = makeCore();
      const r = await aok(b, 'ledger.import', file);
      // Both apps have their own "me", 测试员: the same name and no phone, so the same person.
      expect(r).toMatchObject({ kind: 'staff', created: 4, skipped: 1, rejected: 0 });
      expect(staffOf(b)).toEqual(staffOf(a));
    }
  });
});
