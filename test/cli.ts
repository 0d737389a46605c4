import { execFile, execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// The command line as people run it, for the tests that drive it: bin/visit-ledger.mjs, which
// runs the compiled CLI while it is fresh (a third of a second a call) and the sources through
// tsx otherwise (right after an edit). cli-build.test.ts checks that both answer alike, on a
// build of its own.

const ROOT = resolve(__dirname, '..');
export const BIN = join(ROOT, 'bin/visit-ledger.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `visit-ledger ARGS` to its end: its exit code and output. */
export function cli(args: string[], timeout = 60_000): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Runs `visit-ledger ARGS` and returns what it printed; throws (with status and stderr) if it failed. */
export function cliSync(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
