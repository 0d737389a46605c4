// `visit-ledger [--db FILE] ledger …`: import a ledger file, preview it, export a list, manage
// saved mappings. Each prints the API's JSON result; refusals go to stderr (exit 1).
//   ledger import FILE [--kind K] [--mapping JSON_FILE] [--saved-mapping NAME] [--sheet NAME]
//                      [--header-row N] [--encoding ENC] [--create-staff] [--create-units] [--dry-run]
//                      [--rejects OUT.xlsx]
//   ledger preview FILE [same options] [--rows N]
//   ledger export --kind KIND --out FILE [--filter JSON] [--q TEXT] [--sort JSON] [--columns a,b] [--format xlsx|csv]
//   ledger mappings list [--kind K] | save NAME --from FILE [--kind K] [--mapping JSON_FILE] | delete NAME
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { callAsync } from '../../dispatch';
import type { ApiErrorBody } from '@shared/contract/errors';
import { RECORD_KINDS } from '@shared/contract/methods';
import type { Core } from '../../core';
import { IMPORT_KINDS } from '@shared/ledger/types';

export interface LedgerCommandIo {
  open(): Core;
  out(value: unknown): void;
  fail(error: ApiErrorBody): never;
}

interface SourceOptions {
  kind?: string;
  mapping?: string;
  savedMapping?: string;
  sheet?: string;
  headerRow?: string;
  encoding?: string;
  createStaff?: boolean;
  createUnits?: boolean;
}

function usage(io: LedgerCommandIo, field: string, message: string): never {
  return io.fail({
    code: 'VALIDATION',
    message: `${field}: ${message}`,
    details: { field, issues: [{ path: field, message }] },
  });
}

function json(io: LedgerCommandIo, field: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return usage(io, field, `is not valid JSON: ${(e as Error).message}`);
  }
}

function sourceInput(io: LedgerCommandIo, file: string, o: SourceOptions): Record<string, unknown> {
  const input: Record<string, unknown> = { path: resolve(file) };
  if (o.kind) input.kind = o.kind;
  if (o.mapping) {
    let text: string;
    try {
      text = readFileSync(resolve(o.mapping), 'utf8');
    } catch (e) {
      return usage(io, 'mapping', `cannot read ${o.mapping}: ${(e as Error).message}`);
    }
    input.mapping = json(io, 'mapping', text.replace(/^\uFEFF/, ''));
  }
  if (o.savedMapping) input.savedMappingName = o.savedMapping;
  if (o.sheet) input.sheet = o.sheet;
  if (o.headerRow) input.headerRow = Number(o.headerRow);
  if (o.encoding) input.encoding = o.encoding;
  if (o.createStaff) input.createStaff = true;
  if (o.createUnits) input.createUnits = true;
  return input;
}

function withSourceOptions(cmd: Command): Command {
  return cmd
    .argument('<file>', 'the ledger: .xlsx, .xls, .et, .ods or .csv (UTF-8 or GBK)')
    .addOption(
      new Option('--kind <kind>', 'what a row is (default: detected from the headers)').choices(IMPORT_KINDS),
    )
    .option(
      '--mapping <file>',
      'JSON file {field: header text | column index | null} correcting the column mapping',
    )
    .option('--saved-mapping <name>', 'use a saved mapping')
    .option('--sheet <name>', 'the worksheet (default: the one whose headers fit best)')
    .option('--header-row <n>', 'the header row as Excel numbers it (default: detected)')
    .option('--encoding <enc>', 'CSV text encoding (default: detected; e.g. utf-8, gb18030)')
    .option('--create-staff', 'add staff members the file names and the app does not know')
    .option('--create-units', 'add units (承办单位) the file names and the app does not know');
}

async function run(io: LedgerCommandIo, method: string, input: unknown): Promise<void> {
  const core = io.open();
  const result = await callAsync(core, method, input).finally(() => core.store.close());
  if (!result.ok) io.fail(result.error);
  else io.out(result.result);
}

export function addLedgerCommand(program: Command, io: LedgerCommandIo): void {
  const ledger = program
    .command('ledger')
    .description('Excel/CSV ledgers: import 台账导入, export lists 导出');

  withSourceOptions(
    ledger.command('import').description('import a ledger file (one transaction, after a backup)'),
  )
    .option('--dry-run', 'report what would happen; write nothing')
    .option('--rejects <file>', 'write the rejected rows with their reasons to this .xlsx')
    .action((file: string, o: SourceOptions & { dryRun?: boolean; rejects?: string }) =>
      run(io, 'ledger.import', {
        ...sourceInput(io, file, o),
        dryRun: o.dryRun ?? false,
        ...(o.rejects ? { rejectsPath: resolve(o.rejects) } : {}),
      }),
    );

  withSourceOptions(
    ledger.command('preview').description('what the file holds and what importing it would do'),
  )
    .option('--rows <n>', 'rows to list (default 500)')
    .action((file: string, o: SourceOptions & { rows?: string }) =>
      run(io, 'ledger.preview', {
        ...sourceInput(io, file, o),
        ...(o.rows ? { rowsLimit: Number(o.rows) } : {}),
      }),
    );

  ledger
    .command('export')
    .description('export a list as the app shows it (Chinese headers and words)')
    .addOption(new Option('--kind <kind>', 'the list').choices(RECORD_KINDS).makeOptionMandatory())
    .requiredOption('--out <file>', '.xlsx or .csv')
    .option('--filter <json>', 'list filter, as in KIND.list')
    .option('--q <text>', 'quick search words')
    .option('--sort <json>', 'e.g. [{"field":"date","dir":"desc"}]')
    .option('--columns <keys>', 'comma-separated column keys (default: the list columns)')
    .addOption(new Option('--format <format>', 'default: from the file extension').choices(['xlsx', 'csv']))
    .action(
      (o: {
        kind: string;
        out: string;
        filter?: string;
        q?: string;
        sort?: string;
        columns?: string;
        format?: string;
      }) =>
        run(io, 'ledger.export', {
          kind: o.kind,
          path: resolve(o.out),
          ...(o.filter ? { filter: json(io, 'filter', o.filter) } : {}),
          ...(o.q ? { q: o.q } : {}),
          ...(o.sort ? { sort: json(io, 'sort', o.sort) } : {}),
          ...(o.columns
            ? {
                columns: o.columns
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(o.format ? { format: o.format } : {}),
        }),
    );

  const mappings = ledger.command('mappings').description('saved column mappings');
  mappings
    .command('list')
    .addOption(new Option('--kind <kind>').choices(IMPORT_KINDS))
    .action((o: { kind?: string }) => run(io, 'ledger.mappings.list', o.kind ? { kind: o.kind } : {}));
  mappings
    .command('save')
    .description(
      'save the mapping a file gets (detected, or corrected with --mapping) for files of its shape',
    )
    .argument('<name>')
    .requiredOption('--from <file>', 'a ledger file of that shape')
    .addOption(new Option('--kind <kind>').choices(IMPORT_KINDS))
    .option('--mapping <file>', 'JSON corrections {field: header | null}')
    .action(async (name: string, o: { from: string; kind?: string; mapping?: string }) => {
      const core = io.open();
      try {
        const preview = await callAsync(core, 'ledger.preview', {
          ...sourceInput(io, o.from, o),
          rowsLimit: 0,
        });
        if (!preview.ok) return io.fail(preview.error);
        const p = preview.result as {
          kind: string;
          headers: { text: string }[];
          mapping: { field: string; column: number }[];
        };
        const saved = await callAsync(core, 'ledger.mappings.save', {
          name,
          kind: p.kind,
          headers: p.headers.map((h) => h.text),
          mapping: Object.fromEntries(p.mapping.map((m) => [m.field, m.column])),
        });
        if (!saved.ok) return io.fail(saved.error);
        io.out(saved.result);
      } finally {
        core.store.close();
      }
    });
  mappings
    .command('delete')
    .argument('<name>')
    .action((name: string) => run(io, 'ledger.mappings.delete', { name }));
}
