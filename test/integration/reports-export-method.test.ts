import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './reports-dataset';
import { tempDir } from '../helpers';
import { call, callAsync } from '../../src-main/dispatch';
import type { MethodInput, MethodOutput } from '@shared/contract/contract';
import type { Core } from '../../src-main/core';
import { startWebServer } from '../../src-main/doors/web/server';

// reports.export: the Excel and Word files of the quarterly summary through the API (what the
// Reports screen downloads), read back and held against reports.quarterly.

async function exported(
  core: Core,
  input: MethodInput<'reports.export'>,
): Promise<MethodOutput<'reports.export'>> {
  const r = await callAsync(core, 'reports.export', input);
  if (!r.ok) throw new Error(`reports.export failed: ${JSON.stringify(r.error)}`);
  return r.result as MethodOutput<'reports.export'>;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The summary sheet as label → value of the figure column. */
function summaryValues(wb: ExcelJS.Workbook): Map<string, unknown> {
  const values = new Map<string, unknown>();
  wb.getWorksheet('汇总')!.eachRow((row) => {
    const label = row.getCell(2).value;
    if (typeof label !== 'string') return;
    const v = row.getCell(4).value;
    values.set(label, v && typeof v === 'object' && 'result' in v ? v.result : v);
  });
  return values;
}

describe('reports.export', () => {
  it('returns the .xlsx as base64: it opens and holds the figures of reports.quarterly', async () => {
    const ds = buildDataset();
    const report = ds.t.ok('reports.quarterly', { quarter: '2026Q3' });
    const file = await exported(ds.t.core, { quarter: '2026Q3', format: 'xlsx' });
    expect(file).toMatchObject({
      fileName: 'XX区科技局_2026年第三季度走访工作总结.xlsx',
      format: 'xlsx',
      path: null,
    });
    const bytes = Buffer.from(file.contentBase64!, 'base64');
    expect(bytes.length).toBe(file.bytes);
    const values = summaryValues(await workbook(bytes));
    const f = report.figures;
    expect(values.get('走访家次')).toBe(f.visits);
    expect(values.get('走访企业数')).toBe(f.enterprisesVisited);
    expect(values.get('新增需求')).toBe(f.newDemands);
    expect(values.get('上期结转')).toBe(f.carriedOver);
    expect(values.get('办结数')).toBe(f.closed);
    expect(values.get('期末在办')).toBe(f.openAtEnd);
    expect(values.get('期末超期')).toBe(f.overdueAtEnd);
    expect(values.get('回访次数')).toBe(f.followups);
    expect(values.get('会诊场次')).toBe(f.clinics);
    expect(values.get('办结率') as number).toBeCloseTo(f.closureRate!, 12);
    expect(values.get('覆盖率') as number).toBeCloseTo(f.coverage!, 12);
    expect(values.get('满意率') as number).toBeCloseTo(f.satisfactionRate!, 12);
  });

  it('a town scope names the town in the file name and counts only its figures', async () => {
    const ds = buildDataset();
    const report = ds.t.ok('reports.quarterly', { quarter: '2026Q3', town: '西湖镇' });
    const file = await exported(ds.t.core, { quarter: '2026Q3', town: '西湖镇', format: 'xlsx' });
    expect(file.fileName).toBe('XX区科技局_2026年第三季度走访工作总结_西湖镇.xlsx');
    const values = summaryValues(await workbook(Buffer.from(file.contentBase64!, 'base64')));
    expect(values.get('走访家次')).toBe(report.figures.visits);
    expect(values.get('新增需求')).toBe(report.figures.newDemands);
  });

  it('returns the .docx with the saved narrative and the figures in its text', async () => {
    const ds = buildDataset();
    ds.t.ok('reports.narrative.save', {
      quarter: '2026Q3',
      staffId: ds.staff.a,
      typicalCases: '张三协调解决东城精密机械检测设备难题。',
    });
    const report = ds.t.ok('reports.quarterly', { quarter: '2026Q3', staffId: ds.staff.a });
    const file = await exported(ds.t.core, {
      quarter: '2026Q3',
      staffId: ds.staff.a,
      format: 'docx',
      orgName: '测试区科技局',
    });
    expect(file.fileName).toBe('测试区科技局_2026年第三季度走访工作总结_张三.docx');
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64!, 'base64'));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('测试区科技局2026年第三季度走访工作总结');
    expect(text).toContain('统计范围：人员：张三');
    expect(text).toContain(`共走访企业${report.figures.visits}家次`);
    expect(text).toContain('张三协调解决东城精密机械检测设备难题。');
  });

  it('writes to a path when given one, leaving no temporary file', async () => {
    const ds = buildDataset();
    const dir = tempDir();
    const path = join(dir, '三季度.xlsx');
    const file = await exported(ds.t.core, { quarter: '2026Q3', format: 'xlsx', path });
    expect(file).toMatchObject({ path, contentBase64: null, format: 'xlsx' });
    expect(readFileSync(path).length).toBe(file.bytes);
    expect(readdirSync(dir)).toEqual(['三季度.xlsx']);
    expect(summaryValues(await workbook(readFileSync(path))).get('走访家次')).toBe(5);
    const doc = await exported(ds.t.core, { quarter: '2026Q3', format: 'docx', path: join(dir, 'q3.DOCX') });
    expect(existsSync(doc.path!)).toBe(true);
  });

  it('a quarter without any record still exports', async () => {
    const ds = buildDataset();
    const file = await exported(ds.t.core, { quarter: '2019Q1', format: 'xlsx' });
    const values = summaryValues(await workbook(Buffer.from(file.contentBase64!, 'base64')));
    expect(values.get('走访家次')).toBe(0);
    // A rate over nothing is left to its formula (blank in Excel), never NaN.
    expect(values.get('办结率')).toEqual({ formula: expect.stringMatching(/^IF\(F\d+=0,"",/) });
  });

  it('is asynchronous: call() refuses it, and the HTTP door answers it', async () => {
    const ds = buildDataset();
    const sync = call(ds.t.core, 'reports.export', { quarter: '2026Q3', format: 'xlsx' });
    expect(sync).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const server = await startWebServer(ds.t.core, { token: 'test-token-0123456789' });
    try {
      const res = await fetch(`${server.url}/api/reports.export`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ quarter: '2026Q3', format: 'xlsx' }),
      });
      expect(res.status).toBe(200);
      const { result } = (await res.json()) as { result: MethodOutput<'reports.export'> };
      const values = summaryValues(await workbook(Buffer.from(result.contentBase64!, 'base64')));
      expect(values.get('走访家次')).toBe(5);
    } finally {
      await server.close();
    }
  });
});
