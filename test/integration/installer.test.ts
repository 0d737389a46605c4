import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPathOf } from '../../src-main/doors/electron/openRequest';
import { PROJECT_ROOT } from '../../src-main/paths';
import pkg from '../../package.json' with { type: 'json' };

// The installer's configuration (package.json "build"), held to what a bureau laptop needs and
// checked against electron-builder's own schema; building it needs Electron's binary download,
// which this machine cannot make (README: Desktop app).

const build = pkg.build;

describe('the installer configuration', () => {
  it('is one electron-builder accepts', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { add(): void; isEnabled: boolean }): Promise<void>;
    };
    const logger = { add: () => undefined, isEnabled: false };
    await expect(validateConfiguration(build, logger)).resolves.toBeUndefined();
    // …and it would say so if not.
    await expect(
      validateConfiguration({ ...build, nsis: { ...build.nsis, perUser: true } }, logger),
    ).rejects.toThrow(/configuration/);
  });

  it('installs per user, without administrator rights, speaking Chinese', () => {
    expect(build.nsis).toMatchObject({
      oneClick: true,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      multiLanguageInstaller: false,
    });
  });

  it('names its desktop and Start-menu shortcuts 科技服务走访台账', () => {
    expect(build.nsis).toMatchObject({
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: '科技服务走访台账',
    });
    expect(build.linux.desktop.entry.Name).toBe('科技服务走访台账');
  });

  it('opens a double-clicked .vlsync with the app, which takes it to the sync import', () => {
    expect(build.fileAssociations).toHaveLength(1);
    const [association] = build.fileAssociations;
    expect(openPathOf(['VisitLedger.exe', `C:\\Downloads\\王五.${association!.ext}`])?.purpose).toBe('sync');
    expect(association!.mimeType).toMatch(/^application\//); // what AppImage's desktop entry needs
  });

  it('builds NSIS for Windows and AppImage for Linux with the app icon (at least 256 px)', () => {
    expect(build.win).toEqual({ target: 'nsis', icon: 'resources/icon.png' });
    expect(build.linux).toMatchObject({ target: 'AppImage', icon: 'resources/icon.png' });
    const png = readFileSync(join(PROJECT_ROOT, build.win.icon));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
  });
});
