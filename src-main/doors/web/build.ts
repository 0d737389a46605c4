// `npm run web` builds the renderer only when its sources are newer than the last build:
// a build takes half a minute, and most starts follow no change to the screens.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../paths';

/** What the built renderer is made from, relative to the project root. */
export const RENDERER_SOURCES = [
  'src-renderer',
  'src-shared',
  'electron.vite.config.ts',
  'package.json',
  'tsconfig.base.json',
];
/** The build's newest output: written last by electron-vite. */
export const RENDERER_BUILD = 'out/renderer/index.html';

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the built renderer exists and no source changed after it was written. */
export function isBuildFresh(root: string): boolean {
  const built = statSync(join(root, RENDERER_BUILD), { throwIfNoEntry: false });
  if (!built) return false;
  return RENDERER_SOURCES.every((s) => newestMtime(join(root, s)) <= built.mtimeMs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = PROJECT_ROOT;
  if (isBuildFresh(root)) console.log('renderer build is up to date');
  else
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      stdio: 'inherit',
    });
}
