#!/usr/bin/env node
// The command-line door: `visit-ledger [--db FILE] <command>`. Holds no logic of its own.
import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, callAsync } from '../../dispatch';
import { METHOD_NAMES } from '@shared/contract/methods';
import { openCore } from '../../open';
import { defaultDbPath, RENDERER_BUILD_DIR } from '../../paths';
import { ROLES } from '@shared/domain/enums';
import { seedDemo } from '../../../seeds/demo';
import { APP_VERSION } from '../../version';
import { addReportCommand } from './report';
import { addLedgerCommand } from './ledger';

const EXIT_USAGE = 2;

/** The comparison worker: built beside cli.js (build.ts), or its source when this runs from the sources. */
const REPORTS_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('../../features/reports/comparisonWorker.ts', import.meta.url)
  : new URL('./comparisonWorker.js', import.meta.url);

class UsageError extends Error {}

const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const fail = (error: unknown, code = 1): never => {
  process.stderr.write(`${JSON.stringify({ error }, null, 2)}\n`);
  process.exit(code);
};

function dbPath(program: Command): string {
  return resolve(program.opts<{ db?: string }>().db ?? defaultDbPath());
}

/**
 * Opens the database for a command. The app's own database, when it does not exist yet,
 * starts with the demo district exactly as the app's first start would; a file named
 * with --db starts empty.
 */
function openForCommand(program: Command) {
  return openCore(dbPath(program), { demoOnFirstStart: program.opts<{ db?: string }>().db === undefined });
}

export function buildProgram(): Command {
  const program = new Command('visit-ledger')
    .description('科技服务走访台账 Visit Ledger — command-line door to the same API as the app')
    .version(APP_VERSION)
    .option('--db <file>', "database file (default: the app's own, in the user-data folder)")
    .exitOverride()
    .showHelpAfterError();

  program
    .command('init')
    .description('create an empty database holding only its staff member ("me")')
    .requiredOption('--device-name <name>', 'name of this device, shown to colleagues after sync')
    .requiredOption('--staff-name <name>', 'your name')
    .addOption(new Option('--role <role>', 'your role').choices(ROLES).default('staff'))
    .action((opts: { deviceName: string; staffName: string; role: string }) => {
      const path = dbPath(program);
      if (existsSync(path)) throw new UsageError(`${path} already exists: init makes a new database`);
      const core = openCore(path, { deviceName: opts.deviceName });
      const created = call(core, 'staff.create', { name: opts.staffName, role: opts.role });
      if (!created.ok) fail(created.error);
      const me = created.ok ? (created.result as { id: string }) : null;
      const info = call(core, 'me.set', { staffId: me!.id });
      core.store.close();
      if (!info.ok) fail(info.error);
      out(info.ok ? info.result : null);
    });

  program
    .command('seed')
    .description('add the demo district (a fictional district with a year of work)')
    .option('--scale <n>', 'multiply the district: 20 ≈ 6,000 enterprises and 100,000+ visits', '1')
    .option('--seed <n>', 'random seed (the same seed gives the same district)', '1')
    .action((opts: { scale: string; seed: string }) => {
      const scale = Number(opts.scale);
      const seed = Number(opts.seed);
      if (!Number.isInteger(scale) || scale < 1 || scale > 200)
        throw new UsageError('--scale must be a whole number from 1 to 200');
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
      const core = openCore(dbPath(program));
      const started = performance.now();
      const counts = seedDemo(core, { scale, seed });
      core.store.close();
      out({ ...counts, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) });
    });

  program
    .command('call')
    .description('call one API method with a JSON input; prints the result as JSON')
    .argument('<method>', 'e.g. enterprises.create (see `methods`)')
    .argument('[json]', 'the input, as JSON', '{}')
    .action(async (method: string, json: string) => {
      let input: unknown;
      try {
        input = JSON.parse(json);
      } catch (e) {
        throw new UsageError(`the input is not valid JSON: ${(e as Error).message}`);
      }
      const core = openForCommand(program);
      const result = await callAsync(core, method, input);
      core.store.close();
      if (!result.ok) fail(result.error, result.error.code === 'UNKNOWN_METHOD' ? EXIT_USAGE : 1);
      else out(result.result);
    });

  program
    .command('methods')
    .description('list the API methods')
    .action(() => void process.stdout.write(`${METHOD_NAMES.join('\n')}\n`));

  program
    .command('web')
    .description('serve the app to a browser on 127.0.0.1 with a per-run token (the web mode)')
    .option('--port <n>', 'port (default: any free one)', '0')
    .option('--no-demo', 'do not load the demo district into a new database')
    .action(async (opts: { port: string; demo: boolean }) => {
      const staticDir = RENDERER_BUILD_DIR;
      if (!existsSync(join(staticDir, 'index.html'))) {
        throw new UsageError(`no built renderer in ${staticDir}: run \`npm run web\` (it builds first)`);
      }
      // Loaded here, not at the top: node:http alone adds tens of ms to every other command.
      const { startWebServer } = await import('../web/server');
      const path = dbPath(program);
      const core = openCore(path, {
        demoOnFirstStart: opts.demo,
        dailyBackup: true,
        reportsWorker: REPORTS_WORKER,
      });
      const server = await startWebServer(core, { port: Number(opts.port), staticDir });
      const demo = core.store.getMeta('demoLoadedAt');
      process.stdout.write(
        `Visit Ledger web mode\n  database: ${path}${demo ? ' (demo district loaded)' : ''}\n  open:     ${server.openUrl}\n`,
      );
      const stop = () => void server.close().then(() => (core.store.close(), process.exit(0)));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  const callOrFail = (method: string, input: unknown) => {
    const core = openForCommand(program);
    const result = call(core, method, input);
    core.store.close();
    if (!result.ok) fail(result.error);
    else out(result.result);
  };

  program
    .command('backup')
    .description('take a checked backup now (into the backups folder, or to --out)')
    .option('--out <file>', 'write the backup to this file instead (zstd if it ends in .zst, gzip in .gz)')
    .action((opts: { out?: string }) =>
      callOrFail('backups.create', opts.out ? { out: resolve(opts.out) } : {}),
    );
  program
    .command('restore')
    .description('replace the database with a backup (the current one is backed up first)')
    .argument('<file>')
    .action((file: string) => callOrFail('backups.restore', { file: resolve(file) }));

  const sync = program.command('sync').description('move work between laptops as encrypted .vlsync files');
  sync
    .command('export')
    .description('write everything since my last export (or everything, with --full) to a file')
    .requiredOption('--out <file>', 'the .vlsync file to write')
    .option('--full', 'everything this laptop knows (to set up a new laptop)')
    .action((opts: { out: string; full?: boolean }) =>
      callOrFail('sync.export', { path: resolve(opts.out), full: opts.full ?? false }),
    );
  sync
    .command('import')
    .description('import a .vlsync file (idempotent: importing it twice changes nothing)')
    .argument('<file>')
    .option('--confirm-mass-delete', 'import even if it deletes more than a fifth of some kind of record')
    .action((file: string, opts: { confirmMassDelete?: boolean }) =>
      callOrFail('sync.import', { path: resolve(file), confirmMassDelete: opts.confirmMassDelete ?? false }),
    );
  sync
    .command('folder')
    .description('sync through a shared folder: import new files there, export mine into it')
    .argument('<dir>')
    .option('--confirm-mass-delete', 'import even if a file deletes more than a fifth of some kind of record')
    .action((dir: string, opts: { confirmMassDelete?: boolean }) =>
      callOrFail('sync.folder', { path: resolve(dir), confirmMassDelete: opts.confirmMassDelete ?? false }),
    );
  sync
    .command('status')
    .description('team, pending changes, imports, devices')
    .action(() => callOrFail('sync.status', {}));
  const teamCmd = sync.command('team').description('create or join the sync team');
  teamCmd
    .command('create')
    .description('create a team; prints the teamCode to give colleagues (the passphrase is told separately)')
    .requiredOption('--name <name>', 'team name, e.g. the bureau')
    .action(async (opts: { name: string }) =>
      callOrFail('sync.team.create', { name: opts.name, passphrase: await passphrase() }),
    );
  teamCmd
    .command('join')
    .description('join a team with its teamCode and passphrase')
    .requiredOption('--code <code>', 'the teamCode a colleague gave you')
    .action(async (opts: { code: string }) =>
      callOrFail('sync.team.join', { code: opts.code, passphrase: await passphrase() }),
    );

  addReportCommand(program, { open: () => openCore(dbPath(program)), out, fail: (error) => fail(error) });
  addLedgerCommand(program, { open: () => openCore(dbPath(program)), out, fail: (error) => fail(error) });

  return program;
}

/** From VISIT_LEDGER_PASSPHRASE or a hidden prompt; never from the command line (it would land in shell history). */
async function passphrase(): Promise<string> {
  const fromEnv = process.env.VISIT_LEDGER_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError(
      'set VISIT_LEDGER_PASSPHRASE or run in a terminal to be asked for the team passphrase',
    );
  const { default: password } = await import('@inquirer/password');
  return password({ message: 'Team passphrase 团队口令:', mask: '*' });
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exit(e.exitCode === 0 ? 0 : EXIT_USAGE);
    }
    if (e instanceof UsageError) {
      process.stderr.write(`visit-ledger: ${e.message}\n`);
      process.exit(EXIT_USAGE);
    }
    fail({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: {} });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2));
}
