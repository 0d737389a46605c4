import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { call, callAsync } from '../../dispatch';
import type { ApiErrorBody } from '@shared/contract/errors';
import type { MethodOutput } from '@shared/contract/contract';
import type { Core } from '../../core';

// `visit-ledger [--db FILE] report quarterly --quarter 2026Q3 [--staff ID] [--town NAME]
//   [--format json|xlsx|docx] [--out FILE] [--org NAME]`: JSON goes to stdout unless --out is
// given; xlsx and docx (reports.export) go to --out, which must end with .xlsx / .docx, or to
// 季度走访工作总结-<quarter>.<ext> in the current folder.

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
    });
}
