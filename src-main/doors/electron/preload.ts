// Runs sandboxed, with context isolation: exposes exactly the contract's methods, and under
// `desktop` the shell's own named calls (native dialogs, files handed over by the system),
// all through one channel, and nothing of Node.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type MethodName } from '@shared/contract/methods';
import { DESKTOP_METHOD_NAMES, type DesktopMethodName } from '@shared/contract/desktopMethods';
import { IPC_CHANNEL } from './ipcChannel';

const api = Object.freeze({
  ...(Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
  ) as Record<MethodName, (input?: unknown) => Promise<unknown>>),
  desktop: Object.freeze(
    Object.fromEntries(
      DESKTOP_METHOD_NAMES.map((name) => [
        name.slice('desktop.'.length),
        (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
      ]),
    ) as Record<
      DesktopMethodName extends `desktop.${infer N}` ? N : never,
      (input?: unknown) => Promise<unknown>
    >,
  ),
});

contextBridge.exposeInMainWorld('visitLedger', api);
