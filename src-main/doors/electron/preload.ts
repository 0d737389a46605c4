// Runs sandboxed, with context isolation: exposes exactly the contract's methods and nothing of Node.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, type MethodName } from '@shared/contract/methods';
import { IPC_CHANNEL } from './ipcChannel';

const api = Object.freeze(
  Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
  ) as Record<MethodName, (input?: unknown) => Promise<unknown>>,
);

contextBridge.exposeInMainWorld('visitLedger', api);
