import { describe, expect, it } from 'vitest';
import { makeCore, VALID_USCC, type TestCore } from '../helpers';
import { aok, staffNamed, xlsxFile, type Cell } from './ledgerFixtures';
import { freshUscc } from './fixtures';

// What a column means depends on the ledger it is in (#16): a demand category column gives the
// demands' categories in every kind that has demands, a header goes to a field of the ledger's
// own records before one of a record it refers to, and a column two fields could claim is put
// to the user as a question.

const [U1, U2] = VALID_USCC as [string, string];

function world(): TestCore {
  const t = makeCore();
  staffNamed(t, '张三', '李四');
  return t;
}

function demandsOf(t: TestCore) {
  return t.ok('demands.list', { sort: [{ field: 'title', dir: 'asc' }], limit: 100 }).rows.map((d) => ({
    enterprise: d.enterpriseName,
    title: d.title,
    categories: d.categories,
  }));
}

describe('demand categories beside the demands (the issue example)', () => {
  const U3 = freshUscc();
  const rows: Cell[][] = [
    ['2026年企业走访及需求台账'],
    ['企业名称', '统一社会信用代码', '走访日期', '走访人员', '企业需求', '需求类别'],
    ['福州示例科技有限公司', U1, '2026-03-05', '张三', '需要检测设备支持', '技术攻关'],
    ['北京示例精密有限公司', U2, '2026-03-06', '李四', '专利布局和贷款', '知识产权、融资'],
    ['上海示例材料有限公司', U3, '2026-03-07', '张三', '申报高新技术企业', '高企认定'],
  ];

  it('reads 需求类别 as the demands’ categories, not the enterprise’s tiers', async () => {
    const t = world();
    const path = await xlsxFile({ rows });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.kind).toBe('visits_with_demands');
    const mapped = Object.fromEntries(preview.mapping.map((m) => [m.header, m.field]));
    expect(mapped['需求类别']).toBe('categories');
    expect(preview.mapping.some((m) => m.field === 'tiers')).toBe(false);
    expect(preview.errors).toEqual([]);
    const result = await aok(t, 'ledger.import', { path });
    expect(result).toMatchObject({ created: 3, rejected: 0 });
    expect(demandsOf(t)).toEqual([
      { enterprise: '北京示例精密有限公司', title: '专利布局和贷款', categories: ['ip', 'finance'] },
      { enterprise: '上海示例材料有限公司', title: '申报高新技术企业', categories: ['high_tech_cert'] },
      { enterprise: '福州示例科技有限公司', title: '需要检测设备支持', categories: ['tech'] },
    ]);
    // No enterprise became a high-tech enterprise because of a category.
    const tiers = t.ok('enterprises.list', { limit: 10 }).rows.map((e) => e.tiers ?? []);
    expect(tiers.flat()).toEqual([]);
  });

  it.each([['需求类型'], ['问题类别']])('%s means demand categories too', async (header) => {
    const t = world();
    const path = await xlsxFile({ rows: rows.map((r, i) => (i === 1 ? [...r.slice(0, 5), header] : r)) });
    const preview = await aok(t, 'ledger.preview', { path, kind: 'visits_with_demands' });
    expect(preview.mapping.find((m) => m.header === header)?.field).toBe('categories');
    expect(preview.errors).toEqual([]);
  });

  it('in a demands ledger too', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '需求名称', '需求类别', '受理时间'],
        ['福州示例科技有限公司', U1, '检测设备', '技术攻关', '2026-03-05'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.kind).toBe('demands');
    expect(preview.mapping.find((m) => m.header === '需求类别')?.field).toBe('categories');
    expect(preview.created).toBe(1);
  });

  it('in a kind without demands, 需求类别 is left unmapped rather than read as tiers', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '走访日期', '走访人员', '需求类别'],
        ['福州示例科技有限公司', U1, '2026-03-05', '张三', '高企认定'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path, kind: 'visits' });
    expect(preview.mapping.some((m) => m.header === '需求类别')).toBe(false);
    expect(preview.unmappedColumns.map((c) => c.text)).toEqual(['需求类别']);
    expect(preview).toMatchObject({ created: 1, rejected: 0 });
  });

  it('a tier word in a category column is an error naming the column and what it was read as', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        rows[1]!,
        ['福州示例科技有限公司', U1, '2026-03-05', '张三', '需要检测设备支持', '高新技术企业'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path });
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: '需求类别',
        field: 'categories',
        message: expect.stringMatching(/'高新技术企业'.*企业资质.*需求类别/),
      },
    ]);
  });
});

describe('own records before referenced ones; contested columns are questions', () => {
  it('状态 in a demands ledger is the demand’s status, not the enterprise’s', async () => {
    const t = world();
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '需求名称', '受理时间', '状态'],
        ['福州示例科技有限公司', U1, '检测设备', '2026-03-05', '办理中'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path, kind: 'demands' });
    expect(preview.mapping.find((m) => m.header === '状态')?.field).toBe('demandStatus');
  });

  it('a column two fields claim is listed as a question with both, and the one chosen', async () => {
    const t = world();
    // 类别 alone: a demand category or an enterprise tier, equally plausible in a demands ledger.
    const path = await xlsxFile({
      rows: [
        ['企业名称', '统一社会信用代码', '需求名称', '受理时间', '类别'],
        ['福州示例科技有限公司', U1, '检测设备', '2026-03-05', '技术攻关'],
      ],
    });
    const preview = await aok(t, 'ledger.preview', { path, kind: 'demands' });
    expect(preview.questions).toEqual([
      {
        column: 4,
        letter: 'E',
        header: '类别',
        fields: [
          expect.objectContaining({ field: 'categories', label: '需求类别' }),
          expect.objectContaining({ field: 'tiers', label: '企业资质' }),
        ],
        chosen: 'categories',
      },
    ]);
    // Answered by the user's mapping, it is no longer a question.
    const answered = await aok(t, 'ledger.preview', {
      path,
      kind: 'demands',
      mapping: { categories: '类别' },
    });
    expect(answered.questions).toEqual([]);
  });
});
