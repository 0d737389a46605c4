/// <reference types="vite/client" />
import type { MethodName } from '@shared/contract/methods';
import type { ApiErrorBody } from '@shared/contract/errors';

/** What the sandboxed preload exposes in Electron (src-main/doors/electron/preload.ts): one function per contract method. */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };
export type VisitLedgerBridge = Record<MethodName, (input?: unknown) => Promise<BridgeResult>>;

declare global {
  interface Window {
    visitLedger?: VisitLedgerBridge;
  }
}
