// Files leaving and entering the app, whichever door the page is behind: in the desktop app
// the shell's native dialogs (a save dialog proposing a Chinese name in Documents, a folder
// picker, the files double-clicked in the system), in the web mode the browser's download.
// Screens ask here and do not know which they got.
import type { DesktopInput, DesktopOutput, OpenRequest } from '@shared/contract/desktop';
import type { DesktopMethodName } from '@shared/contract/desktopMethods';
import { ApiError } from './api';

type DesktopCall<M extends DesktopMethodName> = M extends `desktop.${infer N}` ? N : never;

async function desktopCall<M extends DesktopMethodName>(
  method: M,
  input?: DesktopInput<M>,
): Promise<DesktopOutput<M>> {
  const name = method.slice('desktop.'.length) as DesktopCall<M>;
  const r = await window.visitLedger!.desktop[name](input);
  if (r.ok) return r.result as DesktopOutput<M>;
  throw new ApiError(r.error.code, r.error.message, r.error.details ?? {});
}

const isDesktop = () => typeof window !== 'undefined' && Boolean(window.visitLedger?.desktop);

function download(fileName: string, contentBase64: string, mime: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export type SaveRequest = DesktopInput<'desktop.saveFile'> & { mime: string };

export const files = {
  /**
   * Saves a file the core made: where the person chooses (desktop), or as a download (web).
   * Resolves with where it went, to tell the person, or null when they cancelled.
   */
  async saveAs({ mime, ...request }: SaveRequest): Promise<string | null> {
    if (!isDesktop()) {
      download(request.fileName, request.contentBase64, mime);
      return request.fileName;
    }
    return (await desktopCall('desktop.saveFile', request))?.path ?? null;
  },

  /** Whether a folder can be picked (the browser cannot give a folder's path). */
  canChooseFolder: (): boolean => isDesktop(),

  /** A folder the person picks, or null (cancelled, or no picker here). */
  async chooseFolder(): Promise<string | null> {
    if (!isDesktop()) return null;
    return (await desktopCall('desktop.chooseFolder'))?.path ?? null;
  },

  /** Whether files are opened through a native dialog (else the page's own file input). */
  canOpenFile: (): boolean => isDesktop(),

  /** A ledger or sync file the person picks in the native dialog, or null (cancelled). */
  async openFile(purpose: DesktopInput<'desktop.openFile'>['purpose']): Promise<File | null> {
    if (!isDesktop()) return null;
    const opened = await desktopCall('desktop.openFile', { purpose });
    return opened ? fileOf(opened) : null;
  },

  /** The files the system handed the app since last asked (a double-clicked .vlsync…). */
  async handedOver(): Promise<OpenRequest[]> {
    return isDesktop() ? desktopCall('desktop.takeOpenRequests') : [];
  },

  /** Tells the desktop shell the UI's language (its menu and dialogs follow). */
  async setLanguage(language: DesktopInput<'desktop.setLanguage'>['language']): Promise<void> {
    if (isDesktop()) await desktopCall('desktop.setLanguage', { language });
  },
};

/** A handed-over file as the screens' file pickers give one. */
export function fileOf(request: OpenRequest): File {
  const binary = atob(request.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new File([bytes], request.name);
}
