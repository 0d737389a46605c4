/// <reference types="vite/client" />
import type { MethodName } from '../src-main/api/methods';
import type { ApiErrorBody } from '../src-main/api/errors';

/** What the sandboxed preload exposes in Electron (src-main/preload.ts): one function per contract method. */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };
export type VisitLedgerBridge = Record<MethodName, (input?: unknown) => Promise<BridgeResult>>;

declare global {
  interface Window {
    visitLedger?: VisitLedgerBridge;
  }
}
