import { msg } from '@shared/messages';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Core } from '../../core';
import { today } from '../../core';
import { invalid } from '@shared/contract/errors';
import { outputPath, writeAtomically } from '../ledger/output';
import type { ExportFormat } from '@shared/contract/reports';
import { fileStem, orgNameOf } from './format';
import { chosenPeriod, periodParams, type PeriodChoice } from './period';
import { resolveScope, type ScopeInput } from './scope';
import { summaryFigures } from './quarterly';

// reports.export: the summary of a period as the Excel or Word file of xlsx.ts / docx.ts, sent
// back as base64 (the screen's download buttons) or written to a path of the caller's choosing.

export interface ReportExportInput extends ScopeInput, PeriodChoice {
  format: ExportFormat;
  path?: string | undefined;
  orgName?: string | undefined;
}

export interface ReportFile {
  fileName: string;
  format: ExportFormat;
  path: string | null;
  contentBase64: string | null;
  bytes: number;
}

export async function exportReport(core: Core, input: ReportExportInput): Promise<ReportFile> {
  const { format } = input;
  // Refusals first, before the work: the scope, then the path.
  const scope = resolveScope(core, input);
  const { key, field } = chosenPeriod(input);
  const day = today(core);
  const period = periodParams(key, { today: day, field });
  const org = orgNameOf(core, input.orgName);
  const fileName = `${fileStem({ period: period.quarter, scope }, org)}.${format}`;
  let target: string | null = null;
  if (input.path !== undefined) {
    const ext = extname(input.path).toLowerCase();
    if (ext !== `.${format}`) throw invalid('path', msg('report.mustExt', { format, ext: ext || '—' }));
    target = await outputPath(input.path);
  }
  const report = summaryFigures(core, scope, period, day);
  // The Excel, Word and chart libraries load with the first file made, not at start.
  const buffer =
    format === 'xlsx'
      ? await (await import('./xlsx')).summaryXlsx(core, report, org)
      : await (await import('./docx')).summaryDocx(core, report, org);
  if (!target) {
    return { fileName, format, path: null, contentBase64: buffer.toString('base64'), bytes: buffer.length };
  }
  const bytes = await writeAtomically(target, (tmp) => writeFile(tmp, buffer));
  return { fileName, format, path: target, contentBase64: null, bytes };
}
