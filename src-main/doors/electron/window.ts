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

/** A path as a file URL's path shows it: forward slashes, a drive letter's path led by one. */
function comparablePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const led = /^[A-Za-z]:\//.test(slashed) ? `/${slashed}` : slashed;
  // Windows paths ignore case (the drive letter's, at least, varies between APIs).
  return /^\/[A-Za-z]:\//.test(led) ? led.toLowerCase() : led;
}

/** Only the app's own files (or the dev server in development) may be shown or call the API. */
export function trustedUrl(url: string, devServerUrl: string | undefined, rendererDir: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:') return false;
    const dir = comparablePath(rendererDir).replace(/\/$/, '');
    return comparablePath(decodeURIComponent(u.pathname)).startsWith(`${dir}/`);
  } catch {
    return false;
  }
}
