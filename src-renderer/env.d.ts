/// <reference types="vite/client" />
import type { MethodName } from '@shared/contract/methods';
import type { ApiErrorBody } from '@shared/contract/errors';
import type { DesktopMethodName } from '@shared/contract/desktopMethods';

/**
 * What the sandboxed preload exposes in Electron (src-main/doors/electron/preload.ts): one
 * function per contract method, and the desktop shell's own calls under `desktop`.
 */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };
type BridgeCall = (input?: unknown) => Promise<BridgeResult>;
export type VisitLedgerBridge = Record<MethodName, BridgeCall> & {
  desktop: Record<DesktopMethodName extends `desktop.${infer N}` ? N : never, BridgeCall>;
};

declare global {
  interface Window {
    visitLedger?: VisitLedgerBridge;
  }
}
