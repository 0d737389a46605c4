import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { callAsync, type CallResult } from '../../dispatch';
import type { Core } from '../../core';
import { IPC_CHANNEL } from './ipcChannel';

/** The IPC door: answers only frames loaded from the app's own files or dev server. */
export function registerIpc(core: Core, isTrustedUrl: (url: string) => boolean): void {
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
      return callAsync(core, method, input);
    },
  );
}
