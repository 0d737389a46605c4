import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './reports-dataset';
import { tempDir } from '../helpers';
import { cliSync } from '../cli';
import { quarterlyXlsx } from '../../src-main/features/reports/xlsx';
import { quarterlyDocx } from '../../src-main/features/reports/docx';

// The Excel and Word files, read back: they carry the figures of the hand-built district
// (2026Q3: 5 visits, closure rate 4 / 12, 6 overdue at the end…).

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(2).value === label) found = row;
  });
  if (!found) throw new Error(`no row '${label}' in ${ws.name}`);
  return found;
}

describe('Excel export', () => {
  it('summary with numerators, denominators and rate formulas; breakdowns; the demands behind the figures', async () => {
    const ds = buildDataset();
    const wb = await workbook(
      await quarterlyXlsx(ds.t.core, { quarter: '2026Q3' }, { orgName: '测试区科技局' }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '按走访方式',
      '按镇街',
      '按行业门类',
      '按企业资质',
      '按带队人员',
      '按月份',
      '按需求类别',
      '需求明细',
      '口径说明',
    ]);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A1').value).toBe('测试区科技局2026年第三季度走访工作汇总表');
    expect(sum.getRow(3).getCell(2).value).toBe('指标');
    expect(rowOf(sum, '走访家次').getCell(4).value).toBe(5);
    expect(rowOf(sum, '走访企业数').getCell(4).value).toBe(4);
    expect(rowOf(sum, '期末超期').getCell(4).value).toBe(6);
    expect(rowOf(sum, '会诊场次').getCell(4).value).toBe(2);

    const closure = rowOf(sum, '办结率');
    const n = closure.number;
    expect(closure.getCell(5).value).toBe(4);
    expect(closure.getCell(6).value).toBe(12);
    const rate = closure.getCell(4);
    expect(rate.value).toMatchObject({ formula: `IF(F${n}=0,"",E${n}/F${n})` });
    expect((rate.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(1 / 3, 12);
    expect(rate.numFmt).toBe('0.0%');
    expect(String(closure.getCell(7).value)).toContain('上期结转');
    const days = rowOf(sum, '平均办结时长');
    expect(days.getCell(5).value).toBe(143);
    expect(days.getCell(6).value).toBe(5);
    expect(days.getCell(4).numFmt).toBe('0.0');
    // Comparison columns: Q2 had one visit; the change is a formula.
    const visits = rowOf(sum, '走访家次');
    expect(visits.getCell(8).value).toBe(1);
    expect(visits.getCell(9).value).toMatchObject({
      formula: `IF(AND(ISNUMBER(D${visits.number}),ISNUMBER(H${visits.number})),D${visits.number}-H${visits.number},"")`,
      result: 4,
    });
    for (let col = 1; col <= 13; col++) expect(sum.getColumn(col).width, `column ${col}`).toBeGreaterThan(4);

    const modes = wb.getWorksheet('按走访方式')!;
    expect(rowOf(modes, '实地').getCell(4).value).toBe(2);
    expect(rowOf(modes, '实地').getCell(6).value).toBe(2);
    const modeTotal = rowOf(modes, '合计');
    expect(modeTotal.getCell(4).value).toMatchObject({
      formula: `SUM(D4:D${modeTotal.number - 1})`,
      result: 5,
    });
    expect(rowOf(wb.getWorksheet('按企业资质')!, '高新技术企业').getCell(4).value).toBe(2);
    expect(rowOf(wb.getWorksheet('按需求类别')!, '技术攻关').getCell(4).value).toBe(2);
    expect(rowOf(wb.getWorksheet('按带队人员')!, '张三').getCell(4).value).toBe(3);

    // The demands behind the figures: new ∪ carried over ∪ closed ∪ open at the end.
    const ledger = wb.getWorksheet('需求明细')!;
    const ids: string[] = [];
    ledger.eachRow((row, i) => {
      if (i > 3) ids.push(String(row.getCell(19).value));
    });
    const d = ds.d;
    expect(ids.sort()).toEqual(
      [d.D1, d.D2, d.D3, d.D3b, d.D4, d.D5, d.D6, d.D7b, d.D8, d.D9, d.D11, d.D14, d.D16].sort(),
    );
    const d2 = ledger.getRows(4, ids.length)!.find((r) => r.getCell(19).value === d.D2)!;
    expect(d2.getCell(10).value).toBeNull(); // not carried over
    expect(d2.getCell(11).value).toBe('是'); // closed in Q3
    expect(d2.getCell(14).value).toBe(88);
    expect(ledger.getColumn(2).width).toBeGreaterThan(20);
  });

  it('staff scope: clinic figures are marked not applicable, not zero', async () => {
    const ds = buildDataset();
    const wb = await workbook(await quarterlyXlsx(ds.t.core, { quarter: '2026Q3', staffId: ds.staff.a }));
    const sum = wb.getWorksheet('汇总')!;
    expect(String(sum.getCell('A2').value)).toContain('人员：张三');
    expect(rowOf(sum, '会诊场次').getCell(4).value).toBe('不适用');
    expect(rowOf(sum, '走访家次').getCell(4).value).toBe(3);
  });
});

describe('Word export', () => {
  it('title, period, numbered sections, tables, the narrative and four charts', async () => {
    const ds = buildDataset();
    ds.t.ok('reports.narrative.save', {
      quarter: '2026Q3',
      typicalCases: '东城精密机械有限公司检测设备难题当周协调解决。',
      recurringProblems: '人才招引难。',
    });
    const zip = await JSZip.loadAsync(
      await quarterlyDocx(ds.t.core, { quarter: '2026Q3' }, { orgName: '测试区科技局' }),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('测试区科技局2026年第三季度走访工作总结');
    expect(text).toContain('（2026年7月1日至2026年9月30日）');
    for (const h of [
      '一、走访服务开展情况',
      '二、企业需求办理情况',
      '三、跟踪回访情况',
      '四、专家会诊情况',
      '五、典型案例',
      '六、存在的问题',
      '七、下季度工作计划',
    ]) {
      expect(text).toContain(h);
    }
    expect(text).toContain('共走访企业5家次');
    expect(text).toContain('覆盖率75.0%');
    expect(text).toContain('办结率33.3%（4/12）');
    expect(text).toContain('在办需求7件，其中超期6件');
    expect(text).toContain('满意率75.0%');
    expect(text).toContain('组织专家会诊2场');
    expect(text).toContain('东城精密机械有限公司检测设备难题当周协调解决。');
    expect(text).toContain('人才招引难。');
    expect(text).toContain('（待填写。）'); // next quarter's plan was not written
    expect(text).toContain('表1');
    expect(text).toContain('图4');
    const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(images).toHaveLength(4);
    for (const f of images) {
      const png = await zip.file(f)!.async('uint8array');
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    }
    const footer = Object.keys(zip.files).find((f) => /word\/footer\d*\.xml/.test(f))!;
    expect(await zip.file(footer)!.async('string')).toContain('PAGE');
    // A4, 37 mm top margin.
    expect(xml).toMatch(/<w:pgSz w:w="11907" w:h="16840"/);
    expect(xml).toContain('w:top="2098"');
  });
});

describe('CLI: report quarterly', () => {
  it('prints the JSON of reports.quarterly, and writes .xlsx and .docx files', () => {
    const ds = buildDataset();
    const expected = ds.t.ok('reports.quarterly', { quarter: '2026Q3', town: '西湖镇' });
    ds.t.core.store.close();
    const json = JSON.parse(
      cliSync(['--db', ds.t.path, 'report', 'quarterly', '--quarter', '2026Q3', '--town', '西湖镇']),
    );
    // The CLI reads "now" from the real clock: only asOf and partial may differ.
    expect({ ...json, asOf: expected.asOf, partial: expected.partial }).toEqual(expected);
    const dir = tempDir();
    const out = JSON.parse(
      cliSync([
        '--db',
        ds.t.path,
        'report',
        'quarterly',
        '--quarter',
        '2026Q3',
        '--format',
        'xlsx',
        '--out',
        join(dir, 'q3.xlsx'),
      ]),
    );
    expect(out.file).toBe(join(dir, 'q3.xlsx'));
    expect(readFileSync(out.file).subarray(0, 2).toString()).toBe('PK');
    const doc = JSON.parse(
      cliSync([
        '--db',
        ds.t.path,
        'report',
        'quarterly',
        '--quarter',
        '2026Q3',
        '--format',
        'docx',
        '--out',
        join(dir, 'q3.docx'),
      ]),
    );
    expect(existsSync(doc.file)).toBe(true);
    expect(doc.bytes).toBeGreaterThan(10_000);
  });

  it('a bad quarter is a typed error with exit code 1', () => {
    const ds = buildDataset();
    ds.t.core.store.close();
    let status = 0;
    let stderr = '';
    try {
      cliSync(['--db', ds.t.path, 'report', 'quarterly', '--quarter', '2026Q9', '--format', 'xlsx']);
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(1);
    expect(JSON.parse(stderr).error).toMatchObject({ code: 'VALIDATION', details: { field: 'quarter' } });
  });
});
