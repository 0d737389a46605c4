import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, toErrorBody } from '../api/handlers';
import type { ApiErrorBody } from '../api/errors';
import type { Core } from '../services/core';
import { QuarterlyInput } from './contract';
import { quarterlySummary } from './quarterly';
import { fileStem } from './format';
import { quarterlyXlsx } from './xlsx';
import { quarterlyDocx } from './docx';

// `visit-ledger [--db FILE] report quarterly --quarter 2026Q3 [--staff ID] [--town NAME]
//   [--format json|xlsx|docx] [--out FILE] [--org NAME]`: JSON goes to stdout unless --out is
// given; xlsx and docx go to --out, or to 季度走访工作总结-<quarter>.<ext> in the current folder.

export interface ReportCommandIo {
  open(): Core;
  out(value: unknown): void;
  fail(error: ApiErrorBody): never;
}

interface Options {
  quarter: string;
  staff?: string;
  town?: string;
  format: 'json' | 'xlsx' | 'docx';
  out?: string;
  org?: string;
}

export function addReportCommand(program: Command, io: ReportCommandIo): void {
  const report = program.command('report').description('reports: the quarterly summary 季度走访工作总结');
  report
    .command('quarterly')
    .description('the quarterly visit summary as JSON, Excel or Word')
    .requiredOption('--quarter <quarter>', 'e.g. 2026Q3')
    .option('--staff <id>', 'one staff member (visits led, demands assigned, follow-ups owned)')
    .option('--town <name>', 'one town (its enterprises)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'xlsx', 'docx']).default('json'),
    )
    .option('--out <file>', 'write to this file (JSON: default stdout)')
    .option('--org <name>', "the bureau's name for titles, e.g. 启明区科技局")
    .action(async (opts: Options) => {
      const input = {
        quarter: opts.quarter,
        ...(opts.staff ? { staffId: opts.staff } : {}),
        ...(opts.town ? { town: opts.town } : {}),
      };
      const core = io.open();
      try {
        if (opts.format === 'json') {
          const result = call(core, 'reports.quarterly', input);
          if (!result.ok) io.fail(result.error);
          else if (opts.out) {
            writeFileSync(resolve(opts.out), `${JSON.stringify(result.result, null, 2)}\n`);
            io.out({ file: resolve(opts.out) });
          } else io.out(result.result);
          return;
        }
        let bytes: Buffer;
        let stem: string;
        try {
          const parsed = QuarterlyInput.parse(input);
          stem = fileStem(quarterlySummary(core, parsed));
          const options = { orgName: opts.org ?? null };
          bytes =
            opts.format === 'xlsx'
              ? await quarterlyXlsx(core, parsed, options)
              : await quarterlyDocx(core, parsed, options);
        } catch (e) {
          return io.fail(toErrorBody(e));
        }
        const file = resolve(opts.out ?? `${stem}.${opts.format}`);
        writeFileSync(file, bytes);
        io.out({ file, bytes: bytes.length });
      } finally {
        core.store.close();
      }
    });
}
