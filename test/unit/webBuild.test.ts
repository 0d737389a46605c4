import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuildFresh, RENDERER_BUILD } from '../../src-main/doors/web/build';
import { RENDERER_BUILD_DIR } from '../../src-main/paths';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes a file, it and its folders stamped with the given time (seconds since the epoch). */
function file(path: string, at: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, 'x');
  for (let p = full; p !== root; p = dirname(p)) utimesSync(p, at, at);
}

describe('npm run web reuses an up-to-date renderer build', () => {
  it('builds when there is no build, or a source is newer than it', () => {
    root = mkdtempSync(join(tmpdir(), 'vl-web-'));
    file('src-renderer/screens/A.tsx', 1000);
    file('src-shared/labels.ts', 1000);
    expect(isBuildFresh(root)).toBe(false);
    file(RENDERER_BUILD, 2000);
    expect(isBuildFresh(root)).toBe(true);
    file('src-shared/model/staff.ts', 3000);
    expect(isBuildFresh(root)).toBe(false);
    file(RENDERER_BUILD, 4000);
    expect(isBuildFresh(root)).toBe(true);
    file('package.json', 5000);
    expect(isBuildFresh(root)).toBe(false);
  });
});

it("serves the renderer from the project's out/renderer, wherever the door lives", () => {
  expect(RENDERER_BUILD_DIR).toBe(join(import.meta.dirname, '..', '..', 'out', 'renderer'));
  expect(join(RENDERER_BUILD_DIR, 'index.html')).toBe(join(import.meta.dirname, '../..', RENDERER_BUILD));
});
