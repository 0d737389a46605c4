// Compiles the CLI into out/cli/ so `visit-ledger` starts like a compiled tool instead of
// transpiling a few hundred files through tsx on every call. Runs on install (`prepare`) and in
// `npm run build`; bin/visit-ledger.mjs uses the build only while it is newer than every file
// it was made from (listed in out/cli/inputs.json), and the sources through tsx otherwise.
import { build, type Plugin } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths';

/** Where the compiled CLI goes, relative to the project root; bin/visit-ledger.mjs reads the same names. */
export const CLI_BUILD_DIR = 'out/cli';
export const CLI_ENTRY = 'cli.js';
export const CLI_INPUTS = 'inputs.json';

/**
 * Made part of every build by hand: they shape the output without being imported. The lock
 * file stands for the bundled packages (BUNDLED): their files are not listed one by one, as
 * each listed file costs every call a look at it.
 */
const CONFIG_INPUTS = [
  'tsconfig.base.json',
  'tsconfig.node.json',
  'src-main/doors/cli/build.ts',
  'package-lock.json',
];

/**
 * The small packages every call loads, bundled: resolving a package from node_modules (its
 * package.json's exports) cost a call some 15 ms. The others load from node_modules: better-sqlite3
 * is native, and the file libraries and pinyin-pro load on first use.
 */
export const BUNDLED = new Set(['zod', 'uuid', 'commander', 'pure-rand', 'date-fns']);

/** A bare import's package name: `@scope/name` or `name`. */
export const packageOf = (path: string): string =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Keeps every package but the bundled ones external (esbuild's `packages: 'external'`, less
 * those); `@shared/` is the project's own (tsconfig paths).
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith('node:') || path.startsWith('@shared/') || BUNDLED.has(packageOf(path))
        ? undefined
        : { path, external: true },
    );
  },
};

/** Bundles src-main/doors/cli/cli.ts, everything it imports from the project and the BUNDLED packages. */
export async function buildCli(root: string = PROJECT_ROOT): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  const outdir = join(root, CLI_BUILD_DIR);
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: {
      cli: 'src-main/doors/cli/cli.ts',
      // The web mode's comparison worker (features/reports/comparisons.ts), beside cli.js.
      comparisonWorker: 'src-main/features/reports/comparisonWorker.ts',
    },
    outdir,
    bundle: true,
    // The heavy file libraries are imported dynamically: each stays a chunk loaded on first use.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node22',
    plugins: [externalPackages],
    minifyWhitespace: true,
    tsconfig: 'tsconfig.node.json',
    metafile: true,
    logLevel: 'warning',
  });
  const own = Object.keys(metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  const inputs = [...own, ...CONFIG_INPUTS].sort();
  // Written last: its time is the build's time.
  writeFileSync(join(outdir, CLI_INPUTS), `${JSON.stringify({ inputs }, null, 1)}\n`);
  return { files: inputs.length, ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, ms } = await buildCli();
  console.log(`compiled the CLI into ${CLI_BUILD_DIR}/ from ${files} files in ${Math.round(ms)} ms`);
}
