import { msg } from '@shared/messages';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Core } from '../../core';
import { today } from '../../core';
import { invalid } from '@shared/contract/errors';
import type { UpwardReport } from '@shared/contract/upward';
import { TARGET_KEYS, progressOf, targetLabel, yearToDate } from '@shared/reports/targets';
import { outputPath, writeAtomically } from '../ledger/output';
import type { ReportFile } from './export';
import { orgNameOf, periodTitle } from './format';
import { periodParams } from './period';
import { targetActuals } from './quarterly';
import { resolveScope } from './scope';
import { targetFigures, targetValues } from './targets';

// 上级报送 (reports.upward, reports.upwardExport): the bureau's main figures of a period with
// the year's targets and progress, one row per target key, all of them and in TARGET_KEYS'
// order whatever is set, so that a city office can add every district's table up.

export function upwardReport(core: Core, input: { period: string }, day: string = today(core)): UpwardReport {
  const p = periodParams(input.period, { today: day, field: 'period' });
  const ytd = yearToDate(p.asOf);
  // The bureau's figures over the period's days so far, and over the year's.
  const bureau = resolveScope(core, {});
  const figuresOver = (from: string, to: string) => targetFigures(targetActuals(core, bureau, from, to));
  const value = figuresOver(p.from, p.asOf);
  const actual = figuresOver(ytd.from, ytd.to);
  const targets = targetValues(core.store, ytd.year);
  return {
    orgName: orgNameOf(core),
    period: p.quarter,
    periodTitle: periodTitle(p.quarter),
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    year: ytd.year,
    rows: TARGET_KEYS.map((key) => {
      const label = targetLabel(key);
      const target = targets[key] ?? null;
      return {
        key,
        label: label.zh,
        unit: label.unit ?? '',
        value: value[key],
        target,
        actual: actual[key],
        pct: target === null ? null : progressOf(target, actual[key]).pct,
      };
    }),
  };
}

const UNSAFE = /[\\/:*?"<>|\r\n\t]/g;

/** The 主要指标 sheet of upwardXlsx.ts, as base64 or written to `path` (.xlsx). */
export async function exportUpward(
  core: Core,
  input: { period: string; path?: string | undefined },
): Promise<ReportFile> {
  const report = upwardReport(core, input);
  let target: string | null = null;
  if (input.path !== undefined) {
    const ext = extname(input.path).toLowerCase();
    if (ext !== '.xlsx') throw invalid('path', msg('report.mustExt', { format: 'xlsx', ext: ext || '—' }));
    target = await outputPath(input.path);
  }
  const fileName = `${report.orgName}_${report.periodTitle}主要指标报送表.xlsx`.replace(UNSAFE, '_');
  // The Excel library loads with the first file made, not at start.
  const buffer = await (await import('./upwardXlsx')).upwardXlsx(report);
  if (!target) {
    return {
      fileName,
      format: 'xlsx',
      path: null,
      contentBase64: buffer.toString('base64'),
      bytes: buffer.length,
    };
  }
  const bytes = await writeAtomically(target, (tmp) => writeFile(tmp, buffer));
  return { fileName, format: 'xlsx', path: target, contentBase64: null, bytes };
}
