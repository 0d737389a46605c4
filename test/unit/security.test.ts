import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { windowPreferences, trustedUrl } from '../../src-main/doors/electron/window';
import { CSP } from '../../src-main/doors/security';
import { METHOD_NAMES } from '@shared/contract/methods';
import { contract } from '@shared/contract/contract';
import { DESKTOP_METHOD_NAMES } from '@shared/contract/desktopMethods';
import { desktopContract } from '@shared/contract/desktop';

// Electron's security checklist, held in place: any loosening fails here.

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window settings', () => {
  const prefs = windowPreferences('/app/preload.cjs');
  it('isolates the renderer from Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('the shell uses these settings, enables the sandbox everywhere and blocks navigation and new windows', () => {
    // The shell's start (startup.ts) and its window (mainWindow.ts), once main.ts hands them Electron.
    const main = ['startup.ts', 'mainWindow.ts', 'main.ts']
      .map((f) => readFileSync(`src-main/doors/electron/${f}`, 'utf8'))
      .join('\n');
    expect(main).toMatch(/webPreferences: windowPreferences\(/);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*action: 'deny'/);
    expect(main).toMatch(/setPermissionRequestHandler\([\s\S]*done\(false\)/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('trusts only the app files (or the dev server in development)', () => {
    expect(trustedUrl('file:///opt/app/out/renderer/index.html', undefined, '/opt/app/out/renderer')).toBe(
      true,
    );
    expect(trustedUrl('file:///etc/passwd', undefined, '/opt/app/out/renderer')).toBe(false);
    expect(trustedUrl('https://evil.example/', undefined, '/opt/app/out/renderer')).toBe(false);
    expect(trustedUrl('http://localhost:5173/#/visits', 'http://localhost:5173', '/x')).toBe(true);
    expect(trustedUrl('http://localhost:5174/', 'http://localhost:5173/', '/x')).toBe(false);
  });
});

describe('trusted files on Windows', () => {
  const dir = 'C:\\Program Files\\Visit Ledger\\resources\\app.asar\\out\\renderer';
  it('trusts the installed renderer, whose file URL starts with /C:/ and escapes spaces', () => {
    expect(
      trustedUrl(
        'file:///C:/Program%20Files/Visit%20Ledger/resources/app.asar/out/renderer/index.html',
        undefined,
        dir,
      ),
    ).toBe(true);
    expect(
      trustedUrl(
        'file:///c:/program%20files/visit%20ledger/resources/app.asar/out/renderer/index.html',
        undefined,
        dir,
      ),
    ).toBe(true);
  });
  it('and nothing beside it', () => {
    expect(trustedUrl('file:///C:/Windows/system32/x.html', undefined, dir)).toBe(false);
    expect(
      trustedUrl(
        'file:///C:/Program%20Files/Visit%20Ledger/resources/app.asar/out/renderer-evil/x.html',
        undefined,
        dir,
      ),
    ).toBe(false);
    expect(trustedUrl('file:///opt/app/out/renderer-evil/x.html', undefined, '/opt/app/out/renderer')).toBe(
      false,
    );
  });
});

describe('content security policy', () => {
  const csp = directives(CSP);
  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-eval|\*|http:|https:/);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('the page carries the same policy (less what a meta tag cannot carry)', () => {
    const html = readFileSync('src-renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromMeta = directives(meta!);
    for (const [name, values] of csp) {
      if (name === 'frame-ancestors') continue; // ignored in <meta>; sent as a header instead
      expect(fromMeta.get(name), name).toEqual(values);
    }
  });
});

describe('preload', () => {
  it('exposes exactly the contract methods, through one channel', () => {
    expect(new Set(METHOD_NAMES)).toEqual(new Set(Object.keys(contract)));
    const preload = readFileSync('src-main/doors/electron/preload.ts', 'utf8');
    expect(preload).toMatch(/METHOD_NAMES\.map/);
    expect(preload).toMatch(/exposeInMainWorld\('visitLedger', api\)/);
    expect(preload).not.toMatch(/ipcRenderer\.(?!invoke\(IPC_CHANNEL)/);
    expect(preload).not.toMatch(/exposeInMainWorld\((?!.visitLedger., api\))/);
  });

  it("exposes the shell's own calls by name, each with a strict input checked in the main process", () => {
    expect(new Set(DESKTOP_METHOD_NAMES)).toEqual(new Set(Object.keys(desktopContract)));
    const preload = readFileSync('src-main/doors/electron/preload.ts', 'utf8');
    expect(preload).toMatch(/DESKTOP_METHOD_NAMES\.map/);
    // No path, command or URL can be slipped in beside what a call takes.
    for (const name of DESKTOP_METHOD_NAMES) {
      const { input } = desktopContract[name];
      expect(input.safeParse({ path: '/etc/passwd' }).success, name).toBe(false);
    }
    const startup = readFileSync('src-main/doors/electron/startup.ts', 'utf8');
    expect(startup).toMatch(/desktopContract\[method\]\.input\.safeParse\(input\)/);
  });
});
