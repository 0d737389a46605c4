import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { summaryThroughWorker, tempDir } from '../helpers';
import {
  buildCli,
  BUNDLED,
  CLI_BUILD_DIR,
  CLI_ENTRY,
  CLI_INPUTS,
  packageOf,
} from '../../src-main/doors/cli/build';

// The compiled CLI (out/cli/) answers exactly as the sources do, and bin/visit-ledger.mjs uses
// it only while it is newer than every file it was made from. This file builds, replaces and
// removes the out/cli/ of a checkout of its own (the bin copied, the rest linked to this one),
// so the tests that run this checkout's bin meanwhile (test/cli.ts) never meet a stand-in.

const ROOT = resolve(__dirname, '../..');
const CHECKOUT = mkdtempSync(join(tmpdir(), 'vl-checkout-'));
const BIN = join(CHECKOUT, 'bin/visit-ledger.mjs');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SOURCE = join(ROOT, 'src-main/doors/cli/cli.ts');
const ENTRY = join(CHECKOUT, CLI_BUILD_DIR, CLI_ENTRY);
const INPUTS = join(CHECKOUT, CLI_BUILD_DIR, CLI_INPUTS);

/** CHECKOUT as a copy of this checkout: its own bin/ and out/, everything the build reads linked. */
function makeCheckout(): void {
  mkdirSync(join(CHECKOUT, 'bin'));
  copyFileSync(join(ROOT, 'bin/visit-ledger.mjs'), BIN);
  for (const name of [
    'package.json',
    'node_modules',
    'src-main',
    'src-shared',
    'tsconfig.base.json',
    'tsconfig.node.json',
    'package-lock.json',
  ])
    symlinkSync(join(ROOT, name), join(CHECKOUT, name));
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
const viaBin = (args: string[]) => run([BIN, ...args]);
const fromSource = (args: string[]) => run([TSX, SOURCE, ...args]);

let db: string;

beforeAll(async () => {
  makeCheckout();
  await buildCli(CHECKOUT);
  db = join(tempDir(), 'cli.db');
  const init = await fromSource(['--db', db, 'init', '--device-name', 'laptop', '--staff-name', '王芳']);
  expect(init.code).toBe(0);
}, 60_000);

afterAll(() => rmSync(CHECKOUT, { recursive: true, force: true }));

describe('the compiled CLI', () => {
  it.each([
    ['a call', ['call', 'staff.list', '{}'], 0],
    ['a refused call', ['call', 'enterprises.create', '{"name":""}'], 1],
    ['an unknown method', ['call', 'no.such.method', '{}'], 2],
    ['bad JSON', ['call', 'staff.list', '{'], 2],
    ['--version', ['--version'], 0],
  ])('answers %s as the sources do', async (_what, args, code) => {
    const [compiled, source] = await Promise.all([
      viaBin(['--db', db, ...args]),
      fromSource(['--db', db, ...args]),
    ]);
    expect(compiled.code).toBe(code);
    expect(compiled).toEqual(source);
  });

  it('bundles the small packages every call loads: none is looked up in node_modules', () => {
    const dir = join(CHECKOUT, CLI_BUILD_DIR);
    const files = [CLI_ENTRY, ...readdirSync(join(dir, 'chunks')).map((f) => `chunks/${f}`)];
    const imported = new Set(
      files.flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/\bfrom\s*"([^".][^"]*)"/g)].map((m) => m[1]!),
      ),
    );
    expect([...imported].filter((p) => BUNDLED.has(packageOf(p)))).toEqual([]);
    // The native driver and the file libraries stay packages of their own.
    expect(imported).toContain('better-sqlite3');
    expect(imported).toContain('exceljs');
  });

  it("builds the web mode's comparison worker beside cli.js, and it counts as the main thread does", async () => {
    const { paired, alone, answered } = await summaryThroughWorker(
      join(CHECKOUT, CLI_BUILD_DIR, 'comparisonWorker.js'),
    );
    expect(answered).toBe(1);
    expect(paired).toEqual(alone);
  });

  it('reports the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await viaBin(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('finds the project folder from below out/', async () => {
    // paths.ts as the build places it: in a chunk two folders below the project root.
    const dir = join(ROOT, 'out', `paths-test-${process.pid}`);
    try {
      await build({
        absWorkingDir: ROOT,
        entryPoints: ['src-main/paths.ts'],
        outfile: join(dir, 'chunks', 'paths.js'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        logLevel: 'error',
      });
      const paths = (await import(pathToFileURL(join(dir, 'chunks', 'paths.js')).href)) as {
        PROJECT_ROOT: string;
        RENDERER_BUILD_DIR: string;
      };
      expect(paths.PROJECT_ROOT).toBe(ROOT);
      expect(paths.RENDERER_BUILD_DIR).toBe(join(ROOT, 'out', 'renderer'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bin/visit-ledger.mjs', () => {
  // A stand-in build that says it ran: which of the two the bin chose shows in its output.
  const standIn = () =>
    writeFileSync(ENTRY, `export async function main() { process.stdout.write('compiled build\\n'); }\n`);

  it('runs the build while it is fresh', async () => {
    await buildCli(CHECKOUT);
    standIn();
    expect((await viaBin(['--db', db, 'call', 'staff.list', '{}'])).stdout).toBe('compiled build\n');
  });

  it('runs the sources once one of them is newer than the build', async () => {
    await buildCli(CHECKOUT);
    standIn();
    // As if src-main/… had been saved after the build: older than any source can be (an hour
    // back was not, in a checkout whose files were all saved more than an hour before).
    const old = new Date(0);
    utimesSync(INPUTS, old, old);
    const r = await viaBin(['--db', db, 'call', 'staff.list', '{}']);
    expect(r.code).toBe(0);
    expect(r).toEqual(await fromSource(['--db', db, 'call', 'staff.list', '{}']));
  });

  it('runs the sources when there is no build', async () => {
    rmSync(join(CHECKOUT, CLI_BUILD_DIR), { recursive: true, force: true });
    const r = await viaBin(['--db', db, 'methods']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('staff.list\n');
  });
});
