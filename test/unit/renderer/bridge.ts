// A Visit Ledger bridge for renderer tests: window.visitLedger answered by a real core on a
// temporary SQLite file (the same handlers as the Electron door, the asynchronous ones
// included), with every call recorded.
import { callAsync as coreCall } from '../../../src-main/dispatch';
import { METHOD_NAMES, type MethodName } from '@shared/contract/methods';
import { makeCore, type TestCore } from '../../helpers';
import type { VisitLedgerBridge } from '../../../src-renderer/env';

export interface Bridge extends TestCore {
  calls: { method: MethodName; input: unknown }[];
  /** Make one method fail (or answer) differently. */
  override(method: MethodName, answer: (input: unknown) => unknown): void;
}

/** A bridge on a new database (`options`), or on the database of an existing test core. */
export function installBridge(options: Parameters<typeof makeCore>[0] | TestCore = {}): Bridge {
  const t = 'core' in options ? options : makeCore(options);
  const calls: Bridge['calls'] = [];
  const overrides = new Map<MethodName, (input: unknown) => unknown>();
  const bridge = Object.fromEntries(
    METHOD_NAMES.map((m) => [
      m,
      async (input?: unknown) => {
        calls.push({ method: m, input });
        const o = overrides.get(m);
        if (o) return o(input);
        // Through JSON, as over IPC.
        return JSON.parse(
          JSON.stringify(
            await coreCall(t.core, m, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
          ),
        );
      },
    ]),
  ) as unknown as VisitLedgerBridge;
  window.visitLedger = bridge;
  return { ...t, calls, override: (m, a) => overrides.set(m, a) };
}
