import type { IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '../../dispatch';
import type { ElectronApi } from './electronApi';
import { IPC_CHANNEL } from './ipcChannel';

/**
 * The IPC door: one channel for the contract's methods and the shell's own (desktop.*),
 * answered by `answer`; only frames loaded from the app's own files or dev server are heard.
 */
export function registerIpc(
  ipcMain: ElectronApi['ipcMain'],
  answer: (method: unknown, input: unknown) => Promise<CallResult>,
  isTrustedUrl: (url: string) => boolean,
): void {
  ipcMain.handle(
    IPC_CHANNEL,
    (event: IpcMainInvokeEvent, method: unknown, input: unknown): CallResult | Promise<CallResult> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedUrl(url)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `calls from ${url || 'an unknown frame'} are refused`,
            details: {},
          },
        };
      }
      return answer(method, input);
    },
  );
}
