import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, callAsync } from '../../dispatch';
import type { ApiErrorBody } from '@shared/contract/errors';
import type { MethodOutput } from '@shared/contract/contract';
import type { Core } from '../../core';

// `visit-ledger [--db FILE] report summary --period P [--staff ID | --town NAME | --unit ID]
//   [--format json|xlsx|docx] [--out FILE] [--org NAME]` (P: 2026-08, 2026Q3, 2026H1, 2026 or
// 2026-01-01..2026-08-31), and `report quarterly --quarter 2026Q3 …` as before: JSON
// (reports.summary / reports.quarterly) goes to stdout unless --out is given; xlsx and docx
// (reports.export) go to --out, which must end with .xlsx / .docx, or under the file's own
// name (启明区科技局_2026年第三季度走访工作总结.docx) in the current folder.

export interface ReportCommandIo {
  open(): Core;
  out(value: unknown): void;
  fail(error: ApiErrorBody): never;
}

interface Options {
  staff?: string;
  town?: string;
  unit?: string;
  format: 'json' | 'xlsx' | 'docx';
  out?: string;
  org?: string;
}

type PeriodInput = { quarter: string } | { period: string };

/** Runs one report command: the JSON of `method`, or the file of reports.export. */
async function runReport(
  io: ReportCommandIo,
  method: 'reports.summary' | 'reports.quarterly',
  period: PeriodInput,
  opts: Options,
): Promise<void> {
  const input = {
    ...period,
    ...(opts.staff ? { staffId: opts.staff } : {}),
    ...(opts.town ? { town: opts.town } : {}),
    ...(opts.unit ? { unitId: opts.unit } : {}),
  };
  const core = io.open();
  try {
    if (opts.format === 'json') {
      const result = call(core, method, input);
      if (!result.ok) io.fail(result.error);
      else if (opts.out) {
        writeFileSync(resolve(opts.out), `${JSON.stringify(result.result, null, 2)}\n`);
        io.out({ file: resolve(opts.out) });
      } else io.out(result.result);
      return;
    }
    // The file of reports.export: written to --out, or under its own name here.
    const result = await callAsync(core, 'reports.export', {
      ...input,
      format: opts.format,
      ...(opts.org ? { orgName: opts.org } : {}),
      ...(opts.out ? { path: resolve(opts.out) } : {}),
    });
    if (!result.ok) return io.fail(result.error);
    const file = result.result as MethodOutput<'reports.export'>;
    if (file.path) return io.out({ file: file.path, bytes: file.bytes });
    const target = resolve(file.fileName);
    writeFileSync(target, Buffer.from(file.contentBase64!, 'base64'));
    io.out({ file: target, bytes: file.bytes });
  } finally {
    core.store.close();
  }
}

/** The options every report command takes besides its period. */
function withReportOptions(command: Command): Command {
  return command
    .option('--staff <id>', 'one staff member (visits led, demands assigned, follow-ups owned)')
    .option('--town <name>', 'one town (its enterprises)')
    .option('--unit <id>', 'one unit (demands it leads, their follow-ups)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'xlsx', 'docx']).default('json'),
    )
    .option('--out <file>', 'write to this file (JSON: default stdout)')
    .option('--org <name>', "the bureau's name for titles, e.g. 启明区科技局");
}

export function addReportCommand(program: Command, io: ReportCommandIo): void {
  const report = program.command('report').description('reports: the visit summary 走访工作总结');
  withReportOptions(
    report
      .command('summary')
      .description('the visit summary of a month, quarter, half year, year or range, as JSON, Excel or Word')
      .requiredOption('--period <period>', 'e.g. 2026-08, 2026Q3, 2026H1, 2026, 2026-01-01..2026-08-31'),
  ).action((opts: Options & { period: string }) =>
    runReport(io, 'reports.summary', { period: opts.period }, opts),
  );
  withReportOptions(
    report
      .command('quarterly')
      .description('the quarterly visit summary as JSON, Excel or Word')
      .requiredOption('--quarter <quarter>', 'e.g. 2026Q3'),
  ).action((opts: Options & { quarter: string }) =>
    runReport(io, 'reports.quarterly', { quarter: opts.quarter }, opts),
  );
}
