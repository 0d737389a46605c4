// The BrowserWindow settings, kept as plain data so a test can hold them to Electron's
// security checklist without starting Electron.
export function windowPreferences(preloadPath: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    preload: preloadPath,
  } as const;
}

/** Only the app's own files (or the dev server in development) may be shown or call the API. */
export function trustedUrl(url: string, devServerUrl: string | undefined, rendererDir: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  try {
    const u = new URL(url);
    return (
      u.protocol === 'file:' && decodeURIComponent(u.pathname).startsWith(rendererDir.replace(/\\/g, '/'))
    );
  } catch {
    return false;
  }
}
