// Compiles the CLI into out/cli/ so `visit-ledger` starts like a compiled tool instead of
// transpiling a few hundred files through tsx on every call. Runs on install (`prepare`) and in
// `npm run build`; bin/visit-ledger.mjs uses the build only while it is newer than every file
// it was made from (listed in out/cli/inputs.json), and the sources through tsx otherwise.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths';

/** Where the compiled CLI goes, relative to the project root; bin/visit-ledger.mjs reads the same names. */
export const CLI_BUILD_DIR = 'out/cli';
export const CLI_ENTRY = 'cli.js';
export const CLI_INPUTS = 'inputs.json';

/** Made part of every build by hand: they shape the output without being imported. */
const CONFIG_INPUTS = ['tsconfig.base.json', 'tsconfig.node.json', 'src-main/doors/cli/build.ts'];

/** Bundles src-main/doors/cli/cli.ts and everything it imports from the project; npm packages stay external. */
export async function buildCli(root: string = PROJECT_ROOT): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  const outdir = join(root, CLI_BUILD_DIR);
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src-main/doors/cli/cli.ts' },
    outdir,
    bundle: true,
    // The heavy file libraries are imported dynamically: each stays a chunk loaded on first use.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // npm packages (better-sqlite3 is native) load from node_modules as they do from source.
    packages: 'external',
    tsconfig: 'tsconfig.node.json',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = [...Object.keys(metafile.inputs), ...CONFIG_INPUTS].sort();
  // Written last: its time is the build's time.
  writeFileSync(join(outdir, CLI_INPUTS), `${JSON.stringify({ inputs }, null, 1)}\n`);
  return { files: inputs.length, ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, ms } = await buildCli();
  console.log(`compiled the CLI into ${CLI_BUILD_DIR}/ from ${files} files in ${Math.round(ms)} ms`);
}
