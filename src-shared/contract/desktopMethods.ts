// The desktop shell's own calls (native dialogs, files handed to the app by the system), apart
// from the core's contract: only the Electron door answers them. Kept free of zod, like
// methods.ts, so the sandboxed preload can expose exactly these names.

export const DESKTOP_METHOD_NAMES = [
  'desktop.saveFile',
  'desktop.chooseFolder',
  'desktop.openFile',
  'desktop.takeOpenRequests',
  'desktop.setLanguage',
] as const;
export type DesktopMethodName = (typeof DESKTOP_METHOD_NAMES)[number];

export function isDesktopMethodName(name: unknown): name is DesktopMethodName {
  return (DESKTOP_METHOD_NAMES as readonly unknown[]).includes(name);
}
